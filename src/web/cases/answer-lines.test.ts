import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../domain/forms/definition.ts';
import { answerLines } from './answer-lines.ts';

const form = {
  formId: 'sample',
  version: '1',
  title: { fr: 'Exemple', en: 'Sample' },
  defaultLanguage: 'fr',
  languages: [
    { code: 'fr', name: 'Français' },
    { code: 'en', name: 'English' },
  ],
  choices: { yn: [{ name: 'yes', label: { fr: 'Oui', en: 'Yes' } }, { name: 'no', label: { fr: 'Non', en: 'No' } }] },
  children: [
    { kind: 'question', name: 'intro', type: 'note', label: { fr: 'Lisez ceci', en: 'Read this' } },
    {
      kind: 'group',
      name: 'g',
      label: { fr: 'Groupe' },
      children: [
        { kind: 'question', name: 'exploited', type: 'select_one', listName: 'yn', label: { fr: 'Exploitée ?', en: 'Exploited?' } },
        { kind: 'question', name: 'signs', type: 'select_multiple', listName: 'yn', label: { fr: 'Signes' } },
        { kind: 'question', name: 'skipped', type: 'text', label: { fr: 'Sautée' } },
      ],
    },
    { kind: 'repeat', name: 'kids', label: { fr: 'Enfant', en: 'Child' }, children: [{ kind: 'question', name: 'age', type: 'integer', label: { fr: 'Âge', en: 'Age' } }] },
  ],
} as unknown as FormDefinition;

describe('screening answers as lines', () => {
  it('names each answered question and choice in the reader language, in the form order', () => {
    const lines = answerLines(form, { exploited: 'yes', signs: ['yes', 'no'], kids: [{ age: 7 }, { age: 3 }] }, 'en');
    expect(lines.map((l) => [l.label, l.value, l.depth])).toEqual([
      ['Exploited?', 'Yes', 0],
      ['Signes', 'Yes, No', 0],
      ['Child 1', '', 0],
      ['Age', '7', 1],
      ['Child 2', '', 0],
      ['Age', '3', 1],
    ]);
  });

  it('leaves out notes and unanswered questions, and keeps an unknown choice as its name', () => {
    expect(answerLines(form, { exploited: 'maybe' }, 'fr').map((l) => [l.label, l.value])).toEqual([['Exploitée ?', 'maybe']]);
  });
});
