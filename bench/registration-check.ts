import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PersonIdentity } from '../src/domain/cases/identity.ts';
import { ageBandOf, ageInYears } from '../src/domain/cases/identity.ts';
import type { PersonInput } from '../src/domain/dedupe/person.ts';
import { preparePerson } from '../src/domain/dedupe/person.ts';
import { SYSTEM_CLI } from '../src/domain/identity/actor.ts';
import { blindIndexesOf, findDuplicateCandidates, personInputs } from '../src/server/cases/dedupe-index.ts';
import { DUPLICATE_CHECKS_PER_MINUTE } from '../src/server/cases/routes.ts';
import { newCaseKey, sealIdentity } from '../src/server/cases/sealed-case.ts';
import { buildRegistry } from '../src/server/commands/registry.ts';
import { runCommand } from '../src/server/commands/run.ts';
import { blindIndexer } from '../src/server/crypto/blind-index.ts';
import { secretBoxProvider } from '../src/server/crypto/secret-key.ts';
import type { Db } from '../src/server/db/client.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { buildApp } from '../src/server/http/app.ts';
import { SIRA_VERSION } from '../src/server/version.ts';
import { pairQuality, readDevSet } from '../test/fixtures/dedup-dev/dev-set.ts';
import { syntheticRegister } from './dedupe.ts';
import { percentile } from './stats.ts';
import { type Target, pgliteTarget, postgresTarget } from './targets.ts';

/**
 * The duplicate check an identifier runs before registering, against a register of N persons
 * (1,000,000 on PostgreSQL): POST /api/cases/duplicate-check through the whole app (session,
 * blind-index look-up, decryption and scoring of the candidates, audit). The register is
 * loaded in bulk with the same code the `case.register` command uses to encrypt identities
 * and compute blind indexes (one command per person would take hours); the probes are half
 * re-spellings of registered people (another phone format, year-only birth, names swapped
 * for some) and half new people.
 */
export interface RegistrationCheckResult {
  kind: 'pglite' | 'postgres';
  persons: number;
  blindIndexes: number;
  loadMs: number;
  probes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  foundRespelled: number;
  respelled: number;
}

const CHUNK = 5000;

function identityOf(p: PersonInput): PersonIdentity {
  return {
    givenName: p.givenName ?? 'X',
    ...(p.familyName ? { familyName: p.familyName } : {}),
    aliases: [],
    ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
    ageUncertain: false,
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.motherName ? { motherName: p.motherName } : {}),
    ...(p.placeOfOrigin ? { placeOfOrigin: p.placeOfOrigin } : {}),
    documents: [],
  };
}

const sexOf = (p: PersonInput) => (p.sex === 'F' ? 'female' : p.sex === 'M' ? 'male' : 'unknown');

