import { count, eq, sql } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiraError } from '../../src/domain/errors/catalogue.ts';
import { SYSTEM_CLI } from '../../src/domain/identity/actor.ts';
import { z } from 'zod';
import { defineCommand } from '../../src/server/commands/define.ts';
import { ALL_COMMANDS, buildRegistry } from '../../src/server/commands/registry.ts';
import { runCommand } from '../../src/server/commands/run.ts';
import { appendAudit } from '../../src/server/audit/append.ts';
import { actorForUserId } from '../../src/server/identity/roles.ts';
import { auditEvents, commandLog, organisations, users } from '../../src/server/db/schema/index.ts';
import { queryRows } from '../../src/server/db/rows.ts';
import { BACKEND } from '../support/database.ts';
import { type TestApp, createOrganisationAndUser, createTestApp } from '../support/app.ts';

const orgInput = (organisationId = uuidv4()) => ({ organisationId, name: 'Centre d’écoute de Kayes', type: 'ngo', country: 'ML', regionPcodes: ['ML01'] });

describe(`commands on ${BACKEND}`, () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const run = (commandId: string, input: unknown, name = 'organisation.create', actor = SYSTEM_CLI) =>
    runCommand(t.database.db, t.registry, { name, commandId, input, actor, requestId: 'req-1', locale: 'fr' });

  const countRows = async (table: typeof organisations | typeof auditEvents | typeof commandLog) =>
    (await t.database.db.select({ n: count() }).from(table))[0]?.n ?? -1;

  it('applies a replayed command id once and returns the first result', async () => {
    const id = uuidv4();
    const input = orgInput();
    const first = await run(id, input);
    const second = await run(id, input);
    expect(first.status).toBe('applied');
    expect(second.status).toBe('replayed');
    expect(second.result).toEqual(first.result);
    expect(await countRows(organisations)).toBe(1);
    expect(await countRows(auditEvents)).toBe(1);
  });

  it('applies concurrent duplicates of one id exactly once', async () => {
    const id = uuidv4();
    const input = orgInput();
    const receipts = await Promise.all(Array.from({ length: 6 }, () => run(id, input)));
    expect(receipts.filter((r) => r.status === 'applied')).toHaveLength(1);
    expect(receipts.filter((r) => r.status === 'replayed')).toHaveLength(5);
    expect(await countRows(organisations)).toBe(1);
    expect(await countRows(commandLog)).toBe(1);
  });

  it('refuses the same id with another input, and writes nothing', async () => {
    const id = uuidv4();
    await run(id, orgInput());
    await expect(run(id, { ...orgInput(), name: 'Autre nom' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    expect(await countRows(organisations)).toBe(1);
    expect(await countRows(auditEvents)).toBe(1);
  });

  it('rejects invalid input with translatable details and writes nothing', async () => {
    const err = (await run(uuidv4(), { ...orgInput(), country: 'FR', regionPcodes: ['XX99'], extra: true }).catch((e: unknown) => e)) as SiraError;
    expect(err).toBeInstanceOf(SiraError);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details.map((d) => `${d.path}:${d.code}`).sort()).toEqual(['input.country:invalid_value', 'input.extra:unrecognized_keys', 'input.regionPcodes.0:unknown_pcode']);
    expect(await countRows(commandLog)).toBe(0);
    expect(await countRows(auditEvents)).toBe(0);
  });

  it('rejects an unknown command', async () => {
    await expect(run(uuidv4(), {}, 'organisation.explode')).rejects.toMatchObject({ code: 'UNKNOWN_COMMAND' });
  });

  it('refuses a command the policy denies, audits the denial, and changes nothing else', async () => {
    const { userId, organisationId } = await createOrganisationAndUser(t, ['frontline_identifier']);
    const before = await countRows(organisations);
    const actor = await actorForUserId(t.database.db, userId);
    const commandId = uuidv4();
    await expect(run(commandId, orgInput(), 'organisation.create', actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await countRows(organisations)).toBe(before);
    const [denial] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.commandId, commandId));
    expect(denial).toMatchObject({ type: 'access.denied', actorUserId: userId, data: { action: 'organisation.create' } });
    // The refused id was not consumed: once allowed, the same command can still be applied.
    expect(await queryRows(t.database.db, sql`select 1 from command_log where id = ${commandId}`)).toHaveLength(0);
  });

  it('audits who did what to which record, with field names and never personal values', async () => {
    const { userId, organisationId, email } = await createOrganisationAndUser(t, ['case_manager']);
    const events = await t.database.db.select().from(auditEvents).orderBy(auditEvents.seq);
    const created = events.find((e) => e.targetType === 'user');
    expect(created).toMatchObject({ type: 'command.applied', targetIds: [userId], requestId: 'test', data: { command: 'user.create' } });
    expect((created?.data as { fields: string[] }).fields).toContain('password');
    const everything = JSON.stringify(events);
    expect(everything).not.toContain(email);
    expect(everything).not.toContain('Awa Test');
    expect(everything).not.toContain('correct horse');
    const [stored] = await t.database.db.select().from(users).where(eq(users.id, userId));
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.organisationId).toBe(organisationId);
  });

  it('maps a duplicate email to EMAIL_TAKEN without a second account', async () => {
    const { organisationId, email } = await createOrganisationAndUser(t, ['case_manager']);
    const input = { userId: uuidv4(), email: email.toUpperCase(), displayName: 'Autre', password: 'another long password', organisationId, roles: ['analyst'] };
    await expect(run(uuidv4(), input, 'user.create')).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    expect((await t.database.db.select({ n: count() }).from(users))[0]?.n).toBe(1);
  });

  /** A command handing back a one-time secret, and one whose failure leaves a trace. */
  const probe = defineCommand({
    name: 'test.probe',
    summary: 'test only',
    input: z.object({ fail: z.boolean() }).strict(),
    result: z.object({ ok: z.literal(true) }),
    ephemeral: z.object({ secret: z.string() }),
    authorize() {},
    async handle(ctx, input) {
      ctx.keepOnFailure((tx) => appendAudit(tx, { type: 'access.denied', actor: ctx.actor, commandId: ctx.commandId, data: { action: 'kept-on-failure' } }));
      await appendAudit(ctx.tx, { type: 'access.denied', actor: ctx.actor, commandId: ctx.commandId, data: { action: 'rolled-back' } });
      if (input.fail) throw new SiraError('CONFLICT');
      return { result: { ok: true as const }, ephemeral: { secret: 'one-time-secret-value' }, audit: { targetType: 'test', targetIds: [], fields: [] } };
    },
  });
  const runProbe = (commandId: string, fail: boolean) =>
    runCommand(t.database.db, buildRegistry([...ALL_COMMANDS, probe as never]), { name: 'test.probe', commandId, input: { fail }, actor: SYSTEM_CLI, requestId: 'req-1', locale: 'fr' });

  it('returns the ephemeral part once, never stores it, and replays without it', async () => {
    const id = uuidv4();
    expect(await runProbe(id, false)).toEqual({ commandId: id, status: 'applied', result: { ok: true }, ephemeral: { secret: 'one-time-secret-value' } });
    expect(await runProbe(id, false)).toEqual({ commandId: id, status: 'replayed', result: { ok: true } });
    expect(JSON.stringify(await t.database.db.select().from(commandLog))).not.toContain('one-time-secret-value');
    expect(JSON.stringify(await t.database.db.select().from(auditEvents))).not.toContain('one-time-secret-value');
  });

  it('keeps what a handler asked to keep when the command fails, and only then', async () => {
    const failed = uuidv4();
    await expect(runProbe(failed, true)).rejects.toMatchObject({ code: 'CONFLICT' });
    const kept = await t.database.db.select().from(auditEvents).where(eq(auditEvents.commandId, failed));
    expect(kept.map((e) => (e.data as { action: string }).action)).toEqual(['kept-on-failure']);
    const applied = uuidv4();
    await runProbe(applied, false);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.commandId, applied));
    expect(events.map((e) => (e.data as { action?: string }).action ?? e.type)).toEqual(['rolled-back', 'command.applied']);
  });
});
