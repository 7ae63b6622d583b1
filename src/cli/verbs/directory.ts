import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { SERVICE_TYPES, SEED_TAXONOMIES, taxonomyId } from '../../domain/directory/taxonomy.ts';
import { SYSTEM_CLI } from '../../domain/identity/actor.ts';
import { buildRegistry } from '../../server/commands/registry.ts';
import { runCommand } from '../../server/commands/run.ts';
import { directoryServices } from '../../server/db/schema/index.ts';
import type { TermRow } from '../../server/directory/bundle.ts';
import { EXPORT_FORMATS, type ExportFormat, exportDirectory } from '../../server/directory/export/export.ts';
import { loadDirectory } from '../../server/directory/export/load.ts';
import { writeTemplate } from '../../server/directory/export/xlsx.ts';
import { importDirectory } from '../../server/directory/import/import.ts';
import { presentImportProblem } from '../../server/directory/import/present.ts';
import { type CliContext, EXIT, UsageError, type Verb, parseVerbArgs, withDatabase } from '../context.ts';

/** Writes a new file only: an export never replaces a file someone may still need. */
async function writeNew(ctx: CliContext, file: string, data: Uint8Array): Promise<boolean> {
  try {
    await writeFile(file, data, { flag: 'wx' });
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    ctx.err(ctx.t(code === 'EEXIST' ? 'cli.directory.fileExists' : 'cli.directory.fileUnwritable', { file }));
    return false;
  }
}

/**
 * `directory import FILE [--valid-only] [--dry-run]`: HSDS JSON, HSDS tables in a zip, or the
 * Excel template (told apart by content). Prints what was created, updated and left as it
 * was, or every problem with its sheet, row and column (exit 2, nothing stored).
 */
const importVerb: Verb = async (ctx, rest) => {
  const { values, positionals } = parseVerbArgs(rest, { 'valid-only': { type: 'boolean' }, 'dry-run': { type: 'boolean' } }, 1);
  const file = positionals[0];
  if (!file) throw new UsageError('cli.directory.usage');
  let data: Uint8Array;
  try {
    data = await readFile(file);
  } catch {
    ctx.err(ctx.t('cli.directory.fileUnreadable', { file }));
    return EXIT.usage;
  }
  const locale = ctx.config.locale;
  const validOnly = values['valid-only'] === true;
  const report = await withDatabase(ctx, { migrate: true }, (db) =>
    importDirectory(db, buildRegistry(), data, basename(file), { actor: SYSTEM_CLI, requestId: 'cli-directory-import', locale, validOnly, dryRun: values['dry-run'] === true }),
  );
  if (report.problems.length > 0) {
    ctx.err(ctx.t(validOnly ? 'cli.directory.problemsSkipped' : 'cli.directory.problems', { count: report.problems.length, skipped: report.counts.skipped }));
    for (const p of report.problems.map((x) => presentImportProblem(x, locale))) ctx.err(`  ${p.location} : ${p.message}`);
    if (!validOnly) return EXIT.usage;
  }
  ctx.out(ctx.t(values['dry-run'] ? 'cli.directory.checked' : 'cli.directory.imported', { format: report.format ?? '', ...report.counts }));
  return EXIT.ok;
};

/** `directory export --format hsds-json|hsds-csv|xlsx FILE`: the whole directory, for a coordinator (confidential places included). */
const exportVerb: Verb = async (ctx, rest) => {
  const { values, positionals } = parseVerbArgs(rest, { format: { type: 'string' } }, 1);
  const file = positionals[0];
  if (!file || !values.format) throw new UsageError('cli.directory.usage');
  if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) throw new UsageError('cli.directory.badFormat', { format: values.format });
  const format = values.format as ExportFormat;
  return withDatabase(ctx, { migrate: false }, async (db) => {
    const data = await exportDirectory(db, format);
    if (!(await writeNew(ctx, file, data))) return EXIT.usage;
    const count = (await db.$count(directoryServices)) as number;
    ctx.out(ctx.t('cli.directory.exported', { count, file, format }));
    return EXIT.ok;
  });
};

/** `directory template FILE.xlsx`: the empty workbook partners fill in, with the installation's own service types. */
const templateVerb: Verb = async (ctx, rest) => {
  const { positionals } = parseVerbArgs(rest, {}, 1);
  const file = positionals[0];
  if (!file) throw new UsageError('cli.directory.usage');
  return withDatabase(ctx, { migrate: true }, async (db) => {
    const { terms } = await loadDirectory(db);
    // Before the taxonomy is seeded, the shipped terms: the lists are never empty.
    const shipped = SEED_TAXONOMIES.flatMap((x) => x.terms.map((term) => ({ name: term.name.fr, active: true, taxonomyId: taxonomyId(x.key) }) as TermRow));
    const data = await writeTemplate([], terms.length > 0 ? terms : shipped, taxonomyId(SERVICE_TYPES.key));
    if (!(await writeNew(ctx, file, data))) return EXIT.usage;
    ctx.out(ctx.t('cli.directory.templateWritten', { file }));
    return EXIT.ok;
  });
};

/**
 * `directory seed-taxonomy`: the NRM service types and target groups in fr/en/bm, for an
 * install made without demo data (the directory cannot take a service before). Adds only the
 * missing terms, so running it again, or after a coordinator's edits, changes nothing of theirs.
 */
const seedTaxonomyVerb: Verb = async (ctx, rest) => {
  parseVerbArgs(rest, {});
  const result = await withDatabase(ctx, { migrate: true }, (db) =>
    runCommand(db, buildRegistry(), { name: 'taxonomy.seed', commandId: randomUUID(), input: {}, actor: SYSTEM_CLI, requestId: 'cli-directory-seed-taxonomy', locale: ctx.config.locale }),
  );
  const { terms } = result.result as { taxonomies: number; terms: number };
  ctx.out(ctx.t('cli.directory.seeded', { count: terms }));
  return EXIT.ok;
};

const SUBVERBS: Record<string, Verb> = { import: importVerb, export: exportVerb, template: templateVerb, 'seed-taxonomy': seedTaxonomyVerb };

/** `directory import|export|template`: the service directory in and out of HSDS and the partners' Excel template. */
export const directory: Verb = async (ctx, args) => {
  const [sub, ...rest] = args;
  const verb = sub ? SUBVERBS[sub] : undefined;
  if (!verb) throw new UsageError('cli.directory.usage');
  return verb(ctx, rest);
};