async function loadRegister(db: Db, secretsOf: ReturnType<typeof secretBoxProvider>, people: readonly PersonInput[], organisationId: string, log: (line: string) => void): Promise<{ indexes: number; ids: string[] }> {
  const box = secretsOf();
  const indexer = await blindIndexer(db, box);
  const now = new Date();
  const nameCounts = new Map<string, number>();
  let indexes = 0;
  const ids: string[] = [];
  // Bulk load as a restore would: indexes are built once at the end, not row by row.
  await db.execute(sql`alter table case_blind_indexes drop constraint case_blind_indexes_kind_hmac_case_id_pk`);
  await db.execute(sql`drop index case_blind_indexes_case_idx`);
  for (let start = 0; start < people.length; start += CHUNK) {
    const chunk = people.slice(start, start + CHUNK);
    const c: { id: string; code: string; sex: string; band: string; nat: string | null; key: string; identity: string }[] = [];
    const bi: { case_id: string; kind: string; hmac: string }[] = [];
    chunk.forEach((p, k) => {
      const id = randomUUID();
      ids.push(id);
      const identity = identityOf(p);
      const stats = { sex: sexOf(p), nationality: p.nationality || undefined } as const;
      const caseKey = newCaseKey(box, id);
      c.push({
        id,
        code: `ML-KAY-2026-${String(start + k + 1).padStart(7, '0')}-0`,
        sex: stats.sex,
        band: ageBandOf(ageInYears(identity, now)),
        nat: p.nationality || null,
        key: caseKey.sealed,
        identity: sealIdentity(caseKey.key, id, identity),
      });
      const prepared = personInputs(id, identity, stats, now).map(preparePerson);
      for (const row of blindIndexesOf(indexer, prepared, identity)) bi.push({ case_id: id, kind: row.kind, hmac: row.hmac });
      const first = prepared[0]!;
      if (first.given) nameCounts.set(`given\u0000${indexer.hmac('name-given', first.given.canonical)}`, (nameCounts.get(`given\u0000${indexer.hmac('name-given', first.given.canonical)}`) ?? 0) + 1);
      if (first.family) nameCounts.set(`family\u0000${indexer.hmac('name-family', first.family.canonical)}`, (nameCounts.get(`family\u0000${indexer.hmac('name-family', first.family.canonical)}`) ?? 0) + 1);
    });
    await db.execute(sql`
      insert into cases (id, organisation_id, case_code, category, risk_level, is_child, sex, age_band, nationality, region_pcode, data_key, identity, registered_at, updated_at, last_activity_at)
      select u.id, ${organisationId}::uuid, u.code, 'other_vulnerable_migrant', 'low', false, u.sex, u.band, u.nat, 'ML01', u.key, u.identity, ${now}, ${now}, ${now}
      from jsonb_to_recordset(${JSON.stringify(c)}::jsonb) as u(id uuid, code text, sex text, band text, nat text, key text, identity text)`);
    await db.execute(sql`insert into case_blind_indexes (case_id, kind, hmac) select * from jsonb_to_recordset(${JSON.stringify(bi)}::jsonb) as u(case_id uuid, kind text, hmac text)`);
    indexes += bi.length;
    if ((start / CHUNK) % 20 === 19) log(`    ${start + chunk.length} persons loaded`);
  }
  const counts = [...nameCounts.entries()].map(([k, count]) => ({ kind: k.split('\u0000')[0]!, hmac: k.split('\u0000')[1]!, count }));
  counts.push({ kind: 'total', hmac: '', count: people.length });
  await db.execute(sql`insert into dedupe_name_counts (kind, hmac, count) select * from jsonb_to_recordset(${JSON.stringify(counts)}::jsonb) as u(kind text, hmac text, count int)`);
  await db.execute(sql`alter table case_blind_indexes add constraint case_blind_indexes_kind_hmac_case_id_pk primary key (kind, hmac, case_id)`);
  await db.execute(sql`create index case_blind_indexes_case_idx on case_blind_indexes (case_id)`);
  await db.execute(sql`analyze`);
  return { indexes, ids };
}

/** A registered person typed again by someone else: another phone format, year only, sometimes names swapped. */
function respell(p: PersonInput, i: number): PersonInput {
  const swapped = i % 4 === 0;
  return {
    ...p,
    givenName: swapped ? p.familyName : p.givenName,
    familyName: swapped ? p.givenName : p.familyName,
    dateOfBirth: p.dateOfBirth?.slice(0, 4),
    phone: p.phone ? `+223 ${p.phone.replace(/(\d\d)(?=\d)/g, '$1 ')}` : '',
  };
}

