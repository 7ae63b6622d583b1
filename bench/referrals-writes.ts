import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { answerDeadline } from '../src/domain/referrals/lifecycle.ts';
import { buildRegistry } from '../src/server/commands/registry.ts';
import { runCommand } from '../src/server/commands/run.ts';
import type { Config } from '../src/server/config.ts';
import { secretBoxProvider } from '../src/server/crypto/secret-key.ts';
import type { Db } from '../src/server/db/client.ts';
import { queryRows } from '../src/server/db/rows.ts';
import { referralEvents, referrals } from '../src/server/db/schema/index.ts';
import { actorForUserId } from '../src/server/identity/roles.ts';
import { newReferenceCode } from '../src/server/referrals/reference-code.ts';
import { type RunningApp, type Session, cli, createOrganisation, createShelter, createUser, login, postCommand } from './referrals-app.ts';
import { percentile } from './stats.ts';

/** A ceiling on any one phase: the count bounds the work, this bounds the time if something stalls. */
const PHASE_TIMEOUT_MS = 180_000;
/** Cases the referrals are made for: each is referred many times, as a person is over months. */
const CASES = 20;
/** Tables a referral command may write to, counted around the API phases. */
const WRITTEN_TABLES = ['referrals', 'referral_events', 'command_log', 'audit_events', 'jobs', 'notifications', 'notification_deliveries', 'disclosures', 'consent_overrides'] as const;
const REASON = 'Besoin d’un hébergement sûr cette nuit, avec ses deux enfants.';

export interface Latency {
  ops: number;
  totalMs: number;
  medianMs: number;
  p95Ms: number;
}

export interface ReferralWritesResult {
  n: number;
  warmup: number;
  api: { create: Latency; accept: Latency };
  /** runCommand() in the server's process, same actors: the command pipeline without HTTP and session. */
  inProcess: { create: Latency; accept: Latency };
  sql: { create: Latency; accept: Latency };
  /** Rows each API operation added, by table (measured over the timed API phases). */
  rowsPerOp: { create: Record<string, number>; accept: Record<string, number> };
  /** Referrals in the database at the end, all accepted, checked against what the run wrote. */
  rowsChecked: number;
  eventsChecked: number;
}

async function timed(total: number, op: (i: number) => Promise<void>): Promise<Latency> {
  const samples: number[] = [];
  const deadline = performance.now() + PHASE_TIMEOUT_MS;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    if (performance.now() > deadline) throw new Error(`phase exceeded ${PHASE_TIMEOUT_MS} ms`);
    const t0 = performance.now();
    await op(i);
    samples.push(performance.now() - t0);
  }
  return { ops: total, totalMs: performance.now() - start, medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95) };
}

export interface WritesFixture {
  identifier: Session;
  focal: Session;
  caseIds: string[];
  caseOrganisationId: string;
  receiverId: string;
  identifierUserId: string;
  focalUserId: string;
  service: { serviceId: string; locationId: string };
  region: string;
}

/**
 * Organisation A (a frontline identifier, CASES people registered with consent to B's shelter)
 * and organisation B (a focal point and its shelter), made with the real commands.
 */
