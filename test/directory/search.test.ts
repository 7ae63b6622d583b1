import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../src/cli/demo-directory.ts';
import { isOpenAt, localMoment } from '../../src/domain/directory/schedule.ts';
import { normaliseForSearch, searchTokens } from '../../src/domain/directory/text.ts';
import { staleCutoff } from '../../src/server/directory/presenter.ts';
import { searchServiceIds } from '../../src/server/directory/search.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login } from '../support/app.ts';
import { BACKEND } from '../support/database.ts';
import { seedDemoDirectory } from './fixture.ts';

interface Page {
  items: { name: string; serviceTypes: string[]; targetGroups: string[]; costKinds: string[]; languages: string[]; coverage: string[]; status: string; stale: boolean; openNow: boolean }[];
  total: number;
  totalPages: number;
  page: number;
}

describe('search text normal form', () => {
  it('drops accents, case and punctuation, and keeps Bambara letters', () => {
    expect(normaliseForSearch('Ségou')).toBe('segou');
    expect(normaliseForSearch('SANTÉ mentale, à Dioïla')).toBe('sante mentale a dioila');
    expect(normaliseForSearch('Hɛrɛ « Dusukun »')).toBe('hɛrɛ dusukun');
    expect(searchTokens('  Santé  santé ségou ')).toEqual(['sante', 'segou']);
  });

  it('tells the weekday and time in UTC, the time of Mali and Burkina Faso', () => {
    const monday10 = new Date('2026-11-23T10:30:00Z');
    expect(localMoment(monday10)).toEqual({ day: 'MO', time: '10:30' });
    expect(isOpenAt([{ days: ['MO'], opensAt: '08:00', closesAt: '10:30' }], monday10)).toBe(false);
    expect(isOpenAt([{ days: ['MO'], opensAt: '08:00', closesAt: '10:31' }], monday10)).toBe(true);
    expect(staleCutoff(new Date('2026-11-23T00:00:00Z'), 6).toISOString()).toBe('2026-05-23T00:00:00.000Z');
  });
});

