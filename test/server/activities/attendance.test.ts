import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newParticipantCode } from '../../../src/domain/activities/participant-code.ts';
import { openParticipantName } from '../../../src/server/activities/participant-name.ts';
import { activityParticipants, auditEvents } from '../../../src/server/db/schema/index.ts';
import { BACKEND } from '../../support/database.ts';
import { v4 as uuidv4 } from 'uuid';
import { type TestApp, createTestApp, postCommand } from '../../support/app.ts';
import { type ActivityWorld, advance, buildWorld, command, createActivity, get, ok, plan } from './helpers.ts';

/** A fixed random source, so a test can name a code the server did not draw. */
const codeFrom = (seed: number) => newParticipantCode((n) => Uint8Array.from({ length: n }, (_, i) => (seed * 7 + i * 13) % 256));

describe(`activity attendance on ${BACKEND}`, () => {
  let t: TestApp;
  let w: ActivityWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function confirmed(mode: 'named' | 'anonymous' = 'named', organisers: string[] = []) {
    const { activityId } = await createActivity(t, w.officerA, { activity: plan([w.orgA, ...organisers]), attendanceMode: mode });
    await advance(t, w.officerA, activityId, 1, ['confirm']);
    return activityId;
  }

  const register = async (activityId: string, fields: Record<string, unknown>) =>
    (await ok<{ participantCode: string }>(t, w.officerA, 'activity.add_participant', { activityId, sex: 'female', ageBand: '25-59', category: 'women', consentToBeNamed: false, ...fields })).participantCode;

  it('counts a person present on both days once, day by day and overall, disaggregated', async () => {
    const activityId = await confirmed();
    const awa = await register(activityId, { consentToBeNamed: true, name: 'Awa Diarra', days: [1, 2] });
    const moussa = await register(activityId, { sex: 'male', ageBand: '60+', category: 'religious_leaders', days: [1] });
    const fatou = await register(activityId, { ageBand: '18-24', category: 'youth', days: [2] });
    expect(new Set([awa, moussa, fatou]).size).toBe(3);
    for (const code of [awa, moussa, fatou]) expect(code).toMatch(/^P-[0-9A-Z]{4}-[0-9A-Z]{2}$/);

    const detail = (await get(t, w.officerA, `/api/activities/${activityId}`)).json();
    expect(detail.attendance.overall).toMatchObject({ total: 3, bySex: { female: 2, male: 1 }, byCategory: { women: 1, religious_leaders: 1, youth: 1 } });
    expect(detail.attendance.days.map((d: { day: number; total: number }) => [d.day, d.total])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(detail.attendance).toMatchObject({ overallMethod: 'distinct_participants', participantDays: 4 });
    const list = (await get(t, w.officerA, '/api/activities?view=all&perPage=100')).json();
    expect(list.items.find((i: { id: string }) => i.id === activityId)).toMatchObject({ participants: 3, venue: 'Salle de la mairie, Kayes' });
  });

  it('registers a participant once when the same command is sent again after a lost answer', async () => {
    const activityId = await confirmed();
    const id = uuidv4();
    const input = { activityId, sex: 'male', ageBand: '15-17', category: 'youth', consentToBeNamed: false, days: [1] };
    const first = await postCommand(t, w.officerA, 'activity.add_participant', id, input);
    const again = await postCommand(t, w.officerA, 'activity.add_participant', id, input);
    expect(again.json().result).toEqual(first.json().result);
    const rows = await t.database.db.select().from(activityParticipants).where(eq(activityParticipants.activityId, activityId));
    expect(rows.map((r) => r.participantCode)).toEqual([first.json().result.participantCode]);
  });

  it('replaces a day with the roll call: exactly the codes given are present that day', async () => {
    const activityId = await confirmed();
    const a = await register(activityId, { days: [1, 2] });
    const b = await register(activityId, { days: [1] });
    const c = await register(activityId, { days: [] });
    // Typed from paper: lower case, spaces, and the check symbol still matching.
    const typed = c.toLowerCase().replace(/-/g, ' ');
    const marked = await ok<{ present: number }>(t, w.officerA, 'activity.mark_attendance', { activityId, day: 1, presentCodes: [b, typed] });
    expect(marked.present).toBe(2);
    const rows = await t.database.db.select().from(activityParticipants).where(eq(activityParticipants.activityId, activityId));
    const daysOf = (code: string) => rows.find((r) => r.participantCode === code)!.days;
    expect(daysOf(a)).toEqual([2]);
    expect(daysOf(b)).toEqual([1]);
    expect(daysOf(c)).toEqual([1]);

    const unknown = await command(t, w.officerA, 'activity.mark_attendance', { activityId, day: 2, presentCodes: [a, codeFrom(99)] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([expect.objectContaining({ path: 'input.presentCodes.1', code: 'participant_code_unknown' })]);
    const outside = await command(t, w.officerA, 'activity.mark_attendance', { activityId, day: 3, presentCodes: [a] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].code).toBe('activity_day_outside_dates');
  });

  it('imports a filled sheet all or nothing: one bad row changes nothing; a good sheet adds and updates', async () => {
    const activityId = await confirmed();
    const known = await register(activityId, { days: [1] });
    const fresh = codeFrom(1);
    const row = (participantCode: string, days: number[]) => ({ participantCode, sex: 'male', ageBand: '25-59', category: 'local_authorities', consentToBeNamed: false, days });
    const bad = await command(t, w.officerA, 'activity.import_attendance', { activityId, participants: [row(known, [1, 2]), row(fresh, [1, 5])] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: 'input.participants.1.days.1', code: 'activity_day_outside_dates' })]);
    const untouched = await t.database.db.select().from(activityParticipants).where(eq(activityParticipants.activityId, activityId));
    expect(untouched.map((r) => [r.participantCode, r.category, r.days])).toEqual([[known, 'women', [1]]]);

    const twice = await command(t, w.officerA, 'activity.import_attendance', { activityId, participants: [row(fresh, [1]), row(fresh, [2])] });
    expect(twice.json().error.details[0].code).toBe('attendance_duplicate_participant');

    const good = await ok(t, w.officerA, 'activity.import_attendance', { activityId, participants: [row(known, [1, 2]), row(fresh, [2])] });
    expect(good).toEqual({ added: 1, updated: 1 });
    const after = await t.database.db.select().from(activityParticipants).where(eq(activityParticipants.activityId, activityId));
    expect(after.map((r) => [r.participantCode, r.category, r.days]).sort()).toEqual([[fresh, 'local_authorities', [2]], [known, 'local_authorities', [1, 2]]].sort());
  });

  it('seals a name given with consent, keeps none without, and deletes it when consent is withdrawn', async () => {
    const activityId = await confirmed();
    const named = await register(activityId, { consentToBeNamed: true, name: 'Kadiatou Keïta', days: [1] });
    const anonymous = await register(activityId, { days: [1] });
    const refused = await command(t, w.officerA, 'activity.add_participant', { activityId, sex: 'male', ageBand: '25-59', category: 'other', consentToBeNamed: false, name: 'Sans accord' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].code).toBe('attendance_name_without_consent');

    const rows = await t.database.db.select().from(activityParticipants).where(eq(activityParticipants.activityId, activityId));
    const namedRow = rows.find((r) => r.participantCode === named)!;
    expect(JSON.stringify(rows)).not.toContain('Kadiatou');
    expect(openParticipantName(t.secrets, namedRow.id, namedRow.nameSealed)).toBe('Kadiatou Keïta');
    expect(rows.find((r) => r.participantCode === anonymous)!.nameSealed).toBeNull();

    // The running organisation's officer reads the name, and that read is audited; the co-organiser never does.
    const listed = await get(t, w.officerA, `/api/activities/${activityId}/participants`);
    expect(listed.json().items.find((p: { participantCode: string }) => p.participantCode === named)).toMatchObject({ name: 'Kadiatou Keïta', consentToBeNamed: true, days: [1] });
    expect(listed.json().items.find((p: { participantCode: string }) => p.participantCode === anonymous).name).toBeNull();
    const audits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'activity.participants_viewed')));
    expect(audits.filter((a) => a.targetIds.includes(activityId)).map((a) => a.data)).toEqual([{ named: 1 }]);

    await ok(t, w.officerA, 'activity.save_participant', { activityId, participant: { participantCode: named, sex: 'female', ageBand: '25-59', category: 'women', consentToBeNamed: false, days: [1] } });
    const [withdrawn] = await t.database.db.select().from(activityParticipants).where(eq(activityParticipants.id, namedRow.id));
    expect(withdrawn).toMatchObject({ consentToBeNamed: false, nameSealed: null });
    const removed = await ok(t, w.officerA, 'activity.remove_participant', { activityId, participantCode: anonymous.toLowerCase() });
    expect(removed).toEqual({ participantCode: anonymous });
  });

  it('keeps anonymous head counts, adds up lines of one cell, and counts the busiest day overall', async () => {
    const activityId = await confirmed('anonymous');
    const cell = (day: number, count: number, sex = 'male', category = 'security_forces') => ({ day, sex, ageBand: '25-59', category, count });
    const set = await ok(t, w.officerA, 'activity.set_head_counts', { activityId, counts: [cell(1, 10), cell(1, 5), cell(1, 4, 'female'), cell(2, 12), cell(2, 0, 'female')] });
    expect(set).toEqual({ total: 31 });
    const counts = (await get(t, w.officerA, `/api/activities/${activityId}/head-counts`)).json().counts;
    expect(counts).toEqual([cell(1, 4, 'female'), cell(1, 15), cell(2, 12)]);
    const detail = (await get(t, w.officerA, `/api/activities/${activityId}`)).json();
    expect(detail.attendance).toMatchObject({ overallMethod: 'busiest_day', participantDays: 31, overall: { total: 19, bySex: { male: 15, female: 4 } } });

    // Replacing: what is not sent any more is gone.
    await ok(t, w.officerA, 'activity.set_head_counts', { activityId, counts: [cell(2, 7)] });
    expect((await get(t, w.officerA, `/api/activities/${activityId}/head-counts`)).json().counts).toEqual([cell(2, 7)]);

    // The named mode's commands do not apply, and the mode cannot change under recorded counts.
    const wrong = await command(t, w.officerA, 'activity.add_participant', { activityId, sex: 'male', ageBand: '25-59', category: 'other', consentToBeNamed: false });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.details[0].code).toBe('attendance_mode_mismatch');
    const version = (await get(t, w.officerA, `/api/activities/${activityId}`)).json().version;
    const switched = await command(t, w.officerA, 'activity.update', { activityId, expectedVersion: version, activity: plan([w.orgA]), attendanceMode: 'named', knowledgeTestFormKey: null, satisfactionFormKey: null });
    expect(switched.statusCode).toBe(409);
    expect(switched.json().error.details[0].code).toBe('attendance_mode_mismatch');
    const shorter = await command(t, w.officerA, 'activity.update', { activityId, expectedVersion: version, activity: plan([w.orgA], { endDate: '2026-12-01' }), attendanceMode: 'anonymous', knowledgeTestFormKey: null, satisfactionFormKey: null });
    expect(shorter.statusCode).toBe(400);
    expect(shorter.json().error.details[0]).toMatchObject({ path: 'input.activity.endDate', code: 'activity_day_outside_dates' });
  });

  it('refuses attendance before the activity is confirmed, and head counts in named mode', async () => {
    const { activityId } = await createActivity(t, w.officerA, { activity: plan([w.orgA]) });
    const early = await command(t, w.officerA, 'activity.add_participant', { activityId, sex: 'male', ageBand: '25-59', category: 'other', consentToBeNamed: false });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details[0].code).toBe('activity_not_running');
    await advance(t, w.officerA, activityId, 1, ['confirm']);
    const counts = await command(t, w.officerA, 'activity.set_head_counts', { activityId, counts: [] });
    expect(counts.statusCode).toBe(409);
    expect(counts.json().error.details[0].code).toBe('attendance_mode_mismatch');
  });

  it('lets a co-organiser read but not change anything, and hides the activity from anyone else', async () => {
    const activityId = await confirmed('named', [w.orgB]);
    const code = await register(activityId, { consentToBeNamed: true, name: 'Nom Confidentiel', days: [1] });
    const partnerList = await get(t, w.officerB, `/api/activities/${activityId}/participants`);
    expect(partnerList.statusCode).toBe(200);
    expect(partnerList.json().items).toEqual([expect.objectContaining({ participantCode: code, name: null })]);
    expect(partnerList.body).not.toContain('Nom Confidentiel');

    const byPartner = await command(t, w.officerB, 'activity.mark_attendance', { activityId, day: 1, presentCodes: [] });
    expect(byPartner.statusCode).toBe(403);
    const byStranger = await command(t, w.officerC, 'activity.mark_attendance', { activityId, day: 1, presentCodes: [] });
    expect(byStranger.statusCode).toBe(404);
    const byCaseManager = await command(t, w.caseManagerA, 'activity.mark_attendance', { activityId, day: 1, presentCodes: [] });
    expect(byCaseManager.statusCode).toBe(404);
    for (const path of ['', '/participants', '/head-counts', '/evaluations', '/results']) {
      expect((await get(t, w.officerC, `/api/activities/${activityId}${path}`)).statusCode).toBe(404);
    }
    const denied = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'access.denied'));
    expect(denied.filter((d) => d.targetIds.includes(activityId)).length).toBeGreaterThanOrEqual(6);
    // The coordinator manages any activity.
    await ok(t, w.coordinator, 'activity.mark_attendance', { activityId, day: 1, presentCodes: [code] });
  });
});
