import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ADMIN1 } from '../src/domain/geo/admin1.ts';
import { SYSTEM_CLI } from '../src/domain/identity/actor.ts';
import type { CreateServiceInput } from '../src/domain/directory/schemas.ts';
import { buildRegistry } from '../src/server/commands/registry.ts';
import { runCommand } from '../src/server/commands/run.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { organisations } from '../src/server/db/schema/index.ts';
import { seedTaxonomies } from '../src/server/directory/seed.ts';
import { writeService } from '../src/server/directory/write.ts';
import { buildApp } from '../src/server/http/app.ts';
import { SIRA_VERSION } from '../src/server/version.ts';
import { percentile } from './stats.ts';
import { type Target, pgliteTarget, postgresTarget } from './targets.ts';

/**
 * Directory search as a caseworker meets it: `GET /api/directory/services` through the real
 * app (session, validation, search, loading a page of 20 services, presenter), on a directory
 * of 10,000 services at 30,000 locations. The directory is written with the same function the
 * `service.create` command uses, in batches, without the command log: what is measured is the
 * search, not the seeding.
 */
export interface SearchCase {
  name: string;
  query: string;
  medianMs: number;
  p95Ms: number;
  total: number;
}
export interface PageWeight {
  page: string;
  url: string;
  bytes: number;
  gzipBytes: number;
}
export interface DirectorySearchResult {
  kind: string;
  pages: PageWeight[];
  services: number;
  locations: number;
  seedMs: number;
  cases: SearchCase[];
  p95AllMs: number;
}

const SERVICE_TYPES = ['food', 'medical', 'psychosocial', 'shelter', 'legal_aid', 'family_tracing', 'documentation', 'education', 'vocational_training', 'child_protection', 'transport', 'interpretation', 'reintegration_economic'];
const TARGET_GROUPS = ['victim_of_trafficking', 'unaccompanied_separated_child', 'returnee', 'stranded_migrant', 'gbv_survivor', 'person_with_disability'];
const KINDS = ['Centre de santé', 'Clinique juridique', 'Maison d’accueil', 'Espace ami des enfants', 'Point d’écoute', 'Bureau d’assistance', 'Foyer', 'Centre de formation'];
const TOWNS = {
  ML: ['Ségou', 'Kayes', 'Mopti', 'Gao', 'Tombouctou', 'Sikasso', 'Koutiala', 'Bougouni', 'Nioro du Sahel'],
  BF: ['Ouagadougou', 'Bobo-Dioulasso', 'Kaya', 'Dori', 'Fada N’Gourma', 'Ouahigouya', 'Tenkodogo', 'Banfora', 'Koudougou'],
} as const;
/** One current P-code per admin-1 region of each country. */
const PCODES = {
  ML: ADMIN1.filter((r) => r.country === 'ML').map((r) => r.codes[0]!.pcode),
  BF: ADMIN1.filter((r) => r.country === 'BF').map((r) => r.codes[0]!.pcode),
};
const LANGUAGES = ['fr', 'bm', 'en', 'ff', 'mos', 'son'];

