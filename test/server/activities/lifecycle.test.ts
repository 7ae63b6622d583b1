import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, auditEvents } from '../../../src/server/db/schema/index.ts';
import { BACKEND } from '../../support/database.ts';
import { type TestApp, createTestApp } from '../../support/app.ts';
import { type ActivityWorld, advance, buildWorld, command, createActivity, get, ok, plan, userIn } from './helpers.ts';

/** Planning an activity and taking it through its life, through the HTTP API. */
describe(`activity lifecycle on ${BACKEND}`, () => {
  let t: TestApp;
  let w: ActivityWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('plans an activity run by the officer’s organisation, with the co-organiser, and shows it to both', async () => {
    const { activityId, version } = await createActivity(t, w.officerA, { activity: plan([w.orgB]) });
    expect(version).toBe(1);
    const [row] = await t.database.db.select().from(activities).where(eq(activities.id, activityId));
    expect(row).toMatchObject({ organisationId: w.orgA, state: 'planned', type: 'workshop', startDate: '2026-12-01', endDate: '2026-12-02' });
    expect(row!.organiserIds).toEqual([w.orgA, w.orgB]);

    const mine = await get(t, w.officerA, `/api/activities/${activityId}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ id: activityId, state: 'planned', version: 1, canManage: true, allowedEvents: ['confirm', 'cancel'], attendanceMode: 'named' });
    expect(mine.json().activity).toMatchObject({ title: 'Atelier sur le référencement (test)', venue: 'Salle de la mairie, Kayes', organiserOrganisationIds: [w.orgA, w.orgB] });

    const partner = await get(t, w.officerB, `/api/activities/${activityId}`);
    expect(partner.statusCode).toBe(200);
    expect(partner.json()).toMatchObject({ canManage: false, allowedEvents: [] });

    const list = await get(t, w.officerB, '/api/activities?view=all');
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(activityId);
    const stranger = await get(t, w.officerC, '/api/activities?view=all');
    expect(stranger.json().items.map((i: { id: string }) => i.id)).not.toContain(activityId);
  });

  it('refuses organisers unknown to Sira', async () => {
    const res = await command(t, w.officerA, 'activity.create', { activity: plan(['00000000-0000-4000-8000-000000000000']) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'input.activity.organiserOrganisationIds.0', code: 'unknown_organisation' })]);
  });

  it('takes each legal step, stamps the times, and refuses every illegal one with 409', async () => {
    const { activityId } = await createActivity(t, w.officerA, { activity: plan([w.orgA]) });
    const expectIllegal = async (event: string, version: number) => {
      const res = await command(t, w.officerA, `activity.${event}`, { activityId, expectedVersion: version, reason: 'Pluies (test)' });
      expect(res.statusCode, `${event}: ${res.body}`).toBe(409);
      expect(res.json().error.code).toBe('ACTIVITY_TRANSITION_ILLEGAL');
    };
    await expectIllegal('hold', 1);
    await expectIllegal('report', 1);
    let v = await advance(t, w.officerA, activityId, 1, ['confirm']);
    expect(v).toBe(2);
    await expectIllegal('confirm', v);
    await expectIllegal('report', v);
    v = await advance(t, w.officerA, activityId, v, ['hold']);
    await expectIllegal('cancel', v);
    await expectIllegal('hold', v);
    v = await advance(t, w.officerA, activityId, v, ['report']);
    for (const event of ['confirm', 'hold', 'report', 'cancel']) await expectIllegal(event, v);
    const [row] = await t.database.db.select().from(activities).where(eq(activities.id, activityId));
    expect(row).toMatchObject({ state: 'reported', version: 4 });
    expect(row!.heldAt).toBeInstanceOf(Date);
    expect(row!.reportedAt).toBeInstanceOf(Date);

    // Closed: no edit of any kind.
    const edit = await command(t, w.officerA, 'activity.update', { activityId, expectedVersion: v, activity: plan([w.orgA]), attendanceMode: 'named', knowledgeTestFormKey: null, satisfactionFormKey: null });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('ACTIVITY_TRANSITION_ILLEGAL');
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'command.applied'));
    expect(audit.filter((a) => a.targetIds.includes(activityId)).map((a) => (a.data as { command: string }).command)).toEqual(['activity.create', 'activity.confirm', 'activity.hold', 'activity.report']);
  });

  it('cancels only with a reason, keeps the reason, and then refuses every step', async () => {
    const { activityId } = await createActivity(t, w.officerA, { activity: plan([w.orgA]) });
    const v = await advance(t, w.officerA, activityId, 1, ['confirm']);
    const bare = await command(t, w.officerA, 'activity.cancel', { activityId, expectedVersion: v });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details).toEqual([expect.objectContaining({ path: 'input.reason', code: 'activity_reason_required' })]);
    const done = await ok<{ state: string; version: number }>(t, w.officerA, 'activity.cancel', { activityId, expectedVersion: v, reason: 'Route coupée par les pluies (test)' });
    expect(done).toMatchObject({ state: 'cancelled', version: v + 1 });
    const detail = (await get(t, w.officerA, `/api/activities/${activityId}`)).json();
    expect(detail).toMatchObject({ state: 'cancelled', cancelReason: 'Route coupée par les pluies (test)', allowedEvents: [] });
    const again = await command(t, w.officerA, 'activity.confirm', { activityId, expectedVersion: v + 1 });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a stale version with CONFLICT, and edits from the current one', async () => {
    const { activityId } = await createActivity(t, w.officerA, { activity: plan([w.orgA]) });
    const input = (expectedVersion: number, title: string) => ({
      activityId,
      expectedVersion,
      activity: plan([w.orgA, w.orgB], { title }),
      attendanceMode: 'named',
      knowledgeTestFormKey: null,
      satisfactionFormKey: null,
    });
    const first = await ok<{ version: number }>(t, w.officerA, 'activity.update', input(1, 'Nouveau titre'));
    expect(first.version).toBe(2);
    const stale = await command(t, w.officerA, 'activity.update', input(1, 'Titre perdu'));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const staleStep = await command(t, w.officerA, 'activity.confirm', { activityId, expectedVersion: 1 });
    expect(staleStep.json().error.code).toBe('CONFLICT');
    const detail = (await get(t, w.officerA, `/api/activities/${activityId}`)).json();
    expect(detail).toMatchObject({ version: 2, activity: { title: 'Nouveau titre', organiserOrganisationIds: [w.orgA, w.orgB] } });
    // Once B co-organises, B's officer reads it.
    expect((await get(t, w.officerB, `/api/activities/${activityId}`)).statusCode).toBe(200);
  });

  it('writes the report texts once held only', async () => {
    const { activityId } = await createActivity(t, w.officerA, { activity: plan([w.orgA]) });
    const texts = (expectedVersion: number) => ({ activityId, expectedVersion, summary: 'Bonne participation.', recommendations: 'Refaire à Kita.' });
    const early = await command(t, w.officerA, 'activity.update_report_texts', texts(1));
    expect(early.statusCode).toBe(409);
    const v = await advance(t, w.officerA, activityId, 1, ['confirm', 'hold']);
    const saved = await ok<{ version: number }>(t, w.officerA, 'activity.update_report_texts', texts(v));
    expect(saved.version).toBe(v + 1);
    // Group outputs are typed into the programme after the activity, while it is held.
    const groupWork = [{ topic: 'Étude de cas', exerciseType: 'case_study', output: 'Trois circuits de référencement identifiés.' }];
    const edited = await ok<{ version: number }>(t, w.officerA, 'activity.update', {
      activityId,
      expectedVersion: saved.version,
      activity: plan([w.orgA], { programme: { sessions: [], groupWork } }),
      attendanceMode: 'named',
      knowledgeTestFormKey: null,
      satisfactionFormKey: null,
    });
    expect(edited.version).toBe(saved.version + 1);
    expect((await get(t, w.officerA, `/api/activities/${activityId}`)).json().activity.programme.groupWork[0]).toMatchObject({ output: 'Trois circuits de référencement identifiés.' });
    expect((await get(t, w.officerA, `/api/activities/${activityId}`)).json()).toMatchObject({ summary: 'Bonne participation.', recommendations: 'Refaire à Kita.' });
  });

  it('lists upcoming activities soonest first and past ones latest first, page by page', async () => {
    const officer = await userIn(t, w.orgC, ['community_engagement_officer']);
    const dated = async (title: string, startDate: string, endDate: string) => (await createActivity(t, officer, { activity: plan([w.orgC], { title, startDate, endDate, programme: { sessions: [], groupWork: [] } }) })).activityId;
    const today = new Date().toISOString().slice(0, 10);
    const old = await dated('Ancien forum', '2025-03-10', '2025-03-11');
    const older = await dated('Très ancien forum', '2024-05-02', '2024-05-02');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const ongoing = await dated('En cours', yesterday, today);
    const later = await dated('Plus tard', '2099-02-01', '2099-02-01');
    const soon = await dated('Bientôt', '2099-01-05', '2099-01-06');
    const ids = async (url: string) => (await get(t, officer, url)).json().items.map((i: { id: string }) => i.id);
    expect(await ids('/api/activities?view=upcoming')).toEqual([ongoing, soon, later]);
    expect(await ids('/api/activities?view=past')).toEqual([old, older]);
    const page = (await get(t, officer, '/api/activities?view=all&perPage=2&page=2')).json();
    expect(page).toMatchObject({ total: 5, page: 2, perPage: 2 });
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([ongoing, old]);
    // Someone who manages no activity has no list at all.
    expect((await get(t, w.caseManagerA, '/api/activities')).statusCode).toBe(404);
  });
});
