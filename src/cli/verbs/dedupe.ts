import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { MATCH_THRESHOLD, findDuplicatePairs } from '../../domain/dedupe/engine.ts';
import type { PersonInput } from '../../domain/dedupe/person.ts';
import { EXIT, UsageError, type Verb, parseVerbArgs } from '../context.ts';

/** The input's columns, as partners' registers export them; only `id` is required. */
const COLUMNS = ['id', 'given_name', 'family_name', 'sex', 'date_of_birth', 'nationality', 'place_of_origin', 'phone', 'mother_name'] as const;

/**
 * `dedupe --input persons.csv --output pairs.csv [--threshold N]`: the registration-time
 * matcher run over a whole file, for cleaning a register before it is imported. Writes
 * `id_a,id_b,score,match`, most likely pairs first; prints counts only, never a name.
 */
export const dedupe: Verb = async (ctx, args) => {
  const { values } = parseVerbArgs(args, { input: { type: 'string' }, output: { type: 'string' }, threshold: { type: 'string' } });
  if (!values.input || !values.output) throw new UsageError('cli.dedupe.usage');
  const threshold = values.threshold === undefined ? MATCH_THRESHOLD : Number(values.threshold);
  if (!Number.isFinite(threshold)) throw new UsageError('cli.dedupe.badThreshold', { threshold: values.threshold ?? '' });

  let text: Buffer;
  try {
    text = await readFile(values.input);
  } catch {
    ctx.err(ctx.t('cli.forms.fileUnreadable', { file: values.input }));
    return EXIT.usage;
  }
  let rows: Record<string, string>[];
  try {
    // French spreadsheets save CSV with semicolons.
    rows = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, trim: true, skip_empty_lines: true, delimiter: [',', ';'] });
  } catch (err) {
    ctx.err(ctx.t('cli.dedupe.unreadableCsv', { file: values.input, line: (err as { lines?: number }).lines ?? 0 }));
    return EXIT.usage;
  }
  const problem = checkRows(rows);
  if (problem) {
    ctx.err(ctx.t(problem.key, problem.values));
    return EXIT.usage;
  }
  const people: PersonInput[] = rows.map((r) => ({
    id: r.id!,
    givenName: r.given_name,
    familyName: r.family_name,
    sex: r.sex,
    dateOfBirth: r.date_of_birth,
    nationality: r.nationality,
    placeOfOrigin: r.place_of_origin,
    phone: r.phone,
    motherName: r.mother_name,
  }));
  const pairs = findDuplicatePairs(people, { threshold });
  const csv = stringify(
    pairs.map((p) => [p.a, p.b, p.score.toFixed(2), String(p.match)]),
    { header: true, columns: ['id_a', 'id_b', 'score', 'match'] },
  );
  try {
    await writeFile(values.output, csv, { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    ctx.err(ctx.t(code === 'EEXIST' ? 'cli.forms.fileExists' : 'cli.forms.fileUnwritable', { file: values.output }));
    return EXIT.usage;
  }
  ctx.out(ctx.t('cli.dedupe.done', { records: people.length, pairs: pairs.length, matches: pairs.filter((p) => p.match).length, threshold, file: values.output }));
  return EXIT.ok;
};

/** What makes the file unusable as a whole: said once, with where to look. */
function checkRows(rows: Record<string, string>[]): { key: string; values: Record<string, string | number> } | null {
  if (rows.length === 0) return { key: 'cli.dedupe.empty', values: {} };
  const header = Object.keys(rows[0]!);
  if (!header.includes('id')) return { key: 'cli.dedupe.noId', values: { columns: COLUMNS.join(', ') } };
  if (!COLUMNS.some((c) => c !== 'id' && header.includes(c))) return { key: 'cli.dedupe.noColumns', values: { columns: COLUMNS.join(', ') } };
  const seen = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const id = row.id ?? '';
    // Line numbers as a spreadsheet shows them: the header is line 1.
    if (!id) return { key: 'cli.dedupe.missingId', values: { line: i + 2 } };
    const first = seen.get(id);
    if (first !== undefined) return { key: 'cli.dedupe.duplicateId', values: { id, line: i + 2, first } };
    seen.set(id, i + 2);
  }
  return null;
}
