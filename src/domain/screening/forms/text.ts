import type { Choice, FormLanguage, LocalizedText } from '../../forms/definition.ts';

/**
 * Pieces the three screening forms share. Labels are written inline in the forms (not in the
 * message catalogues) because a form is data: a coordinator may export it to XLSForm, reword
 * it and import a new version, which catalogue keys would not survive. Bambara awaits a
 * native speaker's review, like the catalogues (docs/i18n-glossary.md).
 */

/** Free text in the definitions' `version` field: which release of the shipped forms this is. */
export const SCREENING_FORMS_VERSION = '2026.1';

export const LANGUAGES: FormLanguage[] = [
  { code: 'fr', name: 'Français' },
  { code: 'en', name: 'English' },
  { code: 'bm', name: 'Bamanankan' },
];

export const t = (fr: string, en: string, bm: string): LocalizedText => ({ fr, en, bm });

export const choice = (name: string, fr: string, en: string, bm: string): Choice => ({ name, label: t(fr, en, bm) });

export const YES_NO: Choice[] = [choice('yes', 'Oui', 'Yes', 'Ɔwɔ'), choice('no', 'Non', 'No', 'Ayi')];

/** For what the person may not know or may not want to say. */
export const YES_NO_UNKNOWN: Choice[] = [...YES_NO, choice('unknown', 'Ne sait pas', 'Does not know', 'A t’a dɔn')];

export const SEVERAL_ANSWERS = t('Cochez tout ce qui s’applique. Rien si aucun.', 'Tick all that apply. Nothing if none.', 'Min bɛ tali kɛ, olu bɛɛ sugandi. Foyi tɛ, i kana foyi sugandi.');