/** Deterministic: every run searches the same directory. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function serviceAt(i: number, organisationId: string, rnd: () => number): CreateServiceInput {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const some = <T>(list: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pick(list)))];
  const country = rnd() < 0.5 ? 'ML' : 'BF';
  const town = pick(TOWNS[country]);
  const admin1 = pick(PCODES[country]);
  const paid = rnd() < 0.3;
  return {
    serviceId: randomUUID(),
    organisationId,
    name: `${pick(KINDS)} de ${town} n° ${i}`,
    description: 'Accueil, écoute et orientation des personnes migrantes et de leurs familles.',
    status: rnd() < 0.95 ? 'active' : 'inactive',
    visibility: 'public',
    serviceTypes: some(SERVICE_TYPES, 1 + Math.floor(rnd() * 3)),
    targetGroups: some(TARGET_GROUPS, Math.floor(rnd() * 3)),
    languages: some(LANGUAGES, 1 + Math.floor(rnd() * 3)),
    costs: [paid ? { kind: 'paid', amount: 500 * (1 + Math.floor(rnd() * 20)) } : { kind: 'free' }],
    phones: [{ number: `+${country === 'ML' ? 223 : 226} ${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`, languages: [] }],
    contacts: [],
    schedules: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: rnd() < 0.5 ? '16:00' : '18:00' }],
    coverage: [admin1],
    locations: Array.from({ length: 3 }, (_, k) => ({
      id: randomUUID(),
      locationType: 'physical' as const,
      name: `${town} — antenne ${k + 1}`,
      admin1Pcode: admin1,
      confidential: false,
      address: { address1: `Rue ${100 + k}, quartier ${k + 1}`, city: town, country },
    })),
  };
}

export async function seedDirectory(target: Target, services: number): Promise<number> {
  const opened = await openDatabase(target.config);
  try {
    const db = opened.database.db;
    const now = new Date();
    const rnd = random(20261122);
    const orgIds = Array.from({ length: 200 }, () => randomUUID());
    await db.transaction(async (tx) => {
      await seedTaxonomies(tx, now);
      await tx.insert(organisations).values(
        orgIds.map((id, i) => ({ id, name: `Partenaire ${i}`, acronym: null, type: 'ngo', country: i % 2 ? 'BF' : 'ML', regionPcodes: [], active: true, createdAt: now, updatedAt: now })),
      );
    });
    const t0 = performance.now();
    for (let start = 0; start < services; start += 250) {
      await db.transaction(async (tx) => {
        for (let i = start; i < Math.min(services, start + 250); i++) {
          const orgId = orgIds[i % orgIds.length]!;
          await writeService(tx, orgId, serviceAt(i, orgId, rnd) as never, now, 'create');
        }
      });
    }
    return performance.now() - t0;
  } finally {
    await opened.close();
  }
}

export async function benchDirectorySearch(kind: 'pglite' | 'postgres', options: { services: number; runs: number; log: (line: string) => void; adminUrl?: string }): Promise<DirectorySearchResult> {
  const target = kind === 'postgres' ? await postgresTarget(options.adminUrl ?? '') : await pgliteTarget();
  try {
    options.log(`  seeding ${options.services} services (${options.services * 3} locations) on ${kind}…`);
    const seedMs = await seedDirectory(target, options.services);
    const opened = await openDatabase(target.config);
    const registry = buildRegistry();
    const app = await buildApp({ config: target.config, database: opened.database, registry, version: SIRA_VERSION, logger: false });
    try {
      const db = opened.database.db;
      const organisationId = randomUUID();
      const base = { actor: SYSTEM_CLI, requestId: 'bench-directory', locale: 'fr' as const };
      await runCommand(db, registry, { ...base, name: 'organisation.create', commandId: randomUUID(), input: { organisationId, name: 'Bench', type: 'ngo', country: 'ML', regionPcodes: [] } });
      const email = 'caseworker@example.org';
      const password = 'bench password, long enough';
      await runCommand(db, registry, { ...base, name: 'user.create', commandId: randomUUID(), input: { userId: randomUUID(), email, displayName: 'Bench', password, organisationId, roles: ['case_manager'] } });
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const cases: [string, string][] = [
        ['words without accents ("segou")', 'q=segou'],
        ['two words ("clinique juridique")', 'q=clinique%20juridique'],
        ['word and region', `q=sante&region=${PCODES.ML[3]}`],
        ['service type and region', `serviceType=shelter&region=${PCODES.BF[2]}`],
        ['target group, cost and language', 'targetGroup=returnee&cost=free&language=bm'],
        ['parent service type (its children too)', 'serviceType=reintegration'],
        ['open now (at the time of the run)', 'openNow=true'],
        ['browse, no filter, page 3', 'page=3'],
      ];
      const result: SearchCase[] = [];
      const all: number[] = [];
      for (const [name, query] of cases) {
        const url = `/api/directory/services?${query}`;
        for (let w = 0; w < 3; w++) await app.inject({ method: 'GET', url, headers: { cookie } });
        const samples: number[] = [];
        let total = 0;
        for (let r = 0; r < options.runs; r++) {
          const t0 = performance.now();
          const res = await app.inject({ method: 'GET', url, headers: { cookie } });
          samples.push(performance.now() - t0);
          if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
          total = (res.json() as { total: number }).total;
        }
        all.push(...samples);
        result.push({ name, query, medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95), total });
        options.log(`  ${name}: median ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms (${total} results)`);
      }
      // The public pages a migrant opens on 2G, on the same directory: what they weigh.
      const pages: PageWeight[] = [];
      for (const [page, url] of [
        ['home (choose region and need)', '/annuaire?lang=bm'],
        ['one region, one need', `/annuaire/services?region=${PCODES.ML[3]}&need=shelter`],
        ['one region, every need', `/annuaire/services?region=${PCODES.ML[3]}`],
      ] as const) {
        const res = await app.inject({ method: 'GET', url });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
        const body = res.rawPayload;
        pages.push({ page, url, bytes: body.length, gzipBytes: gzipSync(body).length });
        options.log(`  public page ${page}: ${body.length} bytes, ${gzipSync(body).length} gzipped`);
      }
      return { kind, pages, services: options.services, locations: options.services * 3, seedMs, cases: result, p95AllMs: percentile(all, 95) };
    } finally {
      await app.close();
      await opened.close();
    }
  } finally {
    await target.cleanup();
  }
}

export function renderDirectorySearchReport(results: readonly DirectorySearchResult[]): string[] {
  const lines = ['### Directory search (10,000 services, 30,000 locations)', '', '`GET /api/directory/services` through the app: session, search, a page of 20 services loaded and presented.', ''];
  for (const r of results) {
    lines.push(`${r.kind}: ${r.services.toLocaleString('en')} services at ${r.locations.toLocaleString('en')} locations (written in ${(r.seedMs / 1000).toFixed(0)} s); p95 over all queries **${r.p95AllMs.toFixed(1)} ms**.`, '');
    lines.push('| query | results | median ms | p95 ms |', '| --- | ---: | ---: | ---: |');
    for (const c of r.cases) lines.push(`| ${c.name} | ${c.total} | ${c.medianMs.toFixed(1)} | ${c.p95Ms.toFixed(1)} |`);
    lines.push('');
  }
  const first = results[0];
  if (first) {
    lines.push('### Public directory page weight (`/annuaire`, no JavaScript, same 10,000 services)', '', '| page | bytes | gzip bytes |', '| --- | ---: | ---: |');
    for (const p of first.pages) lines.push(`| ${p.page} (\`${p.url}\`) | ${p.bytes} | ${p.gzipBytes} |`);
    lines.push('');
  }
  return lines;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const kind = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
  const services = Number(process.argv[3] ?? 10_000);
  void benchDirectorySearch(kind, { services, runs: 20, log: console.log, adminUrl: process.env.SIRA_BENCH_DATABASE_URL }).then((r) => console.log(renderDirectorySearchReport([r]).join('\n')));
}
