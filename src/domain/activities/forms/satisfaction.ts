import type { FormDefinition, FormNode } from '../../forms/definition.ts';
import { choice, LANGUAGES, t } from '../../screening/forms/text.ts';
import { ACTIVITY_FORMS_VERSION } from './knowledge-nrm.ts';

/**
 * The satisfaction survey filled in at the end of an activity, without a name: six items on a
 * five-level scale (choice names '1'…'5', so the position is the value the results average)
 * and an optional comment.
 */

export const SATISFACTION_FORM_KEY = 'sira_activity_satisfaction';

/** The scale's list name; its choices are in order, 1 = not at all satisfied … 5 = very satisfied. */
export const SATISFACTION_SCALE = 'satisfaction_scale';

/** Item names, in the order they are asked: the results read them from here. */
export const SATISFACTION_ITEMS = ['sat_overall', 'sat_content', 'sat_facilitation', 'sat_methods', 'sat_usefulness', 'sat_logistics'] as const;

const LABELS: Record<(typeof SATISFACTION_ITEMS)[number], [string, string, string]> = {
  sat_overall: ["Dans l'ensemble, êtes-vous satisfait de l'activité ?", 'Overall, are you satisfied with the activity?', 'A bɛɛ lajɛlen na, baara in diyara i ye wa?'],
  sat_content: ['Les thèmes abordés répondaient-ils à vos besoins ?', 'Did the topics covered meet your needs?', 'Barokun minnu fɔra, olu bɛnna i ka magow ma wa?'],
  sat_facilitation: ['Les explications des facilitateurs étaient-elles claires ?', "Were the facilitators' explanations clear?", 'Kalanbagaw ka ɲɛfɔliw jɛlen tun don wa?'],
  sat_methods: ['Les exercices et travaux de groupe vous ont-ils aidé à apprendre ?', 'Did the exercises and group work help you learn?', 'Kalanbaaraw ni jɛkulu baaraw y’i dɛmɛ ka kalan wa?'],
  sat_usefulness: ['Pourrez-vous utiliser ce que vous avez appris dans votre travail ou votre communauté ?', 'Will you be able to use what you learnt in your work or community?', 'I bɛna se ka i ka kalan kɛ i ka baara walima i ka sigida kɔnɔ wa?'],
  sat_logistics: ["L'organisation (lieu, horaires, accueil, repas) vous a-t-elle convenu ?", 'Did the organisation (venue, times, welcome, meals) suit you?', 'Labɛnni (yɔrɔ, waatiw, dalajɛ, dumuni) diyara i ye wa?'],
};

const item = (name: (typeof SATISFACTION_ITEMS)[number]): FormNode => ({
  kind: 'question',
  name,
  type: 'select_one',
  listName: SATISFACTION_SCALE,
  required: true,
  appearance: 'likert',
  label: t(...LABELS[name]),
});

export const satisfactionForm: FormDefinition = {
  formId: SATISFACTION_FORM_KEY,
  version: ACTIVITY_FORMS_VERSION,
  title: t('Enquête de satisfaction des participants', 'Participant satisfaction survey', 'Sendonbagaw ka wasa ɲininkali'),
  languages: LANGUAGES,
  defaultLanguage: 'fr',
  choices: {
    [SATISFACTION_SCALE]: [
      choice('1', '1 — Pas du tout satisfait', '1 — Not at all satisfied', '1 — A ma diya n ye fewu'),
      choice('2', '2 — Peu satisfait', '2 — Slightly satisfied', '2 — A diyara n ye dɔɔni'),
      choice('3', '3 — Moyennement satisfait', '3 — Moderately satisfied', '3 — A diyara n ye cogo dɔ la'),
      choice('4', '4 — Satisfait', '4 — Satisfied', '4 — A diyara n ye'),
      choice('5', '5 — Très satisfait', '5 — Very satisfied', '5 — A diyara n ye kosɛbɛ'),
    ],
  },
  children: [
    ...SATISFACTION_ITEMS.map(item),
    {
      kind: 'question',
      name: 'comment',
      type: 'text',
      appearance: 'multiline',
      label: t('Un commentaire ou une suggestion pour la prochaine fois ? (facultatif)', 'Any comment or suggestion for next time? (optional)', 'Hakilina walima laadili dɔ bɛ i fɛ siɲɛ nata kama wa? (n’i b’a fɛ)'),
    },
  ],
};