export async function seedWrites(db: Db, config: Config, running: RunningApp): Promise<WritesFixture> {
  const registry = buildRegistry();
  await cli(db, registry, config, 'taxonomy.seed', {});
  const a = await createOrganisation(db, registry, config, 'Bench référente');
  const b = await createOrganisation(db, registry, config, 'Bench foyer');
  const identifierUserId = await createUser(db, registry, config, a, ['frontline_identifier'], 'bench-identifier@example.org');
  const focalUserId = await createUser(db, registry, config, b, ['service_focal_point'], 'bench-focal@example.org');
  const service = await createShelter(db, registry, config, b, 'Foyer d’accueil bench');
  const actor = await actorForUserId(db, identifierUserId);
  const givenAt = new Date(Date.now() - 60_000).toISOString();
  const consent = { decision: 'granted', givenBy: 'self', childAssent: 'not_applicable', language: 'bm', givenAt };
  const caseIds: string[] = [];
  for (let k = 0; k < CASES; k++) {
    const caseId = randomUUID();
    await runCommand(db, registry, {
      actor,
      requestId: 'bench-referrals',
      locale: 'fr',
      name: 'case.register',
      commandId: randomUUID(),
      secrets: secretBoxProvider(config),
      input: {
        caseId,
        regionPcode: 'ML01',
        consents: [
          { layer: 'services', ...consent },
          { layer: 'disclosure', organisationId: b, serviceType: 'shelter', ...consent },
        ],
        screening: [],
        identity: { givenName: `Aminata${k}`, familyName: `Diarra${k}`, dateOfBirth: '1998-04-12', phone: `+223 76 12 ${String(10 + k).padStart(2, '0')} 56`, placeOfOrigin: 'Nioro du Sahel' },
        stats: { sex: 'female', nationality: 'ML', preferredLanguage: 'bm' },
      },
    });
    caseIds.push(caseId);
  }
  return {
    identifier: await login(running.baseUrl, 'bench-identifier@example.org'),
    focal: await login(running.baseUrl, 'bench-focal@example.org'),
    caseIds,
    caseOrganisationId: a,
    receiverId: b,
    identifierUserId,
    focalUserId,
    service,
    region: 'ML01',
  };
}

/**
 * Create then accept through `POST /api/commands/…` over HTTP, against the same two rows each
 * written by hand on the same database handle (one transaction per operation, as the command
 * has): a referral row and its `create` event; then an UPDATE to `accepted` and its `accept`
 * event. The SQL path stores a reason sealed once beforehand: it encrypts nothing.
 */
async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of WRITTEN_TABLES) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
    counts[table] = row?.n ?? 0;
  }
  return counts;
}

function perOp(before: Record<string, number>, after: Record<string, number>, n: number): Record<string, number> {
  return Object.fromEntries(WRITTEN_TABLES.map((t) => [t, ((after[t] ?? 0) - (before[t] ?? 0)) / n]).filter(([, v]) => v !== 0));
}

