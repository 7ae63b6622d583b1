import { sql } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/audit/verify.ts';
import { BACKEND } from '../support/database.ts';
import { type TestApp, createTestApp, systemCommand } from '../support/app.ts';

describe(`hash-chained audit log on ${BACKEND}`, () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    // Concurrent commands must still produce one unbroken chain.
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        systemCommand(t, 'organisation.create', { organisationId: uuidv4(), name: `Organisation ${i} (démo)`, type: 'ngo', country: 'ML', regionPcodes: [] }),
      ),
    );
  });
  afterEach(async () => {
    await t.close();
  });

  const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);

  it('verifies an intact chain', async () => {
    expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, count: 6 });
  });

  it('names the row whose content was altered', async () => {
    await exec(sql`update audit_events set data = '{"command":"organisation.create","fields":["forged"]}' where seq = 3`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, seq: 3, reason: 'hash_mismatch' });
  });

  it('detects a row altered together with a recomputed-looking hash (the next link breaks)', async () => {
    await exec(sql`update audit_events set hash = repeat('a', 64) where seq = 4`);
    const result = await verifyAuditChain(t.database.db);
    expect(result).toMatchObject({ ok: false, seq: 4, reason: 'hash_mismatch' });
  });

  it('names the gap where a row was deleted', async () => {
    await exec(sql`delete from audit_events where seq = 2`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, seq: 2, reason: 'gap' });
  });

  it('detects deleted latest rows through the chain head', async () => {
    await exec(sql`delete from audit_events where seq = 6`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, seq: 6, reason: 'head_mismatch' });
  });

  it('detects a rewritten timestamp', async () => {
    await exec(sql`update audit_events set occurred_at = occurred_at - interval '1 day' where seq = 5`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, seq: 5, reason: 'hash_mismatch' });
  });
});
