/**
 * XLSForm column headers: `label`, `label::fr`, `label::Français (fr)`, `label::French`.
 * The language code is what Sira keys translations by; the name is kept for the export.
 */

export interface Column {
  /** The header as written, for problem reports. */
  header: string;
  /** Lower-cased base name: `label`, `hint`, `constraint_message`… */
  base: string;
  /** Language code, `default` for a column without a language, null for untranslatable ones. */
  language: string | null;
  languageName: string | null;
  /** 1-based column number, and its letter as the spreadsheet shows it. */
  index: number;
  letter: string;
}

/** `form_title::English (en)` in settings is Sira's extension, so a translated title survives export and import. */
export const TRANSLATABLE = new Set(['label', 'hint', 'constraint_message', 'required_message', 'guidance_hint', 'form_title']);
const ALIASES: Record<string, string> = {
  'jr:constraintmsg': 'constraint_message',
  'constraint-message': 'constraint_message',
  'jr:requiredmsg': 'required_message',
  'required-message': 'required_message',
  'list name': 'list_name',
  value: 'name',
  'repeat-count': 'repeat_count',
  'jr:count': 'repeat_count',
  'choice-filter': 'choice_filter',
  'read-only': 'read_only',
};

/** Language names authors write without a code, as KoboToolbox's templates do. */
const KNOWN_LANGUAGES: Record<string, string> = {
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  english: 'en',
  anglais: 'en',
  bambara: 'bm',
  bamanankan: 'bm',
  arabic: 'ar',
  arabe: 'ar',
  fulfulde: 'ff',
  mooré: 'mos',
  moore: 'mos',
  songhay: 'ses',
};
const LANGUAGE_NAMES: Record<string, string> = { fr: 'Français', en: 'English', bm: 'Bamanankan' };
const CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Parses a header; `language` is undefined when a translated column names no usable language. */
export function parseHeader(header: string, index: number): Column & { languageUnknown?: boolean } {
  const [rawBase = '', ...rest] = header.split('::');
  const lowered = rawBase.trim().toLowerCase();
  const base = ALIASES[lowered] ?? lowered;
  const column = { header, base, index, letter: columnLetter(index) };
  if (rest.length === 0) return { ...column, language: TRANSLATABLE.has(base) ? 'default' : null, languageName: null };
  // `media::image`, `bind::…`, `body::…`: namespaced columns, not translations.
  if (!TRANSLATABLE.has(base)) return { ...column, base: header.trim().toLowerCase(), language: null, languageName: null };
  const spec = rest.join('::').trim();
  const withCode = /^(.*)\(([^()]+)\)\s*$/.exec(spec);
  if (withCode && CODE.test(withCode[2]!.trim())) return { ...column, language: withCode[2]!.trim(), languageName: withCode[1]!.trim() || withCode[2]!.trim() };
  if (CODE.test(spec)) return { ...column, language: spec, languageName: LANGUAGE_NAMES[spec] ?? spec };
  const known = KNOWN_LANGUAGES[spec.toLowerCase()];
  if (known) return { ...column, language: known, languageName: spec };
  return { ...column, language: null, languageName: spec, languageUnknown: true };
}

/** The header the export writes for a translated column. */
export function translatedHeader(base: string, code: string, name: string): string {
  return code === 'default' ? base : `${base}::${name} (${code})`;
}
