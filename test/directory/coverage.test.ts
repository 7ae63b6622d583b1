import { eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/server/db/schema/index.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login, systemCommand } from '../support/app.ts';
import { BACKEND } from '../support/database.ts';
import { serviceInput } from './fixture.ts';

interface Coverage {
  cells: { serviceType: string; region: string; providers: number }[];
}

describe(`directory coverage gaps on ${BACKEND}`, () => {
  let t: TestApp;
  let coordinator: Session;
  let member: Session;
  let orgA: string;
  let orgB: string;

  const coverage = async (session: Session) => t.app.inject({ method: 'GET', url: '/api/directory/coverage', headers: { cookie: session.cookie } });
  const cell = (c: Coverage, serviceType: string, region: string) => c.cells.find((x) => x.serviceType === serviceType && x.region === region)?.providers ?? 0;

  beforeAll(async () => {
    t = await createTestApp();
    const coord = await createOrganisationAndUser(t, ['nrm_coordinator']);
    coordinator = await login(t, coord.email);
    member = await login(t, (await createOrganisationAndUser(t, ['frontline_identifier'])).email);
    orgA = coord.organisationId;
    orgB = (await createOrganisationAndUser(t, ['service_focal_point'])).organisationId;
    await systemCommand(t, 'taxonomy.seed', {});
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('counts organisations, not services, per type and region, through service areas and places alike', async () => {
    // Organisation A: two shelters in Ségou (the region, and a cercle inside it): one provider.
    await systemCommand(t, 'service.create', serviceInput(orgA, { name: 'Abri A1', serviceTypes: ['shelter'], coverage: ['ML04'] }));
    await systemCommand(t, 'service.create', serviceInput(orgA, { name: 'Abri A2', serviceTypes: ['shelter'], coverage: ['ML0401'] }));
    // Organisation B: a shelter with a place in Ségou and no service area: a second provider.
    await systemCommand(
      t,
      'service.create',
      serviceInput(orgB, { name: 'Abri B', serviceTypes: ['shelter', 'food'], locations: [{ id: uuidv4(), locationType: 'physical', admin1Pcode: 'ML04', confidential: false }] }),
    );
    // A child type counts for its parent; a closed service counts for nothing.
    await systemCommand(t, 'service.create', serviceInput(orgB, { name: 'Microprojets', serviceTypes: ['reintegration_economic'], coverage: ['BF13'] }));
    await systemCommand(t, 'service.create', serviceInput(orgA, { name: 'Fermé', status: 'inactive', serviceTypes: ['legal_aid'], coverage: ['ML07'] }));

    const res = await coverage(coordinator);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as Coverage;
    expect(cell(c, 'shelter', 'ML04')).toBe(2);
    expect(cell(c, 'food', 'ML04')).toBe(1);
    expect(cell(c, 'reintegration_economic', 'BF13')).toBe(1);
    expect(cell(c, 'reintegration', 'BF13')).toBe(1);
    // Gaps are absent cells: no legal aid anywhere (the only one is closed), no shelter in Gao.
    expect(c.cells.some((x) => x.serviceType === 'legal_aid')).toBe(false);
    expect(cell(c, 'shelter', 'ML07')).toBe(0);
    expect(c.cells.every((x) => x.providers > 0 && /^(ML|BF)\d\d$/.test(x.region))).toBe(true);
    expect(c.cells).toHaveLength(4);
  });

  it('is a coordinator page: a frontline member is answered as if it did not exist, and the refusal is audited', async () => {
    const requestId = `coverage-${uuidv4()}`;
    const res = await t.app.inject({ method: 'GET', url: '/api/directory/coverage', headers: { cookie: member.cookie, 'x-request-id': requestId } });
    expect(res.statusCode).toBe(404);
    expect((res.json() as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
    const denied = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'access.denied'))).filter((e) => e.requestId === requestId);
    expect(denied).toHaveLength(1);
    expect(denied[0]?.data).toEqual({ action: 'taxonomy.manage' });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/directory/coverage' });
    expect(anonymous.statusCode).toBe(401);
  });
});
