import { type FormDefinition, type FormNode, type LocalizedText, type Group, type Question, type QuestionType, type Repeat, formDefinitionSchema, nodeName, walk } from '../../domain/forms/definition.ts';
import { checkExpression } from '../../domain/forms/expressions.ts';
import { readChoices, readSettings } from './xlsform-choices.ts';
import { type ImportProblem, type SheetRow, readWorkbook } from './xlsform-read.ts';
import { SheetReader, parseFlag } from './xlsform-sheet.ts';

/**
 * XLSForm → Sira form definition. Every problem is collected (sheet, row, column, what) before
 * answering, so an author fixes the spreadsheet in one pass; a form with any problem is not
 * returned at all, so nothing can be stored half-way.
 */
export type ImportResult = { ok: true; form: FormDefinition; warnings: ImportProblem[] } | { ok: false; problems: ImportProblem[]; warnings: ImportProblem[] };

const SURVEY_COLUMNS = new Set(['type', 'name', 'label', 'hint', 'required', 'required_message', 'relevant', 'constraint', 'constraint_message', 'calculation', 'choice_filter', 'appearance', 'default', 'read_only', 'repeat_count', 'points', 'correct_answer']);
const TYPES: Record<string, QuestionType> = {
  text: 'text', string: 'text', integer: 'integer', int: 'integer', decimal: 'decimal', date: 'date', note: 'note',
  calculate: 'calculate', geopoint: 'geopoint', location: 'geopoint', acknowledge: 'acknowledge', trigger: 'acknowledge', image: 'image', photo: 'image',
};
/** Collected automatically by ODK clients; Sira records its own metadata, so these are skipped with a warning. */
const METADATA = new Set(['start', 'end', 'today', 'deviceid', 'subscriberid', 'simserial', 'phonenumber', 'username', 'email', 'audit', 'start-geopoint', 'background-geopoint']);

interface Pending { node: Question | Group | Repeat; row: SheetRow }

export async function importXlsForm(data: Uint8Array, fallbackId = 'form'): Promise<ImportResult> {
  const sheets = await readWorkbook(data);
  if (!sheets) return { ok: false, problems: [{ sheet: '', row: null, column: null, cell: null, code: 'invalid_file' }], warnings: [] };
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const surveyTable = sheets.get('survey');
  if (!surveyTable) return { ok: false, problems: [{ sheet: 'survey', row: null, column: null, cell: null, code: 'missing_sheet' }], warnings };
  const survey = new SheetReader(surveyTable, problems);
  for (const required of ['type', 'name']) if (!survey.column(required)) problems.push({ sheet: surveyTable.name, row: 1, column: required, cell: null, code: 'missing_column' });
  survey.checkColumns(SURVEY_COLUMNS);

  const root: FormNode[] = [];
  const stack: Pending[] = [];
  const pending: Pending[] = [];
  const names = new Set<string>();
  for (const row of surveyTable.rows) {
    const rawType = survey.value(row, 'type')?.replace(/\s+/g, ' ').toLowerCase();
    if (!rawType) continue;
    const type = rawType.replace(/^(begin|end)_(group|repeat)$/, '$1 $2');
    if (type === 'end group' || type === 'end repeat') {
      const open = stack.pop();
      if (!open || open.node.kind !== type.slice(4)) survey.problem('unbalanced_group', row, 'type', { type });
      continue;
    }
    const node = readNode(survey, row, type, warnings);
    if (!node) continue;
    const name = node.name;
    if (!nodeName.safeParse(name).success) survey.problem('invalid_name', row, 'name', { name });
    else if (names.has(name)) survey.problem('duplicate_name', row, 'name', { name });
    names.add(name);
    const parent = stack.at(-1)?.node;
    (parent && parent.kind !== 'question' ? parent.children : root).push(node);
    pending.push({ node, row });
    if (node.kind !== 'question') stack.push({ node, row });
  }
  for (const open of stack) survey.problem('unbalanced_group', open.row, 'type', { type: `begin ${open.node.kind}` });

  const languages = new Map(survey.languages);
  const choices = readChoices(sheets.get('choices'), problems, languages);
  const settings = readSettings(sheets.get('settings'), problems, warnings);
  if (root.length === 0 && problems.length === 0) problems.push({ sheet: surveyTable.name, row: null, column: null, cell: null, code: 'empty_form' });

  for (const { node, row } of pending) {
    if (node.kind === 'question' && node.listName && !choices[node.listName]) survey.problem('unknown_list', row, 'type', { list: node.listName });
    const expressions: [string, string | undefined][] = [['relevant', node.relevant]];
    if (node.kind === 'question') expressions.push(['constraint', node.constraint], ['calculation', node.calculation], ['choice_filter', node.choiceFilter]);
    if (node.kind === 'repeat') expressions.push(['repeat_count', node.repeatCount]);
    for (const [column, expression] of expressions) {
      if (!expression) continue;
      const issue = checkExpression({ children: root }, expression, node.name, column === 'choice_filter' ? 'predicate' : 'plain');
      if (issue) survey.problem(issue.code, row, column, issue.reference ? { reference: issue.reference } : undefined);
    }
  }

  if (settings.defaultLanguage) languages.set(settings.defaultLanguage.code, languages.get(settings.defaultLanguage.code) ?? settings.defaultLanguage.name);
  if (problems.length > 0) return { ok: false, problems, warnings };
  const defaultLanguage = settings.defaultLanguage?.code ?? (languages.has('default') ? 'default' : ([...languages.keys()][0] ?? 'default'));
  if (languages.size === 0) languages.set('default', 'default');
  const formId = settings.formId ?? (fallbackId.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[^A-Za-z_]/, '_').slice(0, 64) || 'form');
  const parsed = formDefinitionSchema.safeParse({
    formId,
    ...(settings.version ? { version: settings.version } : {}),
    title: titleOf(settings.title, defaultLanguage, formId),
    languages: [...languages].map(([code, name]) => ({ code, name })),
    defaultLanguage,
    children: root,
    choices,
  });
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ sheet: surveyTable.name, row: null, column: null, cell: null, code: 'invalid_definition' as const, params: { path: i.path.join('.') } })), warnings };
  }
  return { ok: true, form: parsed.data, warnings };
}