describe(`directory search on ${BACKEND}`, () => {
  let t: TestApp;
  let member: Session;
  const search = async (query: string): Promise<Page> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/directory/services?${query}`, headers: { cookie: member.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const names = (p: Page) => p.items.map((i) => i.name);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoDirectory(t);
    member = await login(t, (await createOrganisationAndUser(t, ['frontline_identifier'])).email);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('finds accented words without accents or case ("segou" finds Ségou, "SANTE" finds Santé)', async () => {
    expect(names(await search('q=segou'))).toEqual(expect.arrayContaining(['Santé mentale et soutien psychosocial à Ségou (démo)']));
    const sante = await search('q=SANTE');
    expect(names(sante)).toEqual(expect.arrayContaining(['Santé mentale et soutien psychosocial à Ségou (démo)', 'Soins de santé primaires pour migrants (démo)']));
    // Every word must match: the region of the place counts too (Ségou is ML04).
    expect(names(await search('q=sante%20segou'))).toEqual(['Santé mentale et soutien psychosocial à Ségou (démo)']);
    expect((await search('q=hebergement%20laafi')).items.map((i) => i.name)).toEqual(["Centre d'hébergement Laafi (démo)"]);
    expect((await search('q=zzzq')).total).toBe(0);
    // Wildcards are punctuation to the normal form: "%" or "_" alone is no word at all, not "anything".
    expect((await search('q=%25_')).total).toBe((await search('')).total);
  });

  it('combines filters with AND', async () => {
    const shelterGao = await search('serviceType=shelter&region=ML07');
    expect(names(shelterGao)).toEqual(["Hébergement d'urgence Hɛrɛ (démo)"]);
    const free = await search('serviceType=medical&cost=free');
    expect(free.items.every((i) => i.costKinds.includes('free') && i.serviceTypes.includes('medical'))).toBe(true);
    expect(names(free)).not.toContain('Santé mentale et soutien psychosocial à Ségou (démo)');
    const returneesBm = await search('targetGroup=returnee&language=bm');
    expect(returneesBm.total).toBeGreaterThan(0);
    expect(returneesBm.items.every((i) => i.targetGroups.includes('returnee') && i.languages.includes('bm'))).toBe(true);
    const all = await search('targetGroup=returnee&language=bm&region=BF13');
    expect(all.total).toBe(0);
    // A parent type finds its children: "reintegration" finds the economic dimension.
    expect((await search('serviceType=reintegration')).items.some((i) => i.serviceTypes.includes('reintegration_economic'))).toBe(true);
    // An admin-2 code finds services covering its whole region.
    expect(names(await search('region=ML0401'))).toEqual(expect.arrayContaining(['Santé mentale et soutien psychosocial à Ségou (démo)']));
    expect((await search('serviceType=no_such_type')).total).toBe(0);
  });

  it('filters on opening hours at a given moment', async () => {
    const sunday = await searchServiceIds(t.database.db, { openAt: new Date('2026-11-22T10:00:00Z'), statuses: ['active'] }, 'all');
    const expected = DEMO_SERVICES.filter((s) => (s.hours === 'weekend' || s.hours === 'always') && !s.status).length;
    expect(sunday.total).toBe(expected);
    const mondayNight = await searchServiceIds(t.database.db, { openAt: new Date('2026-11-23T22:00:00Z'), statuses: ['active'] }, 'all');
    expect(mondayNight.total).toBe(DEMO_SERVICES.filter((s) => s.hours === 'always' && !s.status).length);
    const openNow = await search('openNow=true&perPage=100');
    expect(openNow.items.every((i) => i.openNow)).toBe(true);
  });

  it('pages in a stable order and hides inactive services unless asked', async () => {
    const active = DEMO_SERVICES.filter((s) => !s.status).length;
    const first = await search('perPage=10');
    expect(first).toMatchObject({ total: active, totalPages: Math.ceil(active / 10), page: 1 });
    const pages = [first, await search('perPage=10&page=2'), await search('perPage=10&page=3'), await search('perPage=10&page=4')];
    const seen = pages.flatMap(names);
    expect(new Set(seen).size).toBe(active);
    expect(seen).toEqual([...seen].sort((a, b) => (normaliseForSearch(a) < normaliseForSearch(b) ? -1 : 1)));
    expect((await search('includeInactive=true&perPage=100')).total).toBe(DEMO_SERVICES.length);
    expect((await search('includeInactive=true&perPage=100')).items.filter((i) => i.status !== 'active').length).toBe(DEMO_SERVICES.filter((s) => s.status).length);
  });

  it('flags entries verified more than six months ago, or never', async () => {
    const all = (await search('includeInactive=true&perPage=100')).items;
    const byName = new Map(all.map((i) => [i.name, i]));
    for (const s of DEMO_SERVICES) {
      const stale = s.verifiedMonthsAgo === undefined || s.verifiedMonthsAgo > 6;
      if (s.verifiedMonthsAgo === 6) continue; // on the boundary, depends on the hour of the run
      expect(byName.get(`${s.name} (démo)`)?.stale, s.key).toBe(stale);
    }
  });

  it("lists one organisation's entries, and those due for verification", async () => {
    const all = (await search('includeInactive=true&perPage=100')).items as unknown as (Page['items'][number] & { organisation: { id: string } })[];
    const due = await search('stale=true&includeInactive=true&perPage=100');
    // The SQL filter and the flag on each entry agree, and cover every entry verified long ago or never.
    expect(due.total).toBe(all.filter((i) => i.stale).length);
    expect(due.items.every((i) => i.stale)).toBe(true);
    expect(due.total).toBeGreaterThanOrEqual(DEMO_SERVICES.filter((s) => s.verifiedMonthsAgo === undefined || s.verifiedMonthsAgo > 6).length);
    const org = all[0]!.organisation.id;
    const own = (await search(`organisationId=${org}&includeInactive=true&perPage=100`)).items as unknown as { organisation: { id: string } }[];
    expect(own.length).toBe(all.filter((i) => i.organisation.id === org).length);
    expect(own.every((i) => i.organisation.id === org)).toBe(true);
  });

  it('refuses malformed filters', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/directory/services?region=XX99&cost=cheap', headers: { cookie: member.cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
