import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newParticipantCode } from '../../../src/domain/activities/participant-code.ts';
import { translate } from '../../../src/domain/i18n/translate.ts';
import { readAttendanceWorkbook, writeAttendanceWorkbook } from '../../../src/server/activities/documents/attendance-workbook.ts';
import { renderAttendanceSheetPdf } from '../../../src/server/activities/documents/attendance-sheet-pdf.ts';
import { sheetRows } from '../../../src/server/activities/documents/sheet-rows.ts';
import { extractText } from 'unpdf';
import { PARTICIPANTS, reportData } from './documents-fixture.ts';

let seed = 1;
const random = (n: number) => Uint8Array.from({ length: n }, () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) >> 16);

async function open(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}
const save = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

describe('attendance workbook', () => {
  const data = reportData();
  const registered = PARTICIPANTS.slice(0, 2);

  it('reads back what was registered and what was typed into blank lines, in any language', async () => {
    const rows = sheetRows(registered, 3, random);
    const workbook = await open(await writeAttendanceWorkbook(data, rows, 'fr'));
    const ws = workbook.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe(translate('fr', 'activityReport.column.code'));
    // Rows 2–3 are the registered participants; 4–6 the blank lines with their codes.
    expect(ws.getCell('A4').value).toBe(rows[2]!.participantCode);
    ws.getRow(4).getCell(3).value = 'non';
    ws.getRow(4).getCell(4).value = 'Femme';
    ws.getRow(4).getCell(5).value = '15-17 ans';
    ws.getRow(4).getCell(6).value = 'Jeunes';
    ws.getRow(4).getCell(8).value = 'x';
    // A colleague typing in English, with codes in lower case and a name given with consent.
    ws.getRow(5).getCell(1).value = rows[3]!.participantCode.toLowerCase();
    ws.getRow(5).getCell(2).value = 'John Dembélé';
    ws.getRow(5).getCell(3).value = 'yes';
    ws.getRow(5).getCell(4).value = 'Male';
    ws.getRow(5).getCell(5).value = '18-24 years';
    ws.getRow(5).getCell(6).value = 'security_forces';
    ws.getRow(5).getCell(7).value = 'X';
    ws.getRow(5).getCell(8).value = 1;
    // Row 6 keeps only its pre-printed code: an unused line, skipped.

    const read = await readAttendanceWorkbook(await save(workbook), { days: 2 });
    expect(read.problems).toEqual([]);
    expect(read.participants).toEqual([
      ...registered.map(({ name, ...p }) => ({ ...p, ...(p.consentToBeNamed && name ? { name } : {}) })),
      { participantCode: rows[2]!.participantCode, sex: 'female', ageBand: '15-17', category: 'youth', consentToBeNamed: false, days: [2] },
      { participantCode: rows[3]!.participantCode, sex: 'male', ageBand: '18-24', category: 'security_forces', consentToBeNamed: true, name: 'John Dembélé', days: [1, 2] },
    ]);
  });

  it('gives each bad row its problem with row and column, and no participant', async () => {
    const rows = sheetRows([], 6, random);
    const workbook = await open(await writeAttendanceWorkbook(data, rows, 'fr'));
    const ws = workbook.worksheets[0]!;
    ws.getRow(1).getCell(9).value = 'Jour 3';
    const fill = (row: number, values: Record<number, string>) => {
      for (const [col, v] of Object.entries({ 3: 'non', 4: 'F', 5: '25-59 ans', 6: 'Autre', ...values })) ws.getRow(row).getCell(Number(col)).value = v;
    };
    fill(2, { 4: 'Zèbre' });
    fill(3, { 1: 'P-XXXX-XX' });
    fill(4, { 9: 'x' });
    fill(5, { 1: rows[2]!.participantCode }); // row 4's code again
    fill(6, { 2: 'Sans Accord' });
    fill(7, { 7: 'peut-être', 6: '' });
    const read = await readAttendanceWorkbook(await save(workbook), { days: 2 });
    expect(read.participants).toEqual([]);
    const at = (row: number, column: string, code: string) => ({ row, column, code });
    expect(read.problems).toEqual(
      expect.arrayContaining([
        at(2, 'D', 'attendance_sheet_sex_unknown'),
        at(3, 'A', 'participant_code_invalid'),
        at(4, 'I', 'attendance_sheet_day_out_of_range'),
        at(5, 'A', 'attendance_duplicate_participant'),
        at(6, 'B', 'attendance_name_without_consent'),
        at(7, 'F', 'attendance_sheet_category_missing'),
        at(7, 'G', 'attendance_sheet_day_mark_unknown'),
      ]),
    );
    // "F" is what people write for a woman: the other rows have no problem of sex.
    expect(read.problems.filter((p) => p.code === 'attendance_sheet_sex_unknown').map((p) => p.row)).toEqual([2]);
    expect(read.problems).toHaveLength(7);
    for (const p of read.problems) expect(translate('fr', `validation.${p.code}`)).not.toBe(`validation.${p.code}`);
  });

  it('refuses what is not a workbook, or a sheet without its columns', async () => {
    expect((await readAttendanceWorkbook(Buffer.from('not a workbook'), { days: 2 })).problems).toEqual([{ row: null, column: null, code: 'attendance_sheet_unreadable' }]);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Feuil1').addRow(['Code', 'Nom']);
    const read = await readAttendanceWorkbook(await save(workbook), { days: 2 });
    expect(read.problems.map((p) => p.code)).toEqual(['attendance_sheet_missing_column', 'attendance_sheet_missing_column', 'attendance_sheet_missing_column']);
  });
});

describe('attendance sheet (PDF)', () => {
  it('pre-prints registered codes, then fresh unique codes, one column per day', async () => {
    const data = reportData();
    const rows = sheetRows(PARTICIPANTS, 25, random);
    expect(rows).toHaveLength(PARTICIPANTS.length + 25);
    expect(new Set(rows.map((r) => r.participantCode)).size).toBe(rows.length);
    const pdf = await renderAttendanceSheetPdf(data, rows, 'fr');
    const text = (await extractText(new Uint8Array(pdf), { mergePages: true })).text.replace(/\s+/g, ' ');
    for (const r of rows) expect(text).toContain(r.participantCode);
    expect(text).toContain('Jour 1');
    expect(text).toContain('Jour 2');
    expect(text).not.toContain('Jour 3');
    expect(text).toContain(PARTICIPANTS[0]!.name!);
    expect(text).not.toContain(PARTICIPANTS[2]!.name!);
    expect(text).toContain(translate('fr', 'activityReport.sheet.footer').slice(0, 40));
  });

  it('draws fresh codes that never repeat a registered one', () => {
    // A source that first gives the code of a registered participant, then others.
    const taken = newParticipantCode(() => new Uint8Array([9, 9, 9, 9, 9]));
    let calls = 0;
    const rows = sheetRows([{ ...PARTICIPANTS[0]!, participantCode: taken }], 2, (n) => (calls++ === 0 ? new Uint8Array([9, 9, 9, 9, 9]) : random(n)));
    expect(rows.map((r) => r.participantCode).filter((c) => c === taken)).toHaveLength(1);
    expect(rows).toHaveLength(3);
  });
});
