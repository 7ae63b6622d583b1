import type { FormDefinition } from '../../forms/definition.ts';
import { KNOWLEDGE_NRM_FORM_KEY, knowledgeNrmForm } from './knowledge-nrm.ts';
import { SATISFACTION_FORM_KEY, satisfactionForm } from './satisfaction.ts';

/**
 * The questionnaires shipped for community activities: a scored knowledge test (before and
 * after) and a satisfaction survey. They are ordinary forms of the forms engine, seeded by
 * `form.seed_builtin` with the screening forms; activities name them by form key.
 */
export { ACTIVITY_FORMS_VERSION, KNOWLEDGE_NRM_FORM_KEY, knowledgeNrmForm } from './knowledge-nrm.ts';
export { SATISFACTION_FORM_KEY, SATISFACTION_ITEMS, SATISFACTION_SCALE, satisfactionForm } from './satisfaction.ts';

export const ACTIVITY_FORM_KEYS = { knowledgeTest: KNOWLEDGE_NRM_FORM_KEY, satisfaction: SATISFACTION_FORM_KEY } as const;

export const ACTIVITY_FORMS: readonly FormDefinition[] = [knowledgeNrmForm, satisfactionForm];
