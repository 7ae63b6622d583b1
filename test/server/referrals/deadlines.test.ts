import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { advanceClockForTests, resetClockForTests } from '../../../src/server/clock.ts';
import { auditEvents, notifications, referrals, users } from '../../../src/server/db/schema/index.ts';
import { builtInJobHandlers } from '../../../src/server/jobs/handlers.ts';
import { JobWorker } from '../../../src/server/jobs/worker.ts';
import { BACKEND } from '../../support/database.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login } from '../../support/app.ts';
import { consent, registerCase } from '../../support/cases.ts';
import { createService, refer, seedTaxonomy, step } from '../../support/referrals.ts';

const HOUR = 3_600_000;

/**
 * Deadlines are durable jobs scheduled with the referral: a reminder in the last quarter of the
 * answer time, then at the deadline the referral turns overdue and is escalated to the
 * coordinators. The clock is moved instead of waiting; the worker runs what is due.
 */
describe(`referral deadlines on ${BACKEND}`, () => {
  let t: TestApp;
  let identifier: Session;
  let focal: Session;
  let coordinator: Session;
  let coordinatorId: string;
  let orgB: string;
  let shelter: { serviceId: string };
  let worker: JobWorker;

  beforeAll(async () => {
    t = await createTestApp();
    await seedTaxonomy(t);
    identifier = await login(t, (await createOrganisationAndUser(t, ['frontline_identifier'])).email);
    const b = await createOrganisationAndUser(t, ['service_focal_point']);
    orgB = b.organisationId;
    focal = await login(t, b.email);
    const c = await createOrganisationAndUser(t, ['nrm_coordinator']);
    coordinator = await login(t, c.email);
    coordinatorId = (await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, c.email)))[0]!.id;
    shelter = await createService(t, orgB);
    worker = new JobWorker(t.database.db, builtInJobHandlers({ idleMs: 60_000, absoluteMs: 3_600_000 }, { secrets: () => t.secrets, years: 10 }), { pollMs: 60_000 });
  });
  afterEach(() => resetClockForTests());
  afterAll(async () => {
    await t.close();
  });

  const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  const stateOf = async (id: string) => (await t.database.db.select().from(referrals).where(eq(referrals.id, id)))[0]!;
  const kindsFor = async (id: string) => (await t.database.db.select({ kind: notifications.kind, userId: notifications.userId }).from(notifications).where(eq(notifications.subjectId, id)));

  it('reminds, then marks overdue and escalates an emergency left unanswered for 24 hours, once', async () => {
    const { caseId } = await registerCase(t, identifier, { consents: [consent(), consent({ layer: 'disclosure', decision: 'granted', organisationId: orgB })] });
    const { res, referralId } = await refer(t, identifier, caseId, shelter.serviceId, { urgency: 'emergency' });
    expect(res.statusCode, res.body).toBe(200);
    await worker.drain();
    expect((await stateOf(referralId)).state).toBe('sent');

    advanceClockForTests(19 * HOUR); // past the reminder point (18 h), before the deadline
    await worker.drain();
    const reminded = await stateOf(referralId);
    expect(reminded.state).toBe('sent');
    expect(reminded.remindedAt).not.toBeNull();
    expect((await kindsFor(referralId)).map((n) => n.kind)).toContain('referral_reminder');
    expect((await get(focal, '/api/referrals/inbox?view=due_soon')).json().items.map((i: { id: string }) => i.id)).toContain(referralId);
    expect((await get(coordinator, '/api/referrals/escalations')).json().items.map((i: { id: string }) => i.id)).not.toContain(referralId);

    advanceClockForTests(6 * HOUR);
    await worker.drain();
    const overdue = await stateOf(referralId);
    expect(overdue.state).toBe('overdue');
    expect(overdue.escalatedAt).not.toBeNull();
    const escalations = (await get(coordinator, '/api/referrals/escalations')).json();
    const item = escalations.items.find((i: { id: string }) => i.id === referralId);
    expect(item).toMatchObject({ urgency: 'emergency', state: 'overdue', serviceType: 'shelter' });
    // The coordinator's view names organisations, never the person.
    expect(JSON.stringify(escalations)).not.toContain('Diarra');
    const told = await kindsFor(referralId);
    expect(told).toEqual(expect.arrayContaining([{ kind: 'referral_escalated', userId: coordinatorId }]));
    expect(told.filter((n) => n.kind === 'referral_overdue').length).toBeGreaterThan(0);
    const audited = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'referral.overdue'));
    expect(audited.filter((e) => e.targetIds.includes(referralId))).toHaveLength(1);
    expect((await get(focal, '/api/referrals/inbox?view=overdue')).json().items.map((i: { id: string }) => i.id)).toContain(referralId);

    // Still answerable when late; answering takes it off the coordinator's list.
    expect((await step(t, focal, 'accept', referralId)).json().result.state).toBe('accepted');
    expect((await get(coordinator, '/api/referrals/escalations')).json().items.map((i: { id: string }) => i.id)).not.toContain(referralId);
    await worker.drain();
    expect(await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'referral.overdue'))).toHaveLength(audited.length);
  });

  it('does nothing at the deadline of a referral answered in time', async () => {
    const { caseId } = await registerCase(t, identifier, { consents: [consent(), consent({ layer: 'disclosure', decision: 'granted', organisationId: orgB })] });
    const { referralId } = await refer(t, identifier, caseId, shelter.serviceId, { urgency: 'urgent' });
    expect((await step(t, focal, 'decline', referralId, { note: 'Plus de place ce mois-ci.' })).json().result.state).toBe('declined');
    advanceClockForTests(80 * HOUR);
    await worker.drain();
    const row = await stateOf(referralId);
    expect(row.state).toBe('declined');
    expect(row.escalatedAt).toBeNull();
    expect((await kindsFor(referralId)).map((n) => n.kind)).not.toContain('referral_reminder');
  });

  it('is refused to anyone but a coordinator, and the refusal is audited', async () => {
    const res = await get(identifier, '/api/referrals/escalations');
    expect(res.statusCode).toBe(404);
    const denied = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'access.denied'));
    expect(denied.some((e) => (e.data as { action: string }).action === 'referral.oversee')).toBe(true);
  });
});
