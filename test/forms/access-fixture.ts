import { v4 as uuidv4 } from 'uuid';
import type { FormDefinition } from '../../src/domain/forms/definition.ts';

/** A small valid definition with a fresh form_id, for requests that need one. */
export function tinyDefinition(formKey = `f_${uuidv4().slice(0, 8)}`): FormDefinition {
  return {
    formId: formKey,
    title: { fr: 'Questionnaire de test', en: 'Test questionnaire' },
    languages: [
      { code: 'fr', name: 'Français' },
      { code: 'en', name: 'English' },
    ],
    defaultLanguage: 'fr',
    choices: { yes_no: [{ name: 'yes', label: { fr: 'Oui', en: 'Yes' } }, { name: 'no', label: { fr: 'Non', en: 'No' } }] },
    children: [
      { kind: 'question', name: 'age', type: 'integer', label: { fr: 'Âge', en: 'Age' }, required: true, constraint: '. >= 0' },
      { kind: 'question', name: 'school', type: 'select_one', listName: 'yes_no', label: { fr: 'École', en: 'School' }, relevant: '${age} < 18' },
    ],
  };
}
