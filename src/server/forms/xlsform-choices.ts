import { type Choice, type LocalizedText, nodeName } from '../../domain/forms/definition.ts';
import { parseHeader } from './xlsform-columns.ts';
import type { ImportProblem, SheetTable } from './xlsform-read.ts';
import { SheetReader } from './xlsform-sheet.ts';

const MEDIA = new Set(['image', 'audio', 'video', 'big-image', 'media']);
const RESERVED = new Set(['list_name', 'name', 'label']);

/** The `choices` sheet: lists of choices, extra columns kept for `choice_filter`. */
export function readChoices(table: SheetTable | undefined, problems: ImportProblem[], languages: Map<string, string>): Record<string, Choice[]> {
  const choices: Record<string, Choice[]> = {};
  if (!table) return choices;
  const sheet = new SheetReader(table, problems);
  const isProperty = (base: string) => !RESERVED.has(base) && !MEDIA.has(base) && !base.startsWith('media') && nodeName.safeParse(base).success;
  sheet.checkColumns(new Set(table.columns.map((c) => c.base).filter((b) => RESERVED.has(b) || isProperty(b))));
  for (const row of table.rows) {
    const list = sheet.value(row, 'list_name');
    const name = sheet.value(row, 'name');
    if (!list && !name) continue;
    if (!list || !nodeName.safeParse(list).success) {
      sheet.problem('invalid_name', row, 'list_name');
      continue;
    }
    if (!name) {
      sheet.problem('invalid_name', row, 'name');
      continue;
    }
    const label = sheet.text(row, 'label');
    if (!label) sheet.problem('missing_label', row, 'label');
    const entries = (choices[list] ??= []);
    if (entries.some((c) => c.name === name)) sheet.problem('duplicate_choice', row, 'name', { name, list });
    const properties: Record<string, string> = {};
    for (const col of table.columns) {
      if (!isProperty(col.base) || col.language !== null || col.header.startsWith('$') || col.header.startsWith('_')) continue;
      const v = row.values.get(col.index);
      if (v !== undefined) properties[col.base] = v;
    }
    entries.push({ name, label: label ?? { default: name }, ...(Object.keys(properties).length > 0 ? { properties } : {}) });
  }
  for (const [code, name] of sheet.languages) languages.set(code, name);
  return choices;
}

export interface Settings {
  /** `default` holds the plain `form_title` column. */
  title?: LocalizedText | undefined;
  formId?: string | undefined;
  version?: string | undefined;
  defaultLanguage?: { code: string; name: string } | undefined;
}

/** Settings that only matter to an ODK server; Sira ignores them and says so. */
const IGNORED_SETTINGS = new Set(['instance_name', 'public_key', 'submission_url', 'style', 'allow_choice_duplicates', 'namespaces', 'clean_text_values', 'auto_send', 'auto_delete']);

export function readSettings(table: SheetTable | undefined, problems: ImportProblem[], warnings: ImportProblem[]): Settings {
  const row = table?.rows[0];
  if (!table || !row) return {};
  const sheet = new SheetReader(table, problems);
  const known = new Set(['form_title', 'form_id', 'version', 'default_language']);
  for (const col of table.columns) {
    if (known.has(col.base) || !row.values.has(col.index)) continue;
    (IGNORED_SETTINGS.has(col.base) ? warnings : problems).push({ sheet: table.name, row: row.number, column: col.header, cell: `${col.letter}${row.number}`, code: 'unsupported_column' });
  }
  const formId = sheet.value(row, 'form_id');
  if (formId !== undefined && !nodeName.safeParse(formId).success) sheet.problem('invalid_name', row, 'form_id');
  const lang = sheet.value(row, 'default_language');
  let defaultLanguage: Settings['defaultLanguage'];
  if (lang) {
    const parsed = parseHeader(`label::${lang}`, 1);
    if (parsed.language) defaultLanguage = { code: parsed.language, name: parsed.languageName ?? parsed.language };
    else sheet.problem('unknown_language', row, 'default_language');
  }
  return { title: sheet.text(row, 'form_title'), formId, version: sheet.value(row, 'version'), defaultLanguage };
}
