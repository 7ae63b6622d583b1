import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { ageBandOf, ageInYears } from '../src/domain/cases/identity.ts';
import { DEFAULT_ANSWER_HOURS } from '../src/domain/referrals/lifecycle.ts';
import { INBOX_VIEWS, type InboxView, type ReferralPage } from '../src/domain/referrals/schemas.ts';
import { newCaseKey, sealIdentity } from '../src/server/cases/sealed-case.ts';
import { buildRegistry } from '../src/server/commands/registry.ts';
import type { Config } from '../src/server/config.ts';
import { secretBoxProvider } from '../src/server/crypto/secret-key.ts';
import type { Db } from '../src/server/db/client.ts';
import { queryRows } from '../src/server/db/rows.ts';
import { organisations } from '../src/server/db/schema/index.ts';
import { type RunningApp, createShelter, createUser, getJson, login } from './referrals-app.ts';
import { percentile } from './stats.ts';

/**
 * The provider inbox against a large register: `referrals` loaded in bulk (one INSERT … SELECT
 * over generate_series per chunk), then `GET /api/referrals/inbox?view=…` timed over HTTP for a
 * focal point of one of the biggest receivers.
 */

export const ORGANISATIONS = 200;
/** Receivers that get half of all referrals between them (50,000 each at 1,000,000). */
export const BIG_RECEIVERS = 10;
const CHUNK = 100_000;
const LOAD_TIMEOUT_MS = 15 * 60_000;
const VIEW_TIMEOUT_MS = 300_000;
/** Above this p95 the slowest query's plan goes into the report, with an index to consider. */
export const EXPLAIN_ABOVE_MS = 100;

