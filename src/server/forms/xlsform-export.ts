import ExcelJS from 'exceljs';
import { type FormDefinition, type FormNode, type LocalizedText, localize } from '../../domain/forms/definition.ts';
import { translatedHeader } from './xlsform-columns.ts';

/**
 * Sira form definition → XLSForm, so a form can be edited in a spreadsheet and imported
 * again as a new version, or used in ODK or KoboToolbox. Only the columns a form uses are
 * written; translated columns follow the `label::Français (fr)` convention.
 */
type Row = Record<string, string>;

function texts(prefix: string, text: LocalizedText | undefined, languages: Map<string, string>): Row {
  const out: Row = {};
  // In the form's language order, not the stored object's (jsonb reorders keys), so columns stay stable.
  const codes = [...new Set([...languages.keys(), ...Object.keys(text ?? {})])];
  for (const code of codes) {
    const value = text?.[code];
    if (value !== undefined) out[translatedHeader(prefix, code, languages.get(code) ?? code)] = value;
  }
  return out;
}

function surveyRows(nodes: readonly FormNode[], languages: Map<string, string>, rows: Row[]): void {
  for (const node of nodes) {
    const common: Row = { name: node.name, ...texts('label', node.label, languages), ...(node.relevant ? { relevant: node.relevant } : {}) };
    if (node.kind === 'group') {
      rows.push({ type: 'begin group', ...common, ...(node.appearance ? { appearance: node.appearance } : {}) });
      surveyRows(node.children, languages, rows);
      rows.push({ type: 'end group' });
    } else if (node.kind === 'repeat') {
      rows.push({ type: 'begin repeat', ...common, ...(node.repeatCount ? { repeat_count: node.repeatCount } : {}) });
      surveyRows(node.children, languages, rows);
      rows.push({ type: 'end repeat' });
    } else {
      const row: Row = { type: node.listName ? `${node.type} ${node.listName}` : node.type, ...common, ...texts('hint', node.hint, languages) };
      if (node.required) row.required = 'yes';
      Object.assign(row, texts('required_message', node.requiredMessage, languages));
      if (node.constraint) row.constraint = node.constraint;
      Object.assign(row, texts('constraint_message', node.constraintMessage, languages));
      const plain = { calculation: node.calculation, choice_filter: node.choiceFilter, appearance: node.appearance, default: node.default };
      for (const [k, v] of Object.entries(plain)) if (v !== undefined) row[k] = v;
      if (node.readOnly) row.read_only = 'yes';
      if (node.scoring) {
        row.points = String(node.scoring.points);
        row.correct_answer = node.scoring.correct.join(' ');
      }
      rows.push(row);
    }
  }
}

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: Row[], first: string[]): void {
  const headers = [...first];
  for (const row of rows) for (const key of Object.keys(row)) if (!headers.includes(key)) headers.push(key);
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  sheet.getRow(1).font = { bold: true };
}

export async function exportXlsForm(form: FormDefinition): Promise<Uint8Array> {
  const languages = new Map(form.languages.map((l) => [l.code, l.name]));
  const workbook = new ExcelJS.Workbook();
  const survey: Row[] = [];
  surveyRows(form.children, languages, survey);
  addSheet(workbook, 'survey', survey, ['type', 'name']);
  const choices: Row[] = [];
  for (const [list, entries] of Object.entries(form.choices)) {
    for (const c of entries) choices.push({ list_name: list, name: c.name, ...texts('label', c.label, languages), ...(c.properties ?? {}) });
  }
  addSheet(workbook, 'choices', choices, ['list_name', 'name']);
  const defaultName = languages.get(form.defaultLanguage) ?? form.defaultLanguage;
  const settings: Row = {
    form_title: localize(form.title, form.defaultLanguage, form.defaultLanguage) ?? form.formId,
    ...texts('form_title', Object.fromEntries(Object.entries(form.title).filter(([code]) => code !== form.defaultLanguage)), languages),
    form_id: form.formId,
    ...(form.version ? { version: form.version } : {}),
    ...(form.defaultLanguage !== 'default' ? { default_language: `${defaultName} (${form.defaultLanguage})` } : {}),
  };
  addSheet(workbook, 'settings', [settings], []);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
