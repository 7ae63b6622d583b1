import { and, asc, eq, lt, notInArray } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { SYSTEM_JOB } from '../../../domain/identity/actor.ts';
import { buildRegistry } from '../../commands/registry.ts';
import { runCommand } from '../../commands/run.ts';
import type { CommandDefinition } from '../../commands/define.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Db } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import { erasePerson } from './erase.ts';

export interface RetentionSettings {
  secrets: () => SecretBox;
  /** SIRA_RETENTION_YEARS: a case nobody has worked on for this long is anonymised. */
  years: number;
}

/** One transaction per person, so a batch never holds many locks; a run stops after `maxPerRun` and comes back soon. */
const BATCH = 100;
const MAX_PER_RUN = 1000;

export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/**
 * IOM's retention principle: identifying data is kept no longer than its purpose needs. Open
 * cases whose last activity is older than the retention period are erased through the same
 * `person.erase` command a caseworker uses (reason `retention`, actor: the system's jobs), so
 * each erasure is authorised, applied once and audited like any other.
 */
export async function runRetention(db: Db, settings: RetentionSettings, options: { now?: Date; maxPerRun?: number } = {}): Promise<{ erased: number; more: boolean }> {
  const now = options.now ?? new Date();
  const cutoff = retentionCutoff(now, settings.years);
  const registry = buildRegistry([erasePerson as unknown as CommandDefinition]);
  const max = options.maxPerRun ?? MAX_PER_RUN;
  const failed: string[] = [];
  let erased = 0;
  while (erased < max) {
    const ids = (
      await db
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.status, 'open'), lt(cases.lastActivityAt, cutoff), failed.length ? notInArray(cases.id, failed) : undefined))
        .orderBy(asc(cases.lastActivityAt), asc(cases.id))
        .limit(Math.min(BATCH, max - erased))
    ).map((r) => r.id);
    if (ids.length === 0) break;
    for (const caseId of ids) {
      try {
        await runCommand(db, registry, { name: erasePerson.name, commandId: uuidv4(), input: { caseId, reason: 'retention' }, actor: SYSTEM_JOB, requestId: 'retention', locale: 'fr', secrets: settings.secrets });
        erased++;
      } catch {
        // One unreadable case must not hold back the others; the job reports it below.
        failed.push(caseId);
      }
    }
  }
  // Errors of jobs are shown to administrators: a count, never an id or a name.
  if (failed.length) throw new Error(`retention: ${failed.length} case(s) could not be erased, ${erased} erased`);
  const [left] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.status, 'open'), lt(cases.lastActivityAt, cutoff)))
    .limit(1);
  return { erased, more: left !== undefined };
}
