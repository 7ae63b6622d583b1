import ExcelJS from 'exceljs';
import { AGE_BANDS, type AgeBand, SEXES, type Sex } from '../../../domain/cases/identity.ts';
import { MAX_ACTIVITY_DAYS } from '../../../domain/activities/activity.ts';
import { PARTICIPANT_CATEGORIES, type ParticipantCategory } from '../../../domain/activities/attendance.ts';
import { normaliseParticipantCode } from '../../../domain/activities/participant-code.ts';
import { LOCALES, type Locale } from '../../../domain/i18n/locales.ts';
import type { SheetHeader } from './attendance-sheet-pdf.ts';
import type { SheetRow } from './sheet-rows.ts';
import { ageBandLabel, categoryLabel, sexLabel, tr } from './words.ts';

/**
 * The attendance sheet as an Excel file, to type a filled paper sheet into, and its reader. The
 * reader takes labels in any of the three languages or the codes, so a sheet typed by a
 * colleague in another language still reads; every problem names its row and column.
 */
const FIXED = ['code', 'name', 'consent', 'sex', 'ageBand', 'category'] as const;
type FixedColumn = (typeof FIXED)[number];
const FIRST_DATA_ROW = 2;
/** Rows prepared with drop-down lists: more than a room holds. */
const VALIDATED_ROWS = 1000;
const LISTS_SHEET = 'Listes';

