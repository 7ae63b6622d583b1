import type { LocalizedText } from '../../domain/forms/definition.ts';
import type { ImportProblem, ImportProblemCode, SheetRow, SheetTable } from './xlsform-read.ts';

/** Reading helpers over one sheet, collecting problems with their exact place. */
export class SheetReader {
  readonly languages = new Map<string, string>();

  constructor(
    readonly table: SheetTable,
    readonly problems: ImportProblem[],
  ) {}

  column(base: string) {
    return this.table.columns.find((c) => c.base === base && (c.language === null || c.language === 'default'));
  }

  value(row: SheetRow, base: string): string | undefined {
    const col = this.column(base);
    return col ? row.values.get(col.index) : undefined;
  }

  /** A translatable column's values in every language present, or undefined when all are empty. */
  text(row: SheetRow, base: string): LocalizedText | undefined {
    const out: Record<string, string> = {};
    for (const c of this.table.columns) {
      if (c.base !== base || c.language === null) continue;
      const v = row.values.get(c.index);
      if (v === undefined) continue;
      out[c.language] = v;
      this.languages.set(c.language, c.languageName ?? c.language);
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  problem(code: ImportProblemCode, row: SheetRow | null, base: string | null, params?: Record<string, string>): void {
    const col = base ? this.table.columns.find((c) => c.base === base) : undefined;
    this.problems.push({
      sheet: this.table.name,
      row: row?.number ?? (col ? 1 : null),
      column: col?.header ?? base,
      cell: col ? `${col.letter}${row?.number ?? 1}` : null,
      code,
      ...(params ? { params } : {}),
    });
  }

  /**
   * Reports every non-empty cell in a column this importer does not understand, and every
   * translated column whose language cannot be told, so nothing is silently dropped.
   */
  checkColumns(known: ReadonlySet<string>): void {
    for (const c of this.table.columns) {
      if (c.header.startsWith('$') || c.header.startsWith('_')) continue;
      if (c.languageUnknown) {
        this.problems.push({ sheet: this.table.name, row: 1, column: c.header, cell: `${c.letter}1`, code: 'unknown_language' });
        continue;
      }
      if (known.has(c.base)) continue;
      for (const row of this.table.rows) {
        if (!row.values.has(c.index)) continue;
        this.problems.push({ sheet: this.table.name, row: row.number, column: c.header, cell: `${c.letter}${row.number}`, code: 'unsupported_column' });
      }
    }
  }
}

/** `yes`, `true`, `1` and their opposites; anything else (an expression) is not supported. */
export function parseFlag(value: string | undefined): boolean | undefined | 'invalid' {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (['yes', 'true', 'true()', '1', 'oui'].includes(v)) return true;
  if (['no', 'false', 'false()', '0', 'non'].includes(v)) return false;
  return 'invalid';
}