export async function benchRegistrationCheck(kind: 'pglite' | 'postgres', options: { persons: number; probes: number; log: (line: string) => void; adminUrl?: string }): Promise<RegistrationCheckResult> {
  const target: Target = kind === 'postgres' ? await postgresTarget(options.adminUrl ?? '') : await pgliteTarget();
  try {
    const opened = await openDatabase(target.config);
    const registry = buildRegistry();
    const app = await buildApp({ config: target.config, database: opened.database, registry, version: SIRA_VERSION, logger: false });
    try {
      const db = opened.database.db;
      const organisationId = randomUUID();
      const base = { actor: SYSTEM_CLI, requestId: 'bench-registration', locale: 'fr' as const };
      await runCommand(db, registry, { ...base, name: 'organisation.create', commandId: randomUUID(), input: { organisationId, name: 'Bench', type: 'ngo', country: 'ML', regionPcodes: [] } });
      // A duplicate check is limited per person (DUPLICATE_CHECKS_PER_MINUTE): the run spreads
      // its checks over as many identifiers as a busy day's shift would have.
      const password = 'bench password, long enough';
      const emails = Array.from({ length: Math.ceil((options.probes + 10) / (DUPLICATE_CHECKS_PER_MINUTE - 5)) }, (_, i) => `identifier${i}@example.org`);
      for (const email of emails) {
        await runCommand(db, registry, { ...base, name: 'user.create', commandId: randomUUID(), input: { userId: randomUUID(), email, displayName: 'Bench', password, organisationId, roles: ['frontline_identifier'] } });
      }

      const { people } = readDevSet();
      const register = syntheticRegister(people, options.persons);
      options.log(`  loading ${options.persons.toLocaleString('en')} encrypted persons with their blind indexes on ${kind}…`);
      const t0 = performance.now();
      const { indexes: blindIndexes } = await loadRegister(db, secretBoxProvider(target.config), register, organisationId, options.log);
      const loadMs = performance.now() - t0;
      options.log(`  loaded in ${(loadMs / 1000).toFixed(0)} s (${blindIndexes.toLocaleString('en')} blind indexes)`);

      const sessions: { cookie: string; csrf: string }[] = [];
      for (const email of emails) {
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
        sessions.push({ cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf: (login.json() as { csrfToken: string }).csrfToken });
      }
      let turn = 0;
      const half = Math.floor(options.probes / 2);
      const step = Math.max(1, Math.floor(register.length / half));
      const respelled = Array.from({ length: half }, (_, i) => respell(register[i * step]!, i));
      const fresh = syntheticRegister(people, options.persons + options.probes - half).slice(options.persons).map((p) => ({ ...p, phone: String(10_000_000 + Math.floor(Math.random() * 80_000_000)) }));
      const probes = [...respelled.map((p) => ({ p, known: true })), ...fresh.map((p) => ({ p, known: false }))];
      const samples: number[] = [];
      let foundRespelled = 0;
      const check = async (p: PersonInput) => {
        const identity = identityOf(p);
        const { cookie, csrf } = sessions[turn++ % sessions.length]!;
        const res = await app.inject({ method: 'POST', url: '/api/cases/duplicate-check', headers: { cookie, 'x-csrf-token': csrf }, payload: { identity, stats: { sex: sexOf(p), ...(p.nationality ? { nationality: p.nationality } : {}) } } });
        if (res.statusCode !== 200) throw new Error(`duplicate check: ${res.statusCode} ${res.body}`);
        return (res.json() as { candidates: { likely: boolean }[] }).candidates;
      };
      for (const { p } of probes.slice(0, 10)) await check(p);
      for (const { p, known } of probes) {
        const t1 = performance.now();
        const candidates = await check(p);
        samples.push(performance.now() - t1);
        if (known && candidates.some((c) => c.likely)) foundRespelled++;
      }
      const r = { kind, persons: options.persons, blindIndexes, loadMs, probes: probes.length, medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95), maxMs: Math.max(...samples), foundRespelled, respelled: respelled.length };
      options.log(`  duplicate check: median ${r.medianMs.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms over ${r.probes} checks; ${foundRespelled}/${respelled.length} re-spelled persons found as likely`);
      return r;
    } finally {
      await app.close();
      await opened.close();
    }
  } finally {
    await target.cleanup();
  }
}

export interface RegistrationQualityResult {
  records: number;
  truePairs: number;
  precision: number;
  recall: number;
  f1: number;
  ms: number;
}

/**
 * The registration-time check's own quality on the development set: every record is checked
 * against a register holding all the others, through blind indexes and decryption exactly as
 * at registration, and the likely matches are compared with the truth. It differs from the
 * batch engine in what it compares (only cases sharing two keys, or a phone or document).
 */