const letter = (n: number) => (n <= 26 ? String.fromCharCode(64 + n) : String.fromCharCode(64 + Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
/** Case, accents, spaces and dashes do not matter when a label is typed back. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-–_]+/g, ' ')
    .trim();

/** What people write in a sex column on paper besides the labels: initials and plain words. */
const SEX_WORDS: Record<string, Sex> = { f: 'female', femme: 'female', woman: 'female', w: 'female', m: 'male', h: 'male', homme: 'male', man: 'male' };
const PRESENT_MARKS = new Set(['x', '1', '✓', '✔', 'v']);
const ABSENT_MARKS = new Set(['', '0', '-']);

export interface WorkbookProblem {
  /** Row of the sheet (1 = headers); null for the whole file. */
  row: number | null;
  /** Column letter, or the expected header when a column is missing; null for the whole file. */
  column: string | null;
  /** Translated under `validation.<code>`. */
  code: string;
}

/** What `activity.import_attendance` takes: namedParticipantSchema's input. */
export interface WorkbookParticipant {
  participantCode: string;
  sex: Sex;
  ageBand: AgeBand;
  category: ParticipantCategory;
  consentToBeNamed: boolean;
  name?: string;
  days: number[];
}

const header = (locale: Locale, column: FixedColumn) => tr(locale, `column.${column}`);
const yes = (locale: Locale) => tr(locale, 'yes');
const no = (locale: Locale) => tr(locale, 'no');

export async function writeAttendanceWorkbook(activity: SheetHeader, rows: readonly SheetRow[], locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sira';
  const ws = workbook.addWorksheet(tr(locale, 'sheet.worksheet'), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const days = Array.from({ length: activity.days }, (_, i) => i + 1);
  ws.columns = [{ width: 14 }, { width: 30 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 24 }, ...days.map(() => ({ width: 9 }))];
  ws.getRow(1).values = [...FIXED.map((c) => header(locale, c)), ...days.map((d) => tr(locale, 'day', { n: d }))];
  ws.getRow(1).font = { bold: true };
  for (const { participantCode, registered: p } of rows) {
    ws.addRow([
      participantCode,
      p?.consentToBeNamed && p.name ? p.name : null,
      p ? (p.consentToBeNamed ? yes(locale) : no(locale)) : null,
      p ? sexLabel(locale, p.sex) : null,
      p ? ageBandLabel(locale, p.ageBand) : null,
      p ? categoryLabel(locale, p.category) : null,
      ...days.map((d) => (p?.days.includes(d) ? 'x' : null)),
    ]);
  }

  const lists = workbook.addWorksheet(LISTS_SHEET);
  const columns: [FixedColumn, string[]][] = [
    ['consent', [yes(locale), no(locale)]],
    ['sex', SEXES.map((s) => sexLabel(locale, s))],
    ['ageBand', AGE_BANDS.map((b) => ageBandLabel(locale, b))],
    ['category', PARTICIPANT_CATEGORIES.map((c) => categoryLabel(locale, c))],
  ];
  // exceljs supports ranges of validation (one rule for a whole column) but does not type them.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  columns.forEach(([key, values], i) => {
    const col = letter(i + 1);
    lists.getCell(`${col}1`).value = header(locale, key);
    values.forEach((v, j) => (lists.getCell(`${col}${j + 2}`).value = v));
    lists.getColumn(i + 1).width = 26;
    const target = letter(FIXED.indexOf(key) + 1);
    validations.add(`${target}${FIRST_DATA_ROW}:${target}${VALIDATED_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`${LISTS_SHEET}!$${col}$2:$${col}$${values.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      error: tr(locale, 'sheet.pickFromList'),
    });
  });
  if (days.length > 0) {
    validations.add(`${letter(FIXED.length + 1)}${FIRST_DATA_ROW}:${letter(FIXED.length + days.length)}${VALIDATED_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: ['"x"'],
      showErrorMessage: true,
      errorStyle: 'information',
      error: tr(locale, 'sheet.markPresent'),
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

/** Folded label → code, for every language and the codes themselves. */
function lookup<T extends string>(codes: readonly T[], label: (locale: Locale, code: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(fold(code), code);
    for (const l of LOCALES) map.set(fold(label(l, code)), code);
  }
  return map;
}

function consentWords(): { yes: Set<string>; no: Set<string> } {
  return { yes: new Set([...LOCALES.map((l) => fold(yes(l))), 'x', '1', 'true']), no: new Set([...LOCALES.map((l) => fold(no(l))), '0', 'false', '']) };
}

/** Which column holds what: fixed columns and day numbers, by their header in any language. */
function readHeaders(ws: ExcelJS.Worksheet): { fixed: Map<FixedColumn, number>; days: Map<number, number> } {
  const fixedByText = new Map<string, FixedColumn>();
  const dayByText = new Map<string, number>();
  for (const l of LOCALES) {
    for (const c of FIXED) fixedByText.set(fold(header(l, c)), c);
    for (let d = 1; d <= MAX_ACTIVITY_DAYS; d++) dayByText.set(fold(tr(l, 'day', { n: d })), d);
  }
  const fixed = new Map<FixedColumn, number>();
  const days = new Map<number, number>();
  ws.getRow(1).eachCell((cell, index) => {
    const text = fold(cellText(cell.value).split('\n')[0] ?? '');
    const key = fixedByText.get(text);
    if (key && !fixed.has(key)) fixed.set(key, index);
    const day = dayByText.get(text);
    if (day !== undefined && !days.has(day)) days.set(day, index);
  });
  return { fixed, days };
}

/**
 * Reads a filled template back. Rows with nothing but a code are unused pre-printed lines and
 * are skipped. Nothing is partly read: the caller stores the participants only when there is
 * no problem at all.
 */
export async function readAttendanceWorkbook(data: Uint8Array, options: { days: number; locale?: Locale }): Promise<{ participants: WorkbookParticipant[]; problems: WorkbookProblem[] }> {
  const locale = options.locale ?? 'fr';
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  } catch {
    return { participants: [], problems: [{ row: null, column: null, code: 'attendance_sheet_unreadable' }] };
  }
  const ws = workbook.worksheets.find((w) => readHeaders(w).fixed.has('code'));
  if (!ws) return { participants: [], problems: [{ row: 1, column: header(locale, 'code'), code: 'attendance_sheet_missing_column' }] };
  const { fixed, days } = readHeaders(ws);
  const problems: WorkbookProblem[] = [];
  for (const c of ['sex', 'ageBand', 'category'] as const) if (!fixed.has(c)) problems.push({ row: 1, column: header(locale, c), code: 'attendance_sheet_missing_column' });
  if (problems.length > 0) return { participants: [], problems };

  const sexes = lookup(SEXES, sexLabel);
  for (const [word, sex] of Object.entries(SEX_WORDS)) sexes.set(word, sex);
  const bands = lookup(AGE_BANDS, ageBandLabel);
  const categories = lookup(PARTICIPANT_CATEGORIES, categoryLabel);
  const consent = consentWords();
  const seen = new Set<string>();
  const participants: WorkbookParticipant[] = [];

  ws.eachRow((row, number) => {
    if (number === 1) return;
    const text = (column: number | undefined) => (column === undefined ? '' : cellText(row.getCell(column).value));
    const at = (column: number | undefined, code: string) => problems.push({ row: number, column: column === undefined ? null : letter(column), code });
    const col = (c: FixedColumn) => fixed.get(c);
    const others = [...FIXED.filter((c) => c !== 'code').map((c) => text(col(c))), ...[...days.values()].map((c) => text(c))];
    if (others.every((v) => v === '')) return;

    const rawCode = text(col('code'));
    const code = rawCode ? normaliseParticipantCode(rawCode) : null;
    if (!rawCode) at(col('code'), 'attendance_sheet_code_missing');
    else if (!code) at(col('code'), 'participant_code_invalid');
    else if (seen.has(code)) at(col('code'), 'attendance_duplicate_participant');
    if (code) seen.add(code);

    const pick = <T>(map: Map<string, T>, c: FixedColumn, fallback: T | undefined, problem: string): T | undefined => {
      const value = text(col(c));
      if (value === '') {
        if (fallback === undefined) at(col(c), `${problem}_missing`);
        return fallback;
      }
      const found = map.get(fold(value));
      if (found === undefined) at(col(c), `${problem}_unknown`);
      return found;
    };
    // A sheet often lacks sex or age: the register's "unknown" says so; a category has no such value.
    const sex = pick(sexes, 'sex', 'unknown', 'attendance_sheet_sex');
    const ageBand = pick(bands, 'ageBand', 'unknown', 'attendance_sheet_age_band');
    const category = pick(categories, 'category', undefined, 'attendance_sheet_category');

    const consentText = fold(text(col('consent')));
    const consented = consent.yes.has(consentText) ? true : consent.no.has(consentText) ? false : undefined;
    if (consented === undefined) at(col('consent'), 'attendance_sheet_consent_unknown');
    const name = text(col('name'));
    if (name && consented === false) at(col('name'), 'attendance_name_without_consent');

    const present: number[] = [];
    for (const [day, column] of [...days].sort(([a], [b]) => a - b)) {
      const mark = fold(text(column));
      if (ABSENT_MARKS.has(mark)) continue;
      if (!PRESENT_MARKS.has(mark) && !consent.yes.has(mark)) at(column, 'attendance_sheet_day_mark_unknown');
      else if (day > options.days) at(column, 'attendance_sheet_day_out_of_range');
      else present.push(day);
    }
    if (code && sex && ageBand && category && consented !== undefined) {
      participants.push({ participantCode: code, sex, ageBand, category, consentToBeNamed: consented, ...(name && consented ? { name: name.slice(0, 120) } : {}), days: present });
    }
  });
  if (problems.length === 0 && participants.length === 0) problems.push({ row: null, column: null, code: 'attendance_sheet_empty' });
  return { participants: problems.length > 0 ? [] : participants, problems };
}
