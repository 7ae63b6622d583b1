import { strFromU8, unzipSync } from 'fflate';
import { v4 as uuidv4 } from 'uuid';
import type { ImportCounts, ImportFormat, ImportProblem } from '../../../domain/directory/import-problems.ts';
import type { Actor } from '../../../domain/identity/actor.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import { type CommandRegistry, runCommand } from '../../commands/run.ts';
import type { Db } from '../../db/client.ts';
import { loadServiceBundles } from '../bundle.ts';
import type { ParsedFile } from './candidate.ts';
import { comparable, inputOfBundle, overlay } from './normalise.ts';
import { parseHsdsZip } from './parse-csv.ts';
import { parseHsdsJson } from './parse-json.ts';
import { parseTemplate } from './parse-xlsx.ts';
import { loadReference } from './reference.ts';
import { checkCandidates, dedupe } from './validate.ts';

export interface ImportOptions {
  actor: Actor;
  requestId: string;
  locale: Locale;
  /** Import the services whose rows are all valid, and report the others. */
  validOnly?: boolean;
  /** Check and count, store nothing. */
  dryRun?: boolean;
}

export interface ImportReport {
  format: ImportFormat | null;
  problems: ImportProblem[];
  counts: ImportCounts;
  /** Whether anything was written (false on a dry run, or when problems stopped the import). */
  stored: boolean;
}

/** The format by content: a zip holding a workbook is the Excel template, another zip HSDS tables, JSON is HSDS JSON. */
export function detectFormat(data: Uint8Array): ImportFormat | null {
  if (data[0] === 0x50 && data[1] === 0x4b) {
    try {
      const names = Object.keys(unzipSync(data, { filter: (f) => f.name === 'xl/workbook.xml' || f.name.endsWith('.csv') }));
      return names.includes('xl/workbook.xml') ? 'xlsx' : 'hsds-csv';
    } catch {
      return null;
    }
  }
  const start = strFromU8(data.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('[') || start.startsWith('{') ? 'hsds-json' : null;
}

const noCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, verified: 0, skipped: 0 });
const sameDay = (a: Date | null, day: string) => a !== null && a.toISOString().slice(0, 10) === day.slice(0, 10);

/**
 * Imports a directory file: read → check every service (nothing stops at the first
 * problem) → unless a problem was found (or `validOnly`), store through the service
 * commands, all in one transaction. A service equal to what is stored is left alone, so
 * importing the same file twice changes nothing and audits nothing.
 */
export async function importDirectory(db: Db, registry: CommandRegistry, data: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportReport> {
  const format = detectFormat(data);
  if (!format) return { format, problems: [{ sheet: fileName, row: null, column: null, code: 'unknownFormat' }], counts: noCounts(), stored: false };
  const ref = await loadReference(db);
  let parsed: ParsedFile;
  if (format === 'hsds-json') parsed = parseHsdsJson(new TextDecoder().decode(data), fileName, ref.termCodes);
  else if (format === 'hsds-csv') parsed = parseHsdsZip(data, fileName, ref.termCodes);
  else parsed = await parseTemplate(data, fileName, ref);

  const ids = [...new Set(parsed.candidates.map((c) => c.input.serviceId).filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)).map((id) => id.toLowerCase()))];
  const existing = new Map<string, Awaited<ReturnType<typeof loadServiceBundles>>[number]>();
  for (let i = 0; i < ids.length; i += 200) for (const b of await loadServiceBundles(db, ids.slice(i, i + 200))) existing.set(b.service.id, b);
  const owners = new Map([...existing].map(([id, b]) => [id, b.service.organisationId]));

  const prepared = parsed.candidates.map((candidate) => {
    const stored = existing.get(String(candidate.input.serviceId).toLowerCase());
    return { candidate, input: candidate.overlay && stored ? overlay(inputOfBundle(stored), candidate.input) : candidate.input };
  });
  const checked = await checkCandidates(db, prepared, ref, options.actor, owners);
  const problems = dedupe([...parsed.problems, ...checked.flatMap((c) => c.problems)]).sort((a, b) => (a.sheet === b.sheet ? (a.row ?? 0) - (b.row ?? 0) : a.sheet < b.sheet ? -1 : 1));
  const counts = noCounts();
  counts.skipped = checked.filter((c) => !c.input).length;
  if (problems.length > 0 && !options.validOnly) return { format, problems, counts, stored: false };

  type Step = { name: string; input: unknown };
  const steps: Step[] = [];
  for (const c of checked) {
    if (!c.input) continue;
    const stored = existing.get(c.input.serviceId.toLowerCase());
    if (!stored) {
      counts.created += 1;
      steps.push({ name: 'service.create', input: c.input });
    } else if (comparable(inputOfBundle(stored)) !== comparable(c.input)) {
      counts.updated += 1;
      const { organisationId: _, ...fields } = c.input;
      steps.push({ name: 'service.update', input: fields });
    } else counts.unchanged += 1;
    const day = c.candidate.verifiedOn;
    if (day && /^\d{4}-\d{2}-\d{2}/.test(day) && !sameDay(stored?.service.lastVerifiedAt ?? null, day)) {
      counts.verified += 1;
      steps.push({ name: 'service.verify', input: { serviceId: c.input.serviceId, verifiedAt: new Date(`${day.slice(0, 10)}T00:00:00Z`).toISOString() } });
    }
  }
  if (options.dryRun || steps.length === 0) return { format, problems, counts, stored: false };
  // One transaction for the whole file: each command runs in a savepoint of it, so a failure
  // half-way (a concurrent edit, a refused permission) leaves nothing of the import behind.
  await db.transaction(async (tx) => {
    for (const step of steps) {
      await runCommand(tx as unknown as Db, registry, { name: step.name, commandId: uuidv4(), input: step.input, actor: options.actor, requestId: options.requestId, locale: options.locale });
    }
  });
  return { format, problems, counts, stored: true };
}
