import { sql } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/server/db/rows.ts';
import { notify } from '../../../src/server/notifications/notify.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand } from '../../support/app.ts';
import { BACKEND } from '../../support/database.ts';

describe(`in-app notifications on ${BACKEND}`, () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  async function twoColleagues() {
    const a = await createOrganisationAndUser(t, ['service_focal_point']);
    const b = await createOrganisationAndUser(t, ['service_focal_point']);
    // b joins a's organisation: both hear about referrals to it.
    await t.database.db.execute(sql`update users set organisation_id = ${a.organisationId} where id = ${b.userId}`);
    return { a, b, organisationId: a.organisationId };
  }

  const received = (organisationId: string, at = new Date()) =>
    t.database.db.transaction((tx) => {
      const referralId = uuidv4();
      return notify(tx, { kind: 'referral_received', audience: { organisationId, action: 'referral.respond' }, link: `/referrals/${referralId}`, subjectId: referralId, now: at });
    });

  const list = async (session: Session, query = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/notifications${query}`, headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: { id: string; kind: string; link: string; readAt: string | null }[]; unread: number; total: number };
  };

  it("lists one's own notifications only, newest first, with the unread count alone when asked", async () => {
    t = await createTestApp();
    const { a, b, organisationId } = await twoColleagues();
    const first = await received(organisationId, new Date(Date.now() - 60_000));
    const second = await received(organisationId);
    expect(first).toHaveLength(2);
    const sessionA = await login(t, a.email);
    const page = await list(sessionA);
    expect(page.unread).toBe(2);
    expect(page.total).toBe(2);
    expect(page.items.map((n) => n.kind)).toEqual(['referral_received', 'referral_received']);
    const mine = await queryRows<{ id: string }>(t.database.db, sql`select id from notifications where user_id = ${a.userId} order by created_at desc`);
    expect(page.items.map((n) => n.id)).toEqual(mine.map((r) => r.id));
    expect(page.items.map((n) => n.id)).not.toContain(second.find((id) => !mine.some((m) => m.id === id)));
    expect(Object.keys(page.items[0]!).sort()).toEqual(['createdAt', 'id', 'kind', 'link', 'readAt']);

    const count = await list(sessionA, '?unread=true&perPage=0');
    expect(count).toEqual({ items: [], unread: 2, total: 2 });
    const paged = await list(sessionA, '?perPage=1&page=2');
    expect(paged.items.map((n) => n.id)).toEqual([mine[1]!.id]);
    expect((await list(await login(t, b.email))).items.every((n) => !mine.some((m) => m.id === n.id))).toBe(true);
  });

  it("marks one's own as read, by id or all at once, and ignores someone else's ids", async () => {
    t = await createTestApp();
    const { a, b, organisationId } = await twoColleagues();
    await received(organisationId);
    await received(organisationId);
    const sessionA = await login(t, a.email);
    const sessionB = await login(t, b.email);
    const ofB = (await list(sessionB)).items.map((n) => n.id);

    const stolen = await postCommand(t, sessionA, 'notification.mark_read', uuidv4(), { ids: ofB });
    expect(stolen.statusCode).toBe(200);
    expect(stolen.json().result).toEqual({ marked: 0 });
    expect((await list(sessionB)).unread).toBe(2);

    const ofA = (await list(sessionA)).items.map((n) => n.id);
    const one = await postCommand(t, sessionA, 'notification.mark_read', uuidv4(), { ids: [ofA[0]] });
    expect(one.json().result).toEqual({ marked: 1 });
    const after = await list(sessionA);
    expect(after.unread).toBe(1);
    expect(after.items.find((n) => n.id === ofA[0])!.readAt).not.toBeNull();
    expect((await list(sessionA, '?unread=true')).items.map((n) => n.id)).toEqual([ofA[1]]);

    const all = await postCommand(t, sessionA, 'notification.mark_read', uuidv4(), { all: true });
    expect(all.json().result).toEqual({ marked: 1 });
    expect((await list(sessionA)).unread).toBe(0);
    expect((await list(sessionB)).unread).toBe(2);
  });

  it('keeps how each person wants to hear, validates the work phone, and audits no number', async () => {
    t = await createTestApp({ SIRA_SMTP_URL: 'smtp://127.0.0.1:2525' });
    const person = await createOrganisationAndUser(t, ['case_manager']);
    const session = await login(t, person.email);
    const get = async () => (await t.app.inject({ method: 'GET', url: '/api/notifications/settings', headers: { cookie: session.cookie } })).json();
    expect(await get()).toEqual({ email: true, smsPhone: null, emailAvailable: true, smsAvailable: false });

    const wrong = await postCommand(t, session, 'notification.settings.update', uuidv4(), { email: true, smsPhone: '70 11 22 33' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.smsPhone', code: 'invalid_format' }] } });

    const saved = await postCommand(t, session, 'notification.settings.update', uuidv4(), { email: false, smsPhone: '+223 70-11-22-33' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().result).toEqual({ email: false, sms: true });
    expect(await get()).toEqual({ email: false, smsPhone: '+22370112233', emailAvailable: true, smsAvailable: false });
    const cleared = await postCommand(t, session, 'notification.settings.update', uuidv4(), { email: true, smsPhone: null });
    expect(cleared.statusCode).toBe(200);
    expect((await get()).smsPhone).toBeNull();

    const audit = await queryRows<{ data: string }>(t.database.db, sql`select data::text as data from audit_events`);
    expect(audit.some((e) => e.data.includes('notification.settings.update'))).toBe(true);
    expect(audit.every((e) => !e.data.includes('70112233'))).toBe(true);
  });
});