function readNode(survey: SheetReader, row: SheetRow, type: string, warnings: ImportProblem[]): FormNode | null {
  const name = survey.value(row, 'name') ?? '';
  const label = survey.text(row, 'label');
  const relevant = survey.value(row, 'relevant');
  const common = { name, ...(label ? { label } : {}), ...(relevant ? { relevant } : {}) };
  if (type === 'begin group') {
    const appearance = survey.value(row, 'appearance');
    return { kind: 'group', ...common, ...(appearance ? { appearance } : {}), children: [] };
  }
  if (type === 'begin repeat') {
    const repeatCount = survey.value(row, 'repeat_count');
    return { kind: 'repeat', ...common, ...(repeatCount ? { repeatCount } : {}), children: [] };
  }
  const [base = '', listName, extra] = type.split(' ');
  if (METADATA.has(base)) {
    warnings.push({ sheet: survey.table.name, row: row.number, column: survey.column('type')?.header ?? 'type', cell: `${survey.column('type')?.letter ?? 'A'}${row.number}`, code: 'unsupported_type', params: { type } });
    return null;
  }
  const select = base === 'select_one' || base === 'select_multiple';
  const qType: QuestionType | undefined = select ? base : TYPES[base];
  if (!qType || (select && (!listName || extra !== undefined)) || (!select && listName !== undefined)) {
    survey.problem(extra === 'or_other' ? 'unsupported_value' : 'unsupported_type', row, 'type', { type });
    return null;
  }
  const q: Question = { kind: 'question', type: qType, ...common, ...(select ? { listName: listName! } : {}) };
  const hint = survey.text(row, 'hint');
  if (hint) q.hint = hint;
  if (!label && qType !== 'calculate') survey.problem('missing_label', row, 'label');
  for (const [column, key] of [['required', 'required'], ['read_only', 'readOnly']] as const) {
    const flag = parseFlag(survey.value(row, column));
    if (flag === 'invalid') survey.problem('unsupported_value', row, column, { value: survey.value(row, column) ?? '' });
    else if (flag) q[key] = true;
  }
  const texts = { requiredMessage: survey.text(row, 'required_message'), constraintMessage: survey.text(row, 'constraint_message') };
  const plain = { constraint: survey.value(row, 'constraint'), calculation: survey.value(row, 'calculation'), choiceFilter: survey.value(row, 'choice_filter'), appearance: survey.value(row, 'appearance'), default: survey.value(row, 'default') };
  Object.assign(q, Object.fromEntries(Object.entries({ ...texts, ...plain }).filter(([, v]) => v !== undefined)));
  if (qType === 'calculate' && !q.calculation) survey.problem('missing_calculation', row, 'calculation');
  const points = survey.value(row, 'points');
  const correct = survey.value(row, 'correct_answer');
  if (points !== undefined || correct !== undefined) {
    const n = Number(points);
    if (!correct || !(n > 0 && n <= 1000)) survey.problem('invalid_points', row, points === undefined || n > 0 ? 'correct_answer' : 'points');
    else q.scoring = { correct: correct.split(/\s+/), points: n };
  }
  return q;
}

function titleOf(given: LocalizedText | undefined, defaultLanguage: string, formId: string): LocalizedText {
  const { default: plain, ...translated } = given ?? {};
  return { ...translated, [defaultLanguage]: plain ?? translated[defaultLanguage] ?? formId };
}

/** The question count a summary shows: what a respondent answers (not notes or calculations). */
export function countQuestions(form: FormDefinition): number {
  let n = 0;
  for (const { node } of walk(form.children)) if (node.kind === 'question' && node.type !== 'note' && node.type !== 'calculate') n++;
  return n;
}
