import { eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralState } from '../../../src/domain/referrals/lifecycle.ts';
import type { ReferralStatisticsView } from '../../../src/domain/referrals/statistics-view.ts';
import { auditEvents, referralEvents, referrals } from '../../../src/server/db/schema/index.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login, systemCommand } from '../../support/app.ts';
import { registerCase } from '../../support/cases.ts';
import { BACKEND } from '../../support/database.ts';
import { serviceInput } from '../../directory/fixture.ts';

const HOUR = 3_600_000;
const at = (iso: string, plusHours = 0) => new Date(new Date(iso).getTime() + plusHours * HOUR);

interface Row {
  caseId: string;
  to: 'B' | 'C' | 'D';
  serviceType: string;
  regionPcode: string;
  state: ReferralState;
  sentAt: Date;
  answeredAfter?: number;
  closedAfter?: number;
  deadlinePassed?: boolean;
}

/**
 * Referral rows are written directly (the commands that make them are tested elsewhere): 33
 * persons registered in A, referred to B (12 persons, 13 referrals with known times), C (11)
 * and D (10), plus one referral outside the range.
 */
describe(`referral statistics on ${BACKEND}`, () => {
  let t: TestApp;
  let analyst: Session;
  let coordinator: Session;
  let frontline: Session;
  let frontlineUserId: string;
  const orgs = {} as Record<'A' | 'B' | 'C' | 'D', string>;
  const services = {} as Record<'B' | 'C' | 'D', string>;

  const get = (session: Session, query: string, requestId = `stats-${uuidv4()}`) =>
    t.app.inject({ method: 'GET', url: `/api/referrals/statistics?${query}`, headers: { cookie: session.cookie, 'x-request-id': requestId } });
  const stats = async (query: string, session = analyst) => {
    const res = await get(session, query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReferralStatisticsView;
  };
  const RANGE = 'from=2026-09-01&to=2026-10-31';

  beforeAll(async () => {
    t = await createTestApp();
    await systemCommand(t, 'taxonomy.seed', {});
    const a = await createOrganisationAndUser(t, ['case_manager']);
    orgs.A = a.organisationId;
    const caseManager = await login(t, a.email);
    for (const key of ['B', 'C', 'D'] as const) {
      orgs[key] = (await createOrganisationAndUser(t, ['service_focal_point'])).organisationId;
      const input = serviceInput(orgs[key], { serviceTypes: ['medical', 'shelter'] });
      await systemCommand(t, 'service.create', input);
      services[key] = input.serviceId;
    }
    analyst = await login(t, (await createOrganisationAndUser(t, ['analyst'])).email);
    coordinator = await login(t, (await createOrganisationAndUser(t, ['nrm_coordinator'])).email);
    const f = await createOrganisationAndUser(t, ['frontline_identifier']);
    frontlineUserId = f.userId;
    frontline = await login(t, f.email);

    const persons: string[] = [];
    for (let i = 0; i < 33; i += 1) persons.push((await registerCase(t, caseManager)).caseId);
    const sent = (i: number) => at('2026-10-01T08:00:00Z', i);
    const b = (i: number, state: ReferralState, extra: Partial<Row> = {}): Row => ({ caseId: persons[i]!, to: 'B', serviceType: 'medical', regionPcode: 'ML01', state, sentAt: sent(i), ...extra });
    const rows: Row[] = [
      b(0, 'completed', { answeredAfter: 2, closedAfter: 50 }),
      b(1, 'completed', { answeredAfter: 4, closedAfter: 30 }),
      b(2, 'completed', { answeredAfter: 6, closedAfter: 70 }),
      b(3, 'in_progress', { answeredAfter: 8 }),
      b(4, 'accepted', { answeredAfter: 10 }),
      b(5, 'accepted', { answeredAfter: 100, deadlinePassed: true }),
      b(6, 'declined', { answeredAfter: 1, closedAfter: 1 }),
      b(7, 'declined', { answeredAfter: 3, closedAfter: 3 }),
      b(8, 'overdue', { deadlinePassed: true }),
      b(9, 'overdue', { deadlinePassed: true }),
      b(10, 'sent'),
      // The last day of the range counts whole.
      b(11, 'sent', { sentAt: at('2026-10-31T23:30:00Z') }),
      // A second referral of the first person: 13 referrals, 12 persons.
      b(0, 'cancelled', { closedAfter: 5 }),
      // Before the range: left out.
      b(1, 'completed', { sentAt: at('2026-08-15T08:00:00Z'), answeredAfter: 1, closedAfter: 2 }),
    ];
    for (let i = 12; i < 23; i += 1) rows.push({ caseId: persons[i]!, to: 'C', serviceType: 'shelter', regionPcode: 'ML01', state: 'sent', sentAt: sent(i) });
    for (let i = 23; i < 33; i += 1) rows.push({ caseId: persons[i]!, to: 'D', serviceType: 'medical', regionPcode: i < 28 ? 'ML02' : 'ML03', state: 'sent', sentAt: sent(i) });

    const db = t.database.db;
    for (const [n, r] of rows.entries()) {
      const id = uuidv4();
      const answeredAt = r.answeredAfter === undefined ? null : at(r.sentAt.toISOString(), r.answeredAfter);
      await db.insert(referrals).values({
        id,
        referenceCode: `REF-TEST-${String(n).padStart(3, '0')}`,
        caseId: r.caseId,
        fromOrganisationId: orgs.A,
        toOrganisationId: orgs[r.to],
        serviceId: services[r.to],
        serviceType: r.serviceType,
        urgency: 'urgent',
        state: r.state,
        basis: 'consent',
        shareIdentity: false,
        onPaper: false,
        regionPcode: r.regionPcode,
        sentAt: r.sentAt,
        answerDueAt: at(r.sentAt.toISOString(), 72),
        answeredAt,
        closedAt: r.closedAfter === undefined ? null : at(r.sentAt.toISOString(), r.closedAfter),
        updatedAt: r.sentAt,
      });
      if (r.deadlinePassed) {
        await db.insert(referralEvents).values({ id: uuidv4(), referralId: id, event: 'deadline_passed', fromState: 'sent', toState: 'overdue', side: 'system', at: at(r.sentAt.toISOString(), 72) });
      }
    }
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('gives the figures of a receiving organisation with enough persons', async () => {
    const view = await stats(`dimension=toOrganisationId&${RANGE}`);
    expect(view).toMatchObject({ dimension: 'toOrganisationId', from: '2026-09-01', to: '2026-10-31', minPersons: 11 });
    const b = view.cells.find((c) => c.key === orgs.B)!;
    expect(b.label).toMatch(/^Organisation /);
    expect(b.figures).toEqual({ referrals: 13, persons: 12, acceptanceRate: 0.75, medianHoursToAnswer: 5, medianHoursToCompletion: 50, overdue: 3 });
    expect(view.total.figures).toMatchObject({ referrals: 34, persons: 33, overdue: 3 });
  });

  it('hides a cell of 10 persons, and the next smallest so the total does not give it away', async () => {
    const view = await stats(`dimension=toOrganisationId&${RANGE}`);
    expect(view.cells.map((c) => [c.key, c.figures === null])).toEqual([
      [orgs.B, false],
      [orgs.C, true],
      [orgs.D, true],
    ]);
    // Hidden means no figures at all, not zeros.
    expect(JSON.stringify(view.cells.find((c) => c.key === orgs.D))).not.toContain('"referrals"');
  });

  it('shows a cell of exactly 11 persons, by service type', async () => {
    const view = await stats(`dimension=serviceType&${RANGE}`);
    const shelter = view.cells.find((c) => c.key === 'shelter')!;
    expect(shelter).toMatchObject({ label: 'Hébergement', figures: { referrals: 11, persons: 11, acceptanceRate: null, medianHoursToAnswer: null, overdue: 0 } });
    expect(view.cells.find((c) => c.key === 'medical')!.figures).toMatchObject({ persons: 22, referrals: 23 });
    const english = await stats(`dimension=serviceType&${RANGE}&lang=en`);
    expect(english.cells.find((c) => c.key === 'shelter')!.label).toBe('Shelter');
  });

  it('needs no second hidden cell when two small ones hide each other, by region', async () => {
    const view = await stats(`dimension=regionPcode&${RANGE}`);
    expect(view.cells).toEqual([
      expect.objectContaining({ key: 'ML01', figures: expect.objectContaining({ persons: 23 }) }),
      expect.objectContaining({ key: 'ML02', figures: null }),
      expect.objectContaining({ key: 'ML03', figures: null }),
    ]);
    expect(view.cells[0]!.label).not.toBe('ML01');
  });

  it('counts only referrals sent in the range, and hides a total under 11 persons', async () => {
    const august = await stats('dimension=toOrganisationId&from=2026-08-01&to=2026-08-31');
    expect(august.cells).toEqual([expect.objectContaining({ key: orgs.B, figures: null })]);
    expect(august.total.figures).toBeNull();
    const lastDay = await stats('dimension=toOrganisationId&from=2026-10-31&to=2026-10-31');
    expect(lastDay.cells.map((c) => c.key)).toEqual([orgs.B]);
  });

  it('refuses a range that ends before it starts, a day that does not exist, and an unknown breakdown', async () => {
    for (const query of ['dimension=serviceType&from=2026-10-31&to=2026-09-01', 'from=2026-02-31', 'dimension=caseId']) {
      const res = await get(analyst, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('is open to the coordinator, and defaults to the last 90 days', async () => {
    const view = await stats('', coordinator);
    expect(view.dimension).toBe('toOrganisationId');
    const days = (Date.parse(view.to) - Date.parse(view.from)) / (24 * HOUR);
    expect(days).toBe(89);
  });

  it('does not exist for a frontline identifier, and the refusal is audited', async () => {
    const requestId = `denied-${uuidv4()}`;
    const res = await get(frontline, `dimension=serviceType&${RANGE}`, requestId);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    const denied = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'access.denied'))).filter((e) => e.requestId === requestId);
    expect(denied).toEqual([expect.objectContaining({ actorUserId: frontlineUserId, data: { action: 'referral.statistics' } })]);
  });
});