export interface InboxViewTiming {
  view: InboxView;
  /** Referrals of the receiver in this view (the tab's count). */
  matching: number;
  requests: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface InboxResult {
  referrals: number;
  organisations: number;
  cases: number;
  /** Referrals received by the organisation whose focal point is timed. */
  receiverReferrals: number;
  loadMs: number;
  views: InboxViewTiming[];
  /** EXPLAIN (ANALYZE, BUFFERS) of the slowest view's slowest query, when its p95 is over EXPLAIN_ABOVE_MS. */
  explain: SlowestPlan | null;
}

export interface SlowestPlan {
  view: InboxView;
  query: 'page' | 'counts';
  /** Its execution time as EXPLAIN ANALYZE reports it, to compare with the request's p95. */
  executionMs: number;
  plan: string[];
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `REF-XXXX-XXXX` from a number, in SQL: the same shape as the real codes, unique by construction. */
function referenceCodeSql(v: SQL): SQL {
  const char = (shift: number) => sql`substr(${ALPHABET}, ((${v} >> ${sql.raw(String(shift))}) & 31)::int + 1, 1)`;
  const four = (from: number) => sql.join([0, 1, 2, 3].map((k) => char(from - 5 * k)), sql` || `);
  return sql`'REF-' || ${four(35)} || '-' || ${four(15)}`;
}

/**
 * State mix of a register a few years old: mostly closed, 13.5 % open (1.5 % waiting for an
 * answer, 1 % overdue). State, urgency and dates come from an MD5 of the row number, not from
 * the row number itself: the receiver is chosen by the row number, and every receiver must get
 * the same mix.
 */
function referralsSelect(lo: number, hi: number, cases: number, now: Date): SQL {
  const big = BIG_RECEIVERS;
  const others = ORGANISATIONS - BIG_RECEIVERS;
  const h = DEFAULT_ANSWER_HOURS;
  // Numbers inlined: parameters of unknown type in arithmetic make PostgreSQL guess, and it guesses text.
  const n = (v: number) => sql.raw(String(v));
  const at = sql`${now.toISOString()}::timestamptz`;
  const reason = Buffer.from('bench: a sealed reason of ordinary length, never decrypted by the inbox '.repeat(2)).toString('base64');
  return sql`
    insert into referrals (id, reference_code, case_id, from_organisation_id, to_organisation_id, service_id, location_id, service_type, urgency, state, basis,
      share_identity, on_paper, reason, region_pcode, sent_at, answer_due_at, answered_at, closed_at, reminded_at, escalated_at, updated_at)
    select overlay(overlay(md5('bench-referral:' || g.i) placing '4' from 13) placing '8' from 17)::uuid, ${referenceCodeSql(sql`(g.i + ${n(31 * 2 ** 35)}::bigint)`)}, c.case_id, c.organisation_id, t.organisation_id, t.service_id, t.location_id,
      'shelter', s.urgency, s.state, 'consent', false, false, ${reason}, 'ML01', d.sent_at, d.sent_at + s.hours * interval '1 hour',
      case when s.state in ('sent', 'overdue', 'cancelled') then null else d.sent_at + interval '6 hours' end,
      case when s.state in ('completed', 'declined', 'cancelled', 'not_completed') then d.sent_at + (1 + x.t % 9) * interval '1 day' end,
      case when s.state = 'overdue' then d.sent_at + s.hours * interval '45 minutes' end,
      case when s.state = 'overdue' then d.sent_at + s.hours * interval '1 hour' + interval '1 hour' end,
      d.sent_at + interval '6 hours'
    from generate_series(${n(lo)}::bigint, ${n(hi - 1)}::bigint) as g(i)
    cross join lateral (select ('x' || substr(md5('bench-mix:' || g.i), 1, 15))::bit(60)::bigint as h) as r
    cross join lateral (select r.h % 1000 as b, (r.h / 1000) % 10 as u, r.h / 10000 as t) as x
    cross join lateral (select
        case when x.b < 15 then 'sent' when x.b < 25 then 'overdue' when x.b < 75 then 'accepted' when x.b < 135 then 'in_progress'
             when x.b < 700 then 'completed' when x.b < 800 then 'declined' when x.b < 850 then 'cancelled' else 'not_completed' end as state,
        case when x.u = 0 then 'emergency' when x.u < 4 then 'urgent' else 'normal' end as urgency,
        case when x.u = 0 then ${n(h.emergency)} when x.u < 4 then ${n(h.urgent)} else ${n(h.normal)} end as hours) as s
    cross join lateral (select case
        when s.state = 'sent' then ${at} - (x.t % 97) / 97.0 * s.hours * interval '1 hour'
        when s.state = 'overdue' then ${at} - (s.hours + 2 + x.t % 200) * interval '1 hour'
        when s.state in ('accepted', 'in_progress') then ${at} - (1 + x.t % 60) * interval '1 day'
        else ${at} - (10 + x.t % 730) * interval '1 day' end as sent_at) as d
    join bench_inbox_cases c on c.k = (x.t / 1000) % ${n(cases)}
    join bench_inbox_orgs t on t.k = case when g.i % 2 = 0 then (g.i / 2) % ${n(big)} else ${n(big)} + (g.i / 2) % ${n(others)} end`;
}

/**
 * 200 organisations, each with a shelter (through `service.create`), a few thousand cases sealed
 * as `case.register` seals them (inserted directly: no need to run registration for the
 * inbox), then `count` referrals in chunks. Returns the organisation whose inbox is timed.
 */
async function loadRegister(db: Db, config: Config, count: number, now: Date, log: (line: string) => void): Promise<{ receiverId: string; cases: number }> {
  const registry = buildRegistry();
  const at = new Date();
  const orgs = Array.from({ length: ORGANISATIONS }, (_, k) => ({ id: randomUUID(), name: `Bench partenaire ${k + 1}`, acronym: null, type: 'ngo', country: 'ML', regionPcodes: ['ML01'], createdAt: at, updatedAt: at }));
  await db.insert(organisations).values(orgs);
  const orgRows: { k: number; organisation_id: string; service_id: string; location_id: string }[] = [];
  for (const [k, o] of orgs.entries()) {
    const { serviceId, locationId } = await createShelter(db, registry, config, o.id, `Foyer ${k + 1}`);
    orgRows.push({ k, organisation_id: o.id, service_id: serviceId, location_id: locationId });
  }
  const box = secretBoxProvider(config)();
  const caseCount = Math.max(1000, Math.round(count / 200));
  const caseRows: { k: number; case_id: string; organisation_id: string; code: string; band: string; key: string; identity: string }[] = [];
  for (let k = 0; k < caseCount; k++) {
    const id = randomUUID();
    const identity = { givenName: `Awa${k}`, familyName: 'Traoré', aliases: [], dateOfBirth: `${1980 + (k % 30)}-03-14`, ageUncertain: false, documents: [] };
    const caseKey = newCaseKey(box, id);
    caseRows.push({ k, case_id: id, organisation_id: orgs[k % ORGANISATIONS]!.id, code: `ML-KAY-2026-${String(k + 1).padStart(7, '0')}-9`, band: ageBandOf(ageInYears(identity, at)), key: caseKey.sealed, identity: sealIdentity(caseKey.key, id, identity) });
  }
  await db.execute(sql`create table bench_inbox_orgs (k int primary key, organisation_id uuid not null, service_id uuid not null, location_id uuid not null)`);
  await db.execute(sql`create table bench_inbox_cases (k int primary key, case_id uuid not null, organisation_id uuid not null)`);
  await db.execute(sql`insert into bench_inbox_orgs select * from jsonb_to_recordset(${JSON.stringify(orgRows)}::jsonb) as u(k int, organisation_id uuid, service_id uuid, location_id uuid)`);
  for (let start = 0; start < caseRows.length; start += 2000) {
    const chunk = caseRows.slice(start, start + 2000);
    await db.execute(sql`
      insert into cases (id, organisation_id, case_code, category, risk_level, is_child, sex, age_band, nationality, region_pcode, data_key, identity, registered_at, updated_at, last_activity_at)
      select u.case_id, u.organisation_id, u.code, 'other_vulnerable_migrant', 'low', false, 'female', u.band, 'ML', 'ML01', u.key, u.identity, ${at}, ${at}, ${at}
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as u(case_id uuid, organisation_id uuid, code text, band text, key text, identity text)`);
    await db.execute(sql`insert into bench_inbox_cases select u.k, u.case_id, u.organisation_id from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as u(k int, case_id uuid, organisation_id uuid)`);
  }
  const deadline = performance.now() + LOAD_TIMEOUT_MS;
  for (let lo = 0; lo < count; lo += CHUNK) {
    if (performance.now() > deadline) throw new Error(`loading referrals exceeded ${LOAD_TIMEOUT_MS / 60_000} minutes`);
    await db.execute(referralsSelect(lo, Math.min(count, lo + CHUNK), caseCount, now));
    if (count > CHUNK) log(`    ${Math.min(count, lo + CHUNK).toLocaleString('en')} referrals loaded`);
  }
  await db.execute(sql`drop table bench_inbox_orgs`);
  await db.execute(sql`drop table bench_inbox_cases`);
  // What autovacuum would have done on a register built over years.
  await db.execute(sql`vacuum (analyze) referrals`);
  await db.execute(sql`analyze cases`);
  return { receiverId: orgs[0]!.id, cases: caseCount };
}

const OPEN = sql.raw(`('sent','overdue','accepted','in_progress')`);
const CLOSED = sql.raw(`('declined','cancelled','completed','not_completed')`);

/** The two queries `listReferrals` (src/server/referrals/queries.ts) runs for an inbox page, written out for EXPLAIN. */
function inboxQueries(view: InboxView, organisationId: string, now: Date): { page: SQL; counts: SQL } {
  const dueSoon = sql`(state = 'sent' and answer_due_at - (answer_due_at - sent_at) / 4 <= ${now.toISOString()}::timestamptz)`;
  const condition = { new: sql`state = 'sent'`, due_soon: dueSoon, overdue: sql`state = 'overdue'`, open: sql`state in ${OPEN}`, closed: sql`state in ${CLOSED}` }[view];
  const order = view === 'closed' ? sql`closed_at desc nulls last, id desc nulls last` : sql`answer_due_at asc, id asc`;
  return {
    page: sql`select * from referrals where to_organisation_id = ${organisationId} and ${condition} order by ${order} limit 25 offset 0`,
    counts: sql`select count(*) filter (where state = 'sent')::int, count(*) filter (where ${dueSoon})::int, count(*) filter (where state = 'overdue')::int,
      count(*) filter (where state in ${OPEN})::int, count(*) filter (where state in ${CLOSED})::int from referrals where to_organisation_id = ${organisationId}`,
  };
}

async function explainQuery(db: Db, view: InboxView, query: 'page' | 'counts', organisationId: string, now: Date): Promise<{ query: 'page' | 'counts'; plan: string[]; ms: number }> {
  const rows = await queryRows<Record<string, string>>(db, sql`explain (analyze, buffers) ${inboxQueries(view, organisationId, now)[query]}`);
  const plan = rows.map((r) => Object.values(r)[0] ?? '');
  return { query, plan, ms: Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? 0) };
}

async function explainSlowest(db: Db, view: InboxView, organisationId: string, now: Date): Promise<SlowestPlan> {
  const plans = [await explainQuery(db, view, 'page', organisationId, now), await explainQuery(db, view, 'counts', organisationId, now)];
  const slowest = plans.reduce((a, b) => (b.ms > a.ms ? b : a));
  return { view, query: slowest.query, executionMs: slowest.ms, plan: slowest.plan };
}

export async function benchInbox(running: RunningApp, config: Config, options: { referrals: number; requests: number; log: (line: string) => void }): Promise<InboxResult> {
  const { db, baseUrl } = running;
  const { log } = options;
  const now = new Date();
  log(`  loading ${options.referrals.toLocaleString('en')} referrals over ${ORGANISATIONS} organisations…`);
  const t0 = performance.now();
  const { receiverId, cases } = await loadRegister(db, config, options.referrals, now, log);
  const loadMs = performance.now() - t0;
  const [received] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from referrals where to_organisation_id = ${receiverId}`);
  log(`  loaded in ${(loadMs / 1000).toFixed(0)} s; the timed receiver has ${received?.n.toLocaleString('en')} referrals`);

  await createUser(db, buildRegistry(), config, receiverId, ['service_focal_point'], 'bench-big-focal@example.org');
  const focal = await login(baseUrl, 'bench-big-focal@example.org');
  const timeView = async (view: InboxView): Promise<InboxViewTiming> => {
    const url = `/api/referrals/inbox?view=${view}`;
    const samples: number[] = [];
    let matching = 0;
    const deadline = performance.now() + VIEW_TIMEOUT_MS;
    for (let i = 0; i < 5 + options.requests; i++) {
      if (performance.now() > deadline) throw new Error(`inbox view ${view} exceeded ${VIEW_TIMEOUT_MS} ms`);
      const t1 = performance.now();
      const page = await getJson<ReferralPage>(baseUrl, focal, url);
      if (i >= 5) samples.push(performance.now() - t1);
      matching = page.total;
      if (page.items.length !== Math.min(25, page.total)) throw new Error(`inbox ${view}: ${page.items.length} items for ${page.total}`);
    }
    const timing = { view, matching, requests: samples.length, medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95), maxMs: Math.max(...samples) };
    log(`  inbox ${view} (${matching.toLocaleString('en')} referrals): median ${timing.medianMs.toFixed(1)} ms, p95 ${timing.p95Ms.toFixed(1)} ms, max ${timing.maxMs.toFixed(1)} ms`);
    return timing;
  };
  const views: InboxViewTiming[] = [];
  for (const view of INBOX_VIEWS) views.push(await timeView(view));
  const slowest = views.reduce((a, b) => (b.p95Ms > a.p95Ms ? b : a));
  const explain = slowest.p95Ms > EXPLAIN_ABOVE_MS ? await explainSlowest(db, slowest.view, receiverId, new Date()) : null;
  if (explain) log(`  slowest: ${explain.view} (${explain.query} query)\n${explain.plan.map((l) => `    ${l}`).join('\n')}`);
  return { referrals: options.referrals, organisations: ORGANISATIONS, cases, receiverReferrals: received?.n ?? 0, loadMs, views, explain };
}
