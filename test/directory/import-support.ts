import { sql } from 'drizzle-orm';
import { DEMO_ORGANISATIONS } from '../../src/cli/demo-data.ts';
import { stableId } from '../../src/cli/ids.ts';
import { SYSTEM_CLI } from '../../src/domain/identity/actor.ts';
import type { Actor } from '../../src/domain/identity/actor.ts';
import { queryRows } from '../../src/server/db/rows.ts';
import { type ImportOptions, importDirectory } from '../../src/server/directory/import/import.ts';
import { comparable, inputOfBundle } from '../../src/server/directory/import/normalise.ts';
import { loadDirectory } from '../../src/server/directory/export/load.ts';
import { type TestApp, systemCommand } from '../support/app.ts';

/** The demo organisations and the NRM taxonomy, without any service: an "empty" directory to import into. */
export async function seedOrganisations(t: TestApp): Promise<void> {
  for (const o of DEMO_ORGANISATIONS) {
    const { key, ...fields } = o;
    await systemCommand(t, 'organisation.create', { organisationId: stableId(`demo:organisation:${key}`), ...fields });
  }
  await systemCommand(t, 'taxonomy.seed', {});
}

export function runImport(t: TestApp, data: Uint8Array, fileName: string, options: Partial<ImportOptions> & { actor?: Actor } = {}) {
  return importDirectory(t.database.db, t.registry, data, fileName, { actor: SYSTEM_CLI, requestId: 'test-import', locale: 'fr', ...options });
}

/** Every stored service as the input that would save it, plus the day it was verified. */
export async function directoryState(t: TestApp): Promise<Map<string, { input: string; verifiedOn: string | null }>> {
  const { bundles } = await loadDirectory(t.database.db);
  return new Map(bundles.map((b) => [b.service.id, { input: comparable(inputOfBundle(b)), verifiedOn: b.service.lastVerifiedAt?.toISOString().slice(0, 10) ?? null }]));
}

/** Rows that change when anything is written: audit events, commands and every directory table. */
export async function writeCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = ['audit_events', 'command_log', 'directory_services', 'directory_locations', 'directory_phones', 'directory_attributes', 'directory_schedules'];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`));
    out[table] = row?.n ?? 0;
  }
  const [updated] = await queryRows<{ m: string | null }>(t.database.db, sql`select max(updated_at)::text as m from directory_services`);
  out.lastUpdate = updated?.m ? Date.parse(updated.m) : 0;
  return out;
}
