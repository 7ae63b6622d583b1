import { eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/domain/i18n/translate.ts';
import { jobs, notificationDeliveries, notifications, users } from '../../../src/server/db/schema/index.ts';
import { builtInJobHandlers } from '../../../src/server/jobs/handlers.ts';
import { JobWorker } from '../../../src/server/jobs/worker.ts';
import { type DeliverySettings, NO_DELIVERY, enableDeliveryChannels } from '../../../src/server/notifications/channels.ts';
import { DELIVERY_ATTEMPTS, DELIVER_JOB, notify } from '../../../src/server/notifications/notify.ts';
import { type TestApp, createOrganisationAndUser, createTestApp, login, postCommand } from '../../support/app.ts';
import { BACKEND } from '../../support/database.ts';
import { startSmsGateway, startSmtpServer } from './local-servers.ts';

describe(`notifications by email and SMS on ${BACKEND}`, () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let settings: DeliverySettings;

  beforeEach(async () => {
    t = await createTestApp();
    smtp = await startSmtpServer({ user: 'sira', pass: 'smtp pass' });
    gateway = await startSmsGateway();
    settings = { smtpUrl: smtp.url, mailFrom: 'Sira <sira@example.org>', smsUrl: gateway.url, smsToken: 'gateway-token', publicUrl: 'https://sira.example.org/' };
    enableDeliveryChannels(settings);
  });
  afterEach(async () => {
    enableDeliveryChannels(NO_DELIVERY);
    await smtp.close();
    await gateway.close();
    await t.close();
  });

  const db = () => t.database.db;
  const worker = (s: DeliverySettings = settings) =>
    new JobWorker(db(), builtInJobHandlers({ idleMs: 60_000, absoluteMs: 60_000 }, { secrets: () => t.secrets, years: 10 }, s), { pollMs: 60_000, random: () => 0.5 });

  /** A focal point of a fresh organisation: the audience of "a new referral awaits you". */
  async function focalPoint(locale: 'fr' | 'en' | 'bm' = 'fr') {
    const created = await createOrganisationAndUser(t, ['service_focal_point']);
    await db().update(users).set({ locale }).where(eq(users.id, created.userId));
    return created;
  }

  async function referralReceived(organisationId: string) {
    const referralId = uuidv4();
    const ids = await db().transaction((tx) =>
      notify(tx, { kind: 'referral_received', audience: { organisationId, action: 'referral.respond' }, link: `/referrals/${referralId}`, subjectId: referralId, now: new Date() }),
    );
    return { referralId, ids };
  }

  const deliveriesOf = (notificationId: string) => db().select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, notificationId));
  const deliverJobs = () => db().select().from(jobs).where(eq(jobs.kind, DELIVER_JOB));
  const fastForward = () => db().update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.status, 'pending'));

  it('emails the recipient in their language: the catalogue sentence and a link, nothing else', async () => {
    const person = await focalPoint('en');
    await focalPoint(); // another organisation hears nothing
    const { referralId, ids } = await referralReceived(person.organisationId);
    expect(ids).toHaveLength(1);
    const [pending] = await deliveriesOf(ids[0]!);
    expect(pending).toMatchObject({ channel: 'email', status: 'pending' });
    const [job] = await deliverJobs();
    expect(job!.payload).toEqual({ deliveryId: pending!.id });

    expect(await worker().drain()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.authUser).toBe('sira');
    expect(mail.from).toBe('sira@example.org');
    expect(mail.to).toEqual([person.email]);
    expect(mail.subject).toBe(translate('en', 'notifications.message.subject'));
    expect(mail.text).toBe(`${translate('en', 'notifications.kind.referral_received')}\nOpen: https://sira.example.org/referrals/${referralId}`);
    expect(mail.raw).not.toContain('Awa Test'); // the recipient's own name is not needed either
    expect(mail.raw).not.toMatch(/text\/html/);
    const [sent] = await deliveriesOf(ids[0]!);
    expect(sent).toMatchObject({ status: 'sent', lastError: null });
    expect(sent!.sentAt).toBeInstanceOf(Date);
  });

  it('says "sign in to Sira" without a link when the public address is not configured', async () => {
    const person = await focalPoint('bm');
    await referralReceived(person.organisationId);
    await worker({ ...settings, publicUrl: null }).drain();
    expect(smtp.received[0]!.subject).toBe(translate('bm', 'notifications.message.subject'));
    expect(smtp.received[0]!.text).toBe(`${translate('bm', 'notifications.kind.referral_received')}\n${translate('bm', 'notifications.message.openApp')}`);
  });

  it("texts the person's work phone through the gateway with its token, and no email once they turned it off", async () => {
    const person = await focalPoint();
    const session = await login(t, person.email);
    const saved = await postCommand(t, session, 'notification.settings.update', uuidv4(), { email: false, smsPhone: '+223 70 11 22 33' });
    expect(saved.statusCode).toBe(200);
    const { referralId, ids } = await referralReceived(person.organisationId);
    expect((await deliveriesOf(ids[0]!)).map((d) => d.channel)).toEqual(['sms']);

    await worker().drain();
    expect(smtp.received).toHaveLength(0);
    expect(gateway.requests).toEqual([
      {
        method: 'POST',
        authorization: 'Bearer gateway-token',
        contentType: 'application/json',
        body: { to: '+22370112233', text: `${translate('fr', 'notifications.kind.referral_received')}\nOuvrir : https://sira.example.org/referrals/${referralId}` },
      },
    ]);
    expect((await deliveriesOf(ids[0]!))[0]).toMatchObject({ status: 'sent' });
  });

  async function smsOnlyRecipient() {
    const person = await focalPoint();
    await postCommand(t, await login(t, person.email), 'notification.settings.update', uuidv4(), { email: false, smsPhone: '+22670112233' });
    return person;
  }

  it('retries an SMS the gateway answered 500, and records the failure meanwhile', async () => {
    const person = await smsOnlyRecipient();
    const { ids } = await referralReceived(person.organisationId);
    gateway.state.status = 500;
    await worker().drain();
    expect((await deliveriesOf(ids[0]!))[0]).toMatchObject({ status: 'pending', lastError: 'sms_500' });
    const [job] = await deliverJobs();
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'DeliveryError: sms_500' });
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now());

    gateway.state.status = 200;
    await fastForward();
    await worker().drain();
    expect(gateway.requests).toHaveLength(2);
    expect((await deliveriesOf(ids[0]!))[0]).toMatchObject({ status: 'sent', lastError: null });
  });

  it('gives up at once when the gateway refuses the request (4xx)', async () => {
    const person = await smsOnlyRecipient();
    const { ids } = await referralReceived(person.organisationId);
    gateway.state.status = 422;
    await worker().drain();
    await fastForward();
    expect(await worker().drain()).toBe(0);
    expect(gateway.requests).toHaveLength(1);
    expect((await deliveriesOf(ids[0]!))[0]).toMatchObject({ status: 'failed', lastError: 'sms_422' });
  });

  it('retries while the SMTP server says "later", marks the delivery failed when the job is dead, keeps the in-app notification, and sends on an administrator\'s retry', async () => {
    const person = await focalPoint();
    const { ids } = await referralReceived(person.organisationId);
    smtp.state.reject = 451;
    for (let attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
      expect(await worker().drain()).toBe(1);
      await fastForward();
    }
    expect(await worker().drain()).toBe(0);
    const [job] = await deliverJobs();
    expect(job).toMatchObject({ status: 'dead', attempts: DELIVERY_ATTEMPTS, lastError: 'DeliveryError: smtp_451' });
    expect(job!.lastError).not.toContain(person.email);
    expect((await deliveriesOf(ids[0]!))[0]).toMatchObject({ status: 'failed', lastError: 'smtp_451' });
    const [inApp] = await db().select().from(notifications).where(eq(notifications.id, ids[0]!));
    expect(inApp).toMatchObject({ userId: person.userId, kind: 'referral_received', readAt: null });

    // Once the mail server is back, an administrator's retry of the dead job sends it.
    smtp.state.reject = null;
    const admin = await createOrganisationAndUser(t, ['system_admin']);
    const retried = await postCommand(t, await login(t, admin.email), 'job.retry', uuidv4(), { jobId: job!.id });
    expect(retried.statusCode).toBe(200);
    expect(await worker().drain()).toBe(1);
    expect(smtp.received.map((m) => m.to)).toEqual([[person.email]]);
    expect((await deliveriesOf(ids[0]!))[0]).toMatchObject({ status: 'sent', lastError: null });
  });

  it('gives up at once on a mailbox the SMTP server refuses for good (5xx)', async () => {
    const person = await focalPoint();
    const { ids } = await referralReceived(person.organisationId);
    smtp.state.reject = 550;
    await worker().drain();
    const [job] = await deliverJobs();
    expect(job).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect((await deliveriesOf(ids[0]!))[0]).toMatchObject({ status: 'failed', lastError: 'smtp_550' });
  });

  it('schedules nothing beyond the in-app notification when no channel is configured', async () => {
    enableDeliveryChannels(NO_DELIVERY);
    const person = await focalPoint();
    const { ids } = await referralReceived(person.organisationId);
    expect(ids).toHaveLength(1);
    expect(await deliveriesOf(ids[0]!)).toEqual([]);
    expect(await deliverJobs()).toEqual([]);
  });
});
