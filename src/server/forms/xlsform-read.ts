import ExcelJS from 'exceljs';
import { type Column, parseHeader } from './xlsform-columns.ts';

/** One problem found in a spreadsheet, located as its author will look for it. */
export interface ImportProblem {
  sheet: string;
  /** Spreadsheet row number (1 is the header row); null for the sheet as a whole. */
  row: number | null;
  /** The column header as written; null when the problem is not in one column. */
  column: string | null;
  /** Cell reference such as `F12`, when the problem is in one cell. */
  cell: string | null;
  /** Translated under `forms.import.<code>`. */
  code: ImportProblemCode;
  params?: Record<string, string>;
}
export type ImportProblemCode =
  | 'invalid_file'
  | 'missing_sheet'
  | 'missing_column'
  | 'unsupported_type'
  | 'unsupported_column'
  | 'unsupported_value'
  | 'unknown_language'
  | 'invalid_name'
  | 'duplicate_name'
  | 'unknown_list'
  | 'unbalanced_group'
  | 'unknown_reference'
  | 'invalid_expression'
  | 'missing_calculation'
  | 'missing_label'
  | 'duplicate_choice'
  | 'invalid_points'
  | 'empty_form'
  | 'invalid_definition';

export interface SheetRow {
  number: number;
  /** Non-empty cells by column number. */
  values: Map<number, string>;
}
export interface SheetTable {
  name: string;
  columns: (Column & { languageUnknown?: boolean })[];
  rows: SheetRow[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? '');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Reads every sheet of an .xlsx into header columns and rows of trimmed text. */
export async function readWorkbook(data: Uint8Array): Promise<Map<string, SheetTable> | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  } catch {
    return null;
  }
  const sheets = new Map<string, SheetTable>();
  workbook.eachSheet((ws) => {
    const columns: SheetTable['columns'] = [];
    ws.getRow(1).eachCell((cell, index) => {
      const header = cellText(cell.value).trim();
      if (header) columns.push(parseHeader(header, index));
    });
    const rows: SheetRow[] = [];
    ws.eachRow((row, number) => {
      if (number === 1) return;
      const values = new Map<number, string>();
      row.eachCell((cell, index) => {
        const text = cellText(cell.value).trim();
        if (text) values.set(index, text);
      });
      if (values.size > 0) rows.push({ number, values });
    });
    sheets.set(ws.name.trim().toLowerCase(), { name: ws.name, columns, rows });
  });
  return sheets;
}