export async function benchReferralWrites(running: RunningApp, config: Config, f: WritesFixture, options: { n: number; warmup: number; log: (line: string) => void }): Promise<ReferralWritesResult> {
  const { baseUrl, db } = running;
  const { n, warmup, log } = options;
  const registry = buildRegistry();
  const apiIds: string[] = [];
  const sqlIds: string[] = [];
  const sealedReason = Buffer.from(REASON.repeat(2)).toString('base64');

  const apiCreate = async (i: number) => {
    const referralId = randomUUID();
    await postCommand(baseUrl, f.identifier, 'referral.create', { referralId, caseId: f.caseIds[i % f.caseIds.length], serviceId: f.service.serviceId, locationId: f.service.locationId, serviceType: 'shelter', urgency: 'urgent', reason: REASON });
    apiIds.push(referralId);
  };
  let apiAccepted = 0;
  const apiAccept = async () => {
    const result = await postCommand<{ state: string }>(baseUrl, f.focal, 'referral.accept', { referralId: apiIds[apiAccepted++] });
    if (result.state !== 'accepted') throw new Error(`accept left the referral ${result.state}`);
  };
  const identifierActor = await actorForUserId(db, f.identifierUserId);
  const focalActor = await actorForUserId(db, f.focalUserId);
  const secrets = secretBoxProvider(config);
  const inProcessIds: string[] = [];
  const inProcessCreate = async (i: number) => {
    const referralId = randomUUID();
    const input = { referralId, caseId: f.caseIds[i % f.caseIds.length], serviceId: f.service.serviceId, locationId: f.service.locationId, serviceType: 'shelter', urgency: 'urgent', reason: REASON };
    const receipt = await runCommand(db, registry, { name: 'referral.create', commandId: randomUUID(), input, actor: identifierActor, requestId: 'bench', locale: 'fr', secrets });
    if (receipt.status !== 'applied') throw new Error(`referral.create not applied: ${receipt.status}`);
    inProcessIds.push(referralId);
  };
  let inProcessAccepted = 0;
  const inProcessAccept = async () => {
    const input = { referralId: inProcessIds[inProcessAccepted++] };
    const receipt = await runCommand(db, registry, { name: 'referral.accept', commandId: randomUUID(), input, actor: focalActor, requestId: 'bench', locale: 'fr', secrets });
    if ((receipt.result as { state: string }).state !== 'accepted') throw new Error('accept did not accept');
  };
  const sqlCreate = async (i: number) => {
    const referralId = randomUUID();
    const at = new Date();
    await db.transaction(async (tx) => {
      await tx.insert(referrals).values({
        id: referralId,
        referenceCode: newReferenceCode(),
        caseId: f.caseIds[i % f.caseIds.length]!,
        fromOrganisationId: f.caseOrganisationId,
        toOrganisationId: f.receiverId,
        serviceId: f.service.serviceId,
        locationId: f.service.locationId,
        serviceType: 'shelter',
        urgency: 'urgent',
        state: 'sent',
        basis: 'consent',
        overrideId: null,
        shareIdentity: false,
        onPaper: false,
        reason: sealedReason,
        regionPcode: f.region,
        sentAt: at,
        answerDueAt: answerDeadline(at, 'urgent'),
        createdBy: f.identifierUserId,
        updatedAt: at,
      });
      await tx.insert(referralEvents).values({ id: randomUUID(), referralId, event: 'create', fromState: null, toState: 'sent', side: 'referrer', actorUserId: f.identifierUserId, organisationId: f.caseOrganisationId, note: null, at });
    });
    sqlIds.push(referralId);
  };
  let sqlAccepted = 0;
  const sqlAccept = async () => {
    const referralId = sqlIds[sqlAccepted++]!;
    const at = new Date();
    await db.transaction(async (tx) => {
      await tx
        .update(referrals)
        .set({ state: 'accepted', version: sql`${referrals.version} + 1`, answeredAt: at, updatedAt: at })
        .where(eq(referrals.id, referralId));
      await tx.insert(referralEvents).values({ id: randomUUID(), referralId, event: 'accept', fromState: 'sent', toState: 'accepted', side: 'receiver', actorUserId: f.focalUserId, organisationId: f.receiverId, note: null, at });
    });
  };

  // Untimed first: JIT, prepared code paths, the pool's connections.
  await timed(warmup, apiCreate);
  await timed(warmup, apiAccept);
  await timed(warmup, inProcessCreate);
  await timed(warmup, inProcessAccept);
  await timed(warmup, sqlCreate);
  await timed(warmup, sqlAccept);
  const before = await tableCounts(db);
  const apiCreateRates = await timed(n, apiCreate);
  const afterCreate = await tableCounts(db);
  const api = { create: apiCreateRates, accept: await timed(n, apiAccept) };
  const afterAccept = await tableCounts(db);
  const rowsPerOp = { create: perOp(before, afterCreate, n), accept: perOp(afterCreate, afterAccept, n) };
  log(`  API create: median ${api.create.medianMs.toFixed(2)} ms, p95 ${api.create.p95Ms.toFixed(2)} ms; accept: median ${api.accept.medianMs.toFixed(2)} ms, p95 ${api.accept.p95Ms.toFixed(2)} ms`);
  const inProcess = { create: await timed(n, inProcessCreate), accept: await timed(n, inProcessAccept) };
  log(`  in-process create: median ${inProcess.create.medianMs.toFixed(2)} ms; accept: median ${inProcess.accept.medianMs.toFixed(2)} ms`);
  const plain = { create: await timed(n, sqlCreate), accept: await timed(n, sqlAccept) };
  log(`  SQL create: median ${plain.create.medianMs.toFixed(2)} ms, p95 ${plain.create.p95Ms.toFixed(2)} ms; accept: median ${plain.accept.medianMs.toFixed(2)} ms, p95 ${plain.accept.p95Ms.toFixed(2)} ms`);

  const expected = 3 * (warmup + n);
  const [rows] = await queryRows<{ n: number; accepted: number }>(db, sql`select count(*)::int as n, count(*) filter (where state = 'accepted')::int as accepted from referrals`);
  const [events] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from referral_events`);
  if (rows?.n !== expected || rows.accepted !== expected) throw new Error(`expected ${expected} accepted referrals, found ${JSON.stringify(rows)}`);
  if (events?.n !== 2 * expected) throw new Error(`expected ${2 * expected} referral events, found ${events?.n}`);
  return { n, warmup, api, inProcess, sql: plain, rowsPerOp, rowsChecked: rows.n, eventsChecked: events.n };
}
