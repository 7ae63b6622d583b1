import { and, eq } from 'drizzle-orm';
import { SaxesParser } from 'saxes';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PATHWAYS } from '../../../src/domain/referrals/default-pathways.ts';
import { auditEvents } from '../../../src/server/db/schema/index.ts';
import { BACKEND } from '../../support/database.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand, systemCommand } from '../../support/app.ts';

interface PathwayItem {
  targetGroup: string;
  steps: { serviceType: string; timing: string; responsible: { admin1Pcode: string; organisationIds: string[] }[] }[];
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
}
interface PathwayList {
  items: PathwayItem[];
  organisations: { id: string; name: string; acronym: string | null }[];
}

/** Strict XML: throws on anything a browser's SVG parser would refuse. Returns the text content. */
function parseSvg(svg: string): { root: Record<string, string>; texts: string[] } {
  let root: Record<string, string> | undefined;
  const texts: string[] = [];
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    root ??= tag.attributes as Record<string, string>;
  });
  parser.on('text', (text) => texts.push(text));
  parser.write(svg).close();
  return { root: root!, texts };
}

describe(`referral pathways on ${BACKEND}`, () => {
  let t: TestApp;
  let coordinator: Session;
  let frontline: Session;
  let frontlineUserId: string;
  let organisationId: string;

  const list = async (session = coordinator) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/referral-pathways', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(200);
    return res.json() as PathwayList;
  };
  const one = async (targetGroup: string) => (await list()).items.find((p) => p.targetGroup === targetGroup)!;
  const save = (input: unknown, session = coordinator, id = uuidv4()) => postCommand(t, session, 'pathway.save', id, input);
  const steps = (serviceTypes: string[]) => serviceTypes.map((serviceType) => ({ serviceType, timing: 'immediate', responsible: [] }));

  beforeAll(async () => {
    t = await createTestApp();
    await systemCommand(t, 'taxonomy.seed', {});
    const c = await createOrganisationAndUser(t, ['nrm_coordinator']);
    organisationId = c.organisationId;
    coordinator = await login(t, c.email);
    const f = await createOrganisationAndUser(t, ['frontline_identifier']);
    frontlineUserId = f.userId;
    frontline = await login(t, f.email);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the shipped defaults at version 0 to any member', async () => {
    const { items } = await list(frontline);
    expect(items.map((p) => p.targetGroup)).toEqual(DEFAULT_PATHWAYS.map((p) => p.targetGroup));
    expect(items.every((p) => p.isDefault && p.version === 0 && p.updatedAt === null)).toBe(true);
    expect(items[0]!.steps.map((s) => s.serviceType)).toEqual(DEFAULT_PATHWAYS[0]!.steps.map((s) => s.serviceType));
  });

  it('saves a pathway with responsible organisations, names them, and audits the save', async () => {
    const commandId = uuidv4();
    const input = {
      targetGroup: 'returnee',
      steps: [
        { serviceType: 'food', timing: 'immediate', responsible: [{ admin1Pcode: 'ML01', organisationIds: [organisationId] }] },
        { serviceType: 'transport', timing: 'within_72h', responsible: [] },
      ],
      expectedVersion: 0,
    };
    const res = await save(input, coordinator, commandId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ result: { targetGroup: 'returnee', version: 1 } });

    const { items, organisations } = await list();
    const saved = items.find((p) => p.targetGroup === 'returnee')!;
    expect(saved).toMatchObject({ version: 1, isDefault: false, steps: input.steps });
    expect(saved.updatedAt).not.toBeNull();
    expect(organisations.map((o) => o.id)).toEqual([organisationId]);
    expect(organisations[0]!.name).toMatch(/^Organisation /);

    const [audit] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.commandId, commandId));
    expect(audit).toMatchObject({ type: 'command.applied', targetType: 'referral_pathway', targetIds: ['returnee'], data: { command: 'pathway.save' } });
  });

  it('refuses a save from a stale version with 409 CONFLICT and keeps the newer one', async () => {
    const first = await save({ targetGroup: 'stranded_migrant', steps: steps(['food']), expectedVersion: 0 });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await save({ targetGroup: 'stranded_migrant', steps: steps(['shelter']), expectedVersion: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await one('stranded_migrant')).steps.map((s) => s.serviceType)).toEqual(['food']);
    const next = await save({ targetGroup: 'stranded_migrant', steps: steps(['shelter']), expectedVersion: 1 });
    expect(next.json()).toMatchObject({ result: { version: 2 } });
  });

  it('refuses a service type the live taxonomy does not have, naming the step and the rule', async () => {
    const res = await save({ targetGroup: 'gbv_survivor', steps: steps(['medical', 'teleportation']), expectedVersion: 0 });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as { error: { code: string; details: { path: string; code: string; message: string }[] } };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'input.steps.1.serviceType', code: 'unknown_service_type', message: expect.stringContaining('service') }]);
    expect((await one('gbv_survivor')).isDefault).toBe(true);
  });

  it('accepts a service type a coordinator added to the taxonomy', async () => {
    const label = { fr: 'Soutien scolaire', en: 'School support', bm: 'Kalan dɛmɛ' };
    await systemCommand(t, 'taxonomy.term_save', { taxonomy: 'nrm_service_types', code: 'school_support', parent: 'education', name: label, description: label });
    const res = await save({ targetGroup: 'gbv_survivor', steps: steps(['medical', 'school_support']), expectedVersion: 0 });
    expect(res.statusCode, res.body).toBe(200);
    await postCommand(t, coordinator, 'pathway.reset', uuidv4(), { targetGroup: 'gbv_survivor' });
  });

  it('refuses an organisation that does not exist, at its place in the step', async () => {
    const res = await save({
      targetGroup: 'victim_of_trafficking',
      steps: [{ serviceType: 'shelter', timing: 'immediate', responsible: [{ admin1Pcode: 'ML03', organisationIds: [organisationId, uuidv4()] }] }],
      expectedVersion: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'input.steps.0.responsible.0.organisationIds.1', code: 'unknown_organisation', message: expect.any(String) }]);
  });

  it('resets a pathway to its default', async () => {
    await save({ targetGroup: 'unaccompanied_separated_child', steps: steps(['child_protection']), expectedVersion: 0 });
    expect((await one('unaccompanied_separated_child')).version).toBe(1);
    const res = await postCommand(t, coordinator, 'pathway.reset', uuidv4(), { targetGroup: 'unaccompanied_separated_child' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ result: { targetGroup: 'unaccompanied_separated_child', version: 0 } });
    const after = await one('unaccompanied_separated_child');
    expect(after).toMatchObject({ version: 0, isDefault: true });
    expect(after.steps.length).toBe(DEFAULT_PATHWAYS.find((p) => p.targetGroup === 'unaccompanied_separated_child')!.steps.length);
  });

  it('refuses a frontline identifier, audits the refusal, and changes nothing', async () => {
    const commandId = uuidv4();
    const res = await save({ targetGroup: 'victim_of_trafficking', steps: steps(['shelter']), expectedVersion: 0 }, frontline, commandId);
    expect(res.statusCode).toBe(403);
    const reset = await postCommand(t, frontline, 'pathway.reset', uuidv4(), { targetGroup: 'returnee' });
    expect(reset.statusCode).toBe(403);
    const denials = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'access.denied'), eq(auditEvents.actorUserId, frontlineUserId)));
    expect(denials.map((d) => (d.data as { action: string }).action).sort()).toEqual(['pathway.reset', 'pathway.save']);
    expect(denials.find((d) => d.commandId === commandId)).toBeDefined();
    expect((await one('victim_of_trafficking')).isDefault).toBe(true);
    expect((await one('returnee')).version).toBe(1);
  });

  it('draws the chart as well-formed SVG in Bambara, with an ETag and a private revalidated cache', async () => {
    const url = '/api/referral-pathways/unaccompanied_separated_child/diagram.svg?lang=bm';
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: frontline.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const { root, texts } = parseSvg(res.body);
    expect(root.role).toBe('img');
    const words = texts.join(' ');
    // The target group's Bambara name, and the Bambara letters (ɛ, ɔ, ɲ) of the labels.
    expect(words).toContain('Denmisɛn min tɛ ni mɔgɔ ye');
    expect(words).toMatch(/[ɛɔɲŋ]/);
    expect(words).not.toContain('Enfant non accompagné');

    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await t.app.inject({ method: 'GET', url, headers: { cookie: frontline.cookie, 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const french = await t.app.inject({ method: 'GET', url: url.replace('lang=bm', 'lang=fr'), headers: { cookie: frontline.cookie, 'if-none-match': etag } });
    expect(french.statusCode).toBe(200);
    expect(french.body).toContain('Enfant non accompagné');
  });

  it('names the organisations answering in a region when asked, and draws a stored pathway', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/referral-pathways/returnee/diagram.svg?lang=fr&region=ML01', headers: { cookie: frontline.cookie } });
    expect(res.statusCode).toBe(200);
    const { texts } = parseSvg(res.body);
    expect(texts.some((w) => w.startsWith('• Organisation '))).toBe(true);
    expect(texts).toContain('Kayes');
  });

  it('answers 404 for a target group with no pathway, and 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/referral-pathways/woman/diagram.svg', headers: { cookie: frontline.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/referral-pathways/returnee/diagram.svg' })).statusCode).toBe(401);
  });
});