export async function benchRegistrationQuality(log: (line: string) => void): Promise<RegistrationQualityResult> {
  const target = await pgliteTarget();
  try {
    const opened = await openDatabase(target.config);
    try {
      const db = opened.database.db;
      const registry = buildRegistry();
      const organisationId = randomUUID();
      await runCommand(db, registry, { actor: SYSTEM_CLI, requestId: 'bench-quality', locale: 'fr', name: 'organisation.create', commandId: randomUUID(), input: { organisationId, name: 'Bench', type: 'ngo', country: 'ML', regionPcodes: [] } });
      const { people, truth } = readDevSet();
      const secrets = secretBoxProvider(target.config);
      const { ids } = await loadRegister(db, secrets, people, organisationId, () => {});
      const devIdOf = new Map(ids.map((id, i) => [id, people[i]!.id]));
      const box = secrets();
      const indexer = await blindIndexer(db, box);
      const now = new Date();
      const pairs = new Map<string, { a: string; b: string; score: number; match: boolean }>();
      const t0 = performance.now();
      await db.transaction(async (tx) => {
        for (const [i, p] of people.entries()) {
          const found = await findDuplicateCandidates(tx, box, indexer, identityOf(p), { sex: sexOf(p), nationality: p.nationality || undefined }, now, { excludeCaseId: ids[i]! });
          for (const c of found.filter((f) => f.likely)) {
            const [a, b] = [p.id, devIdOf.get(c.caseId)!].sort() as [string, string];
            pairs.set(`${a}|${b}`, { a, b, score: c.score, match: true });
          }
        }
      });
      const ms = performance.now() - t0;
      const q = pairQuality([...pairs.values()], truth);
      log(`  registration-time check on the development set: precision ${q.precision.toFixed(4)}, recall ${q.recall.toFixed(4)}, F1 ${q.f1.toFixed(4)} (${people.length} checks in ${(ms / 1000).toFixed(0)} s)`);
      return { records: people.length, truePairs: q.truePairs, precision: q.precision, recall: q.recall, f1: q.f1, ms };
    } finally {
      await opened.close();
    }
  } finally {
    await target.cleanup();
  }
}

export function renderRegistrationCheckReport(results: readonly RegistrationCheckResult[], quality: RegistrationQualityResult): string[] {
  return [
    '### Duplicate check at registration (`POST /api/cases/duplicate-check`)',
    '',
    `Quality on the development set, each of its ${quality.records} records checked against a register holding all the others (blind indexes, decryption, scoring, as at registration): precision ${quality.precision.toFixed(4)}, recall ${quality.recall.toFixed(4)}, **F1 ${quality.f1.toFixed(4)}** (${(quality.ms / quality.records).toFixed(1)} ms per check on the embedded database).`,
    '',
    'Through the whole app (session, blind-index look-up, decryption and scoring of candidates, audit), against a register loaded in bulk with the code `case.register` uses. Half the probes are registered people typed again (another phone format, year-only birth, a quarter with names swapped), half are new people.',
    '',
    '| backend | persons | blind indexes | load | checks | median ms | p95 ms | max ms | re-spelled found | aim p95 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.kind === 'postgres' ? 'PostgreSQL 15' : 'PGlite'} | ${r.persons.toLocaleString('en')} | ${r.blindIndexes.toLocaleString('en')} | ${(r.loadMs / 1000).toFixed(0)} s | ${r.probes} | ${r.medianMs.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.maxMs.toFixed(1)} | ${r.foundRespelled}/${r.respelled} | ${r.kind === 'postgres' ? '≤ 50 ms at 1,000,000' : ''} |`,
    ),
    '',
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (process.argv[2] === 'quality') {
    await benchRegistrationQuality(console.log);
    process.exit(0);
  }
  const kind = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
  const persons = Number(process.argv[3] ?? 20_000);
  await benchRegistrationCheck(kind, { persons, probes: 200, log: console.log, adminUrl: process.env.SIRA_BENCH_DATABASE_URL });
}
