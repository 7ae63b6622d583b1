import type { SiraError } from '../domain/errors/catalogue.ts';
import { errorBody } from '../server/http/error-body.ts';
import type { CliContext } from './context.ts';

/**
 * Prints a command's error as the API would word it: the message, then one line per
 * field. `fieldLabels` names fields as the person typed them (e.g. password → --password).
 */
export function printSiraError(ctx: CliContext, err: SiraError, fieldLabels: Record<string, string> = {}): void {
  const { error } = errorBody(err, ctx.config.locale, 'cli');
  ctx.err(error.message);
  for (const d of error.details ?? []) {
    const field = d.path.replace(/^input\./, '');
    ctx.err(`  ${fieldLabels[field] ?? field} : ${d.message}`);
  }
}

/** Pads columns for a terminal; values are ids, codes and dates, never personal data. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
