import { and, eq, sql } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_TAXONOMIES, SERVICE_TYPES, termId } from '../../src/domain/directory/taxonomy.ts';
import { queryRows } from '../../src/server/db/rows.ts';
import { directoryTaxonomyTerms } from '../../src/server/db/schema/index.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand, systemCommand } from '../support/app.ts';
import { BACKEND } from '../support/database.ts';
import { serviceInput } from './fixture.ts';

describe(`service directory on ${BACKEND}`, () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let focalA: Session;
  let coordinator: Session;
  let caseManager: Session;
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

  beforeAll(async () => {
    t = await createTestApp();
    const a = await createOrganisationAndUser(t, ['service_focal_point']);
    const b = await createOrganisationAndUser(t, ['nrm_coordinator']);
    const c = await createOrganisationAndUser(t, ['case_manager']);
    orgA = a.organisationId;
    orgB = b.organisationId;
    focalA = await login(t, a.email);
    coordinator = await login(t, b.email);
    caseManager = await login(t, c.email);
    expect((await postCommand(t, coordinator, 'taxonomy.seed', uuidv4(), {})).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('taxonomy seed', () => {
    it('adds only what is missing and never overwrites a coordinator edit', async () => {
      const id = termId(SERVICE_TYPES.key, 'food');
      await t.database.db.update(directoryTaxonomyTerms).set({ name: 'Aide alimentaire (modifié)', active: false }).where(eq(directoryTaxonomyTerms.id, id));
      const again = await systemCommand(t, 'taxonomy.seed', {});
      expect(again.result).toEqual({ taxonomies: 0, terms: 0 });
      const [food] = await t.database.db.select().from(directoryTaxonomyTerms).where(eq(directoryTaxonomyTerms.id, id));
      expect(food).toMatchObject({ name: 'Aide alimentaire (modifié)', active: false });
      await t.database.db.update(directoryTaxonomyTerms).set({ name: 'Alimentation', active: true }).where(eq(directoryTaxonomyTerms.id, id));
      // A term deleted by hand comes back; the others stay untouched.
      const [count] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from directory_taxonomy_terms`);
      expect(count?.n).toBe(SEED_TAXONOMIES.reduce((k, x) => k + x.terms.length, 0));
    });

    it('is refused to a case manager and lists labels in three languages', async () => {
      expect((await postCommand(t, caseManager, 'taxonomy.seed', uuidv4(), {})).statusCode).toBe(403);
      const res = await get(caseManager, '/api/directory/taxonomies');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { key: string; terms: { code: string; parentCode: string | null; name: Record<string, string> }[] }[];
      const types = items.find((x) => x.key === 'nrm_service_types')!;
      expect(types.terms.find((x) => x.code === 'reintegration_economic')).toMatchObject({ parentCode: 'reintegration', name: { fr: 'Réintégration économique', en: 'Economic reintegration' } });
      for (const term of types.terms) expect(term.name.bm).not.toBe(term.name.fr);
    });
  });

  describe('taxonomy editing', () => {
    const label = (fr: string) => ({ fr, en: `${fr} (en)`, bm: `${fr} (bm)` });
    it('lets the coordinator rename, add and switch off terms, which the seed then leaves alone', async () => {
      const renamed = await postCommand(t, coordinator, 'taxonomy.term_save', uuidv4(), { taxonomy: 'nrm_service_types', code: 'transport', name: label('Transport et escorte'), description: label('Escorte') });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.json().result.termId).toBe(termId(SERVICE_TYPES.key, 'transport'));
      const added = await postCommand(t, coordinator, 'taxonomy.term_save', uuidv4(), { taxonomy: 'nrm_service_types', code: 'school_support', parent: 'education', name: label('Soutien scolaire'), description: label('Cours du soir') });
      expect(added.statusCode).toBe(200);
      expect((await postCommand(t, coordinator, 'taxonomy.term_save', uuidv4(), { taxonomy: 'nrm_service_types', code: 'too_deep', parent: 'reintegration_social', name: label('x'), description: label('x') })).statusCode).toBe(400);
      expect((await postCommand(t, focalA, 'taxonomy.term_save', uuidv4(), { taxonomy: 'nrm_service_types', code: 'transport', name: label('Non'), description: label('Non') })).statusCode).toBe(403);
      await systemCommand(t, 'taxonomy.seed', {});
      const types = ((await get(caseManager, '/api/directory/taxonomies')).json().items as { key: string; terms: { code: string; parentCode: string | null; name: { fr: string } }[] }[]).find((x) => x.key === 'nrm_service_types')!;
      expect(types.terms.find((x) => x.code === 'transport')?.name.fr).toBe('Transport et escorte');
      expect(types.terms.find((x) => x.code === 'school_support')).toMatchObject({ parentCode: 'education' });
      // A service tagged with the new sub-type is found by its parent.
      const tagged = serviceInput(orgA, { name: 'Cours du soir', serviceTypes: ['school_support'] });
      expect((await postCommand(t, focalA, 'service.create', uuidv4(), tagged)).statusCode).toBe(200);
      expect((await get(caseManager, '/api/directory/services?serviceType=education')).json().items.map((i: { id: string }) => i.id)).toContain(tagged.serviceId);
      // A switched-off term can no longer be chosen.
      await postCommand(t, coordinator, 'taxonomy.term_save', uuidv4(), { taxonomy: 'nrm_service_types', code: 'school_support', parent: 'education', name: label('Soutien scolaire'), description: label('Cours du soir'), active: false });
      expect((await postCommand(t, focalA, 'service.create', uuidv4(), serviceInput(orgA, { serviceTypes: ['school_support'] }))).statusCode).toBe(400);
    });
  });

  describe('maintenance', () => {
    it('names a broken rule in the person\'s language, with the same code the web app uses', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/commands/service.create?lang=en',
        headers: { cookie: focalA.cookie, 'x-csrf-token': focalA.csrf },
        payload: { id: uuidv4(), input: serviceInput(orgA, { schedules: [{ days: ['MO'], opensAt: '17:00', closesAt: '08:00' }] }) },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.schedules.0.closesAt', code: 'closes_before_opens', message: 'The closing time must come after the opening time.' }] },
      });
    });

    it('lets a focal point manage its own organisation only, and the coordinator all', async () => {
      const own = serviceInput(orgA, { name: 'Cantine du centre' });
      const cmd = uuidv4();
      expect((await postCommand(t, focalA, 'service.create', cmd, own)).statusCode).toBe(200);
      // Replay: same answer, nothing duplicated.
      expect((await postCommand(t, focalA, 'service.create', cmd, own)).json()).toMatchObject({ result: { serviceId: own.serviceId } });
      expect((await postCommand(t, focalA, 'service.create', uuidv4(), serviceInput(orgB))).statusCode).toBe(403);
      const theirs = serviceInput(orgB, { name: 'Service de B' });
      expect((await postCommand(t, coordinator, 'service.create', uuidv4(), theirs)).statusCode).toBe(200);
      const { organisationId: _o, ...update } = { ...theirs, name: 'Service de B modifié' };
      expect((await postCommand(t, focalA, 'service.update', uuidv4(), update)).statusCode).toBe(403);
      expect((await postCommand(t, focalA, 'service.verify', uuidv4(), { serviceId: theirs.serviceId })).statusCode).toBe(403);
      expect((await postCommand(t, focalA, 'service.deactivate', uuidv4(), { serviceId: theirs.serviceId })).statusCode).toBe(403);
      expect((await postCommand(t, coordinator, 'service.update', uuidv4(), update)).statusCode).toBe(200);
      expect((await postCommand(t, caseManager, 'service.create', uuidv4(), serviceInput(orgA))).statusCode).toBe(403);
    });

    it('refuses unknown taxonomy codes field by field', async () => {
      const res = await postCommand(t, focalA, 'service.create', uuidv4(), serviceInput(orgA, { serviceTypes: ['food', 'teleportation'], targetGroups: ['aliens'] }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['input.serviceTypes.1']);
      const script = await postCommand(t, focalA, 'service.create', uuidv4(), serviceInput(orgA, { url: 'javascript:alert(1)', coverage: ['ML99'] }));
      expect(script.statusCode).toBe(400);
      expect(script.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['input.coverage.0', 'input.url']);
    });

    it('saves a whole service, replaces its lists on update, and audits status changes', async () => {
      const location = { id: uuidv4(), locationType: 'physical' as const, confidential: false, name: 'Antenne de Ségou', admin1Pcode: 'ML04', address: { address1: 'Quartier Médine', city: 'Ségou', country: 'ML' as const } };
      const input = serviceInput(orgA, {
        name: 'Santé des migrants à Ségou',
        serviceTypes: ['medical', 'psychosocial'],
        targetGroups: ['returnee'],
        languages: ['fr', 'bm'],
        costs: [{ kind: 'cost_shared', amount: 2500 }],
        phones: [{ number: '+223 00 00 00 01', type: 'voice', languages: ['bm'] }],
        schedules: [{ days: ['MO', 'TU'], opensAt: '08:00', closesAt: '16:00' }],
        coverage: ['ML04', 'ML0401'],
        locations: [location],
        capacity: { unit: 'bed', available: 4, maximum: 10 },
      });
      expect((await postCommand(t, focalA, 'service.create', uuidv4(), input)).statusCode).toBe(200);
      const first = (await get(caseManager, `/api/directory/services/${input.serviceId}`)).json();
      expect(first).toMatchObject({
        name: 'Santé des migrants à Ségou',
        serviceTypes: ['medical', 'psychosocial'],
        targetGroups: ['returnee'],
        costs: [{ kind: 'cost_shared', amount: 2500, currency: 'XOF' }],
        phones: [{ number: '+223 00 00 00 01', languages: ['bm'] }],
        coverage: ['ML04', 'ML0401'],
        cities: ['Ségou'],
        locations: [{ id: location.id, admin1Pcode: 'ML04', address: { city: 'Ségou', stateProvince: 'Ségou', country: 'ML' } }],
        capacity: { unit: 'bed', available: 4, maximum: 10 },
        lastVerifiedAt: null,
        stale: true,
        canEdit: false,
      });
      const { organisationId: _o, ...rest } = input;
      expect((await postCommand(t, focalA, 'service.update', uuidv4(), { ...rest, languages: ['bm'], status: 'temporarily closed' })).statusCode).toBe(200);
      const second = (await get(focalA, `/api/directory/services/${input.serviceId}`)).json();
      expect(second).toMatchObject({ languages: ['bm'], status: 'temporarily closed', canEdit: true, capacity: { updatedAt: first.capacity.updatedAt } });
      const events = await queryRows<{ type: string; data: { from?: string; to?: string; command?: string } }>(
        t.database.db,
        sql`select type, data from audit_events where ${input.serviceId} = any(target_ids) order by seq`,
      );
      expect(events.map((e) => e.type)).toEqual(['command.applied', 'directory.service_status_changed', 'command.applied']);
      expect(events[1]!.data).toEqual({ from: 'active', to: 'temporarily closed' });
      expect(JSON.stringify(events)).not.toContain('Ségou');
    });

    it('records a verification and flags entries not verified for six months as stale', async () => {
      const input = serviceInput(orgA, { name: 'Vérifié récemment' });
      await postCommand(t, focalA, 'service.create', uuidv4(), input);
      const old = new Date(Date.now() - 200 * 86_400_000).toISOString();
      await postCommand(t, focalA, 'service.verify', uuidv4(), { serviceId: input.serviceId, verifiedAt: old });
      expect((await get(caseManager, `/api/directory/services/${input.serviceId}`)).json()).toMatchObject({ lastVerifiedAt: old, stale: true });
      await postCommand(t, focalA, 'service.verify', uuidv4(), { serviceId: input.serviceId });
      expect((await get(caseManager, `/api/directory/services/${input.serviceId}`)).json()).toMatchObject({ stale: false });
      const future = new Date(Date.now() + 86_400_000).toISOString();
      expect((await postCommand(t, focalA, 'service.verify', uuidv4(), { serviceId: input.serviceId, verifiedAt: future })).statusCode).toBe(400);
    });

    it("shows a safe house's street address to those who keep the entry only", async () => {
      const input = serviceInput(orgA, {
        name: 'Maison protégée',
        locations: [{ id: uuidv4(), locationType: 'physical', confidential: true, admin1Pcode: 'ML01', latitude: 14.45, longitude: -11.44, address: { address1: 'Rue secrète 7', city: 'Kayes', country: 'ML' } }],
      });
      await postCommand(t, focalA, 'service.create', uuidv4(), input);
      const seenByCaseManager = await get(caseManager, `/api/directory/services/${input.serviceId}`);
      expect(seenByCaseManager.json().locations[0]).toMatchObject({ confidential: true, latitude: null, address: { address1: null, city: 'Kayes' } });
      expect(seenByCaseManager.body).not.toContain('Rue secrète');
      for (const keeper of [focalA, coordinator]) {
        expect((await get(keeper, `/api/directory/services/${input.serviceId}`)).json().locations[0]).toMatchObject({ latitude: 14.45, address: { address1: 'Rue secrète 7' } });
      }
    });

    it('answers 404 for a service that does not exist, and 401 without a session', async () => {
      expect((await get(caseManager, `/api/directory/services/${uuidv4()}`)).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/api/directory/services' })).statusCode).toBe(401);
      const [row] = await t.database.db.select().from(directoryTaxonomyTerms).where(and(eq(directoryTaxonomyTerms.code, 'shelter')));
      expect(row?.labels).toMatchObject({ name: { bm: 'Sigiyɔrɔ' } });
    });
  });
});
