/**
 * Languages a directory entry commonly names, with each name written in the language itself
 * (the glossary's convention). Codes are ISO 639-1 where one exists, else ISO 639-3.
 */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  fr: 'Français',
  en: 'English',
  bm: 'Bamanankan',
  ar: 'العربية',
  ff: 'Fulfulde',
  mos: 'Mooré',
  dyu: 'Julakan',
  ses: 'Koyraboro senni',
  snk: 'Sooninkanxanne',
  tmh: 'Tamasheq',
  ha: 'Hausa',
  gux: 'Gulmancema',
};
