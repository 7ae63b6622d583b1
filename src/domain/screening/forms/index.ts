import { ACTIVITY_FORMS } from '../../activities/forms/index.ts';
import type { FormDefinition } from '../../forms/definition.ts';
import { CHILD_FORM_KEY, childForm } from './child.ts';
import { TRAFFICKING_FORM_KEY, traffickingForm } from './trafficking.ts';
import { VULNERABILITY_FORM_KEY, vulnerabilityForm } from './vulnerability.ts';

/**
 * The questionnaires shipped with Sira. `form.seed_builtin` stores each one that is missing
 * as version 1, published; after that they are ordinary forms a coordinator may version.
 * Screens find them by form key, never by id.
 */
export const SCREENING_FORM_KEYS = {
  vulnerability: VULNERABILITY_FORM_KEY,
  trafficking: TRAFFICKING_FORM_KEY,
  child: CHILD_FORM_KEY,
} as const;

/** The screening forms, then the community activities' questionnaires (knowledge test, satisfaction). */
export const BUILTIN_FORMS: readonly FormDefinition[] = [vulnerabilityForm, traffickingForm, childForm, ...ACTIVITY_FORMS];

export type ScreeningKind = keyof typeof SCREENING_FORM_KEYS;
const KIND_OF_KEY = new Map<string, ScreeningKind>(Object.entries(SCREENING_FORM_KEYS).map(([kind, key]) => [key, kind as ScreeningKind]));

/** Which screening a stored form is, by its form key; undefined for any other form. */
export function screeningKindOf(formKey: string): ScreeningKind | undefined {
  return KIND_OF_KEY.get(formKey);
}
