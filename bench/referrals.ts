import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildRegistry } from '../src/server/commands/registry.ts';
import { queryRows } from '../src/server/db/rows.ts';
import { type MachineInfo, REPO_ROOT, loadAverage, machineInfo } from './machine.ts';
import { type InboxResult, BIG_RECEIVERS, EXPLAIN_ABOVE_MS, benchInbox } from './referrals-inbox.ts';
import { startApp } from './referrals-app.ts';
import { type Latency, type ReferralWritesResult, benchReferralWrites, seedWrites } from './referrals-writes.ts';
import { runLine, writeMarkedSection } from './report.ts';
import { fmtMs } from './stats.ts';
import { pgliteTarget, postgresTarget } from './targets.ts';

/**
 * Referrals (issue #8): create and accept through the API against the same rows written in
 * plain SQL, in the same run on the same database; then the provider inbox against a register
 * of 1,000,000 referrals on PostgreSQL (50,000 on the embedded database). One fresh database
 * per backend, dropped at the end.
 */

export const REFERRALS_START = '<!-- referrals:start -->';
export const REFERRALS_END = '<!-- referrals:end -->';

export interface ReferralBenchResult {
  backend: 'pglite' | 'postgres';
  serverVersion: string;
  writes: ReferralWritesResult;
  inbox: InboxResult;
}

export interface ReferralBenchOptions {
  /** Referrals created (then accepted) per measured path. */
  n: number;
  warmup: number;
  /** Referrals in the register the inbox is timed against. */
  register: number;
  requests: number;
  log: (line: string) => void;
  adminUrl?: string | undefined;
}

export async function benchReferrals(kind: 'pglite' | 'postgres', options: ReferralBenchOptions): Promise<ReferralBenchResult> {
  const target = kind === 'postgres' ? await postgresTarget(options.adminUrl ?? '') : await pgliteTarget();
  try {
    const running = await startApp(target.config, buildRegistry());
    try {
      const [version] = await queryRows<{ server_version: string }>(running.db, sql`show server_version`);
      options.log(`  create + accept, ${options.n} per path after ${options.warmup} untimed`);
      const fixture = await seedWrites(running.db, target.config, running);
      const writes = await benchReferralWrites(running, target.config, fixture, options);
      const inbox = await benchInbox(running, target.config, { referrals: options.register, requests: options.requests, log: options.log });
      return { backend: kind, serverVersion: version?.server_version ?? 'unknown', writes, inbox };
    } finally {
      await running.stop();
    }
  } finally {
    await target.cleanup();
  }
}

const BACKEND_NAME = { pglite: 'Embedded (PGlite)', postgres: 'PostgreSQL' } as const;

function row(label: string, l: Latency): string {
  return `${label} | ${fmtMs(l.medianMs)} | ${fmtMs(l.p95Ms)}`;
}

function perOpText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, v]) => `${Number.isInteger(v) ? v : v.toFixed(2)} \`${table}\``)
    .join(', ');
}

function backendSection(r: ReferralBenchResult): string[] {
  const w = r.writes;
  const i = r.inbox;
  const ratio = (a: Latency, b: Latency) => (a.medianMs / b.medianMs).toFixed(1);
  const lines = [
    `#### ${BACKEND_NAME[r.backend]}, server ${r.serverVersion}`,
    '',
    `Create then accept, ${w.n} referrals per path after ${w.warmup} untimed, one at a time; ${w.rowsChecked} referrals (all accepted) and ${w.eventsChecked} events checked at the end.`,
    '',
    '| operation | path | median ms | p95 ms |',
    '| --- | --- | ---: | ---: |',
    `| create | ${row('HTTP `POST /api/commands/referral.create`', w.api.create)} |`,
    `| create | ${row('in-process `runCommand`', w.inProcess.create)} |`,
    `| create | ${row('plain SQL (INSERT referral + INSERT event, one transaction)', w.sql.create)} |`,
    `| accept | ${row('HTTP `POST /api/commands/referral.accept`', w.api.accept)} |`,
    `| accept | ${row('in-process `runCommand`', w.inProcess.accept)} |`,
    `| accept | ${row('plain SQL (UPDATE referral + INSERT event, one transaction)', w.sql.accept)} |`,
    '',
    `API / SQL (median): **${ratio(w.api.create, w.sql.create)}×** for create, **${ratio(w.api.accept, w.sql.accept)}×** for accept ` +
      `(p95: ${(w.api.create.p95Ms / w.sql.create.p95Ms).toFixed(1)}×, ${(w.api.accept.p95Ms / w.sql.accept.p95Ms).toFixed(1)}×). ` +
      `Rows each API create added: ${perOpText(w.rowsPerOp.create)}; each accept: ${perOpText(w.rowsPerOp.accept)}.`,
    '',
    `Provider inbox: ${i.referrals.toLocaleString('en')} referrals from ${i.cases.toLocaleString('en')} cases over ${i.organisations} organisations (${BIG_RECEIVERS} receivers get half of them), loaded in ${(i.loadMs / 1000).toFixed(0)} s. ` +
      `\`GET /api/referrals/inbox?view=…\` (page 1, 25 per page, with the tab counts) for a focal point of a big receiver holding ${i.receiverReferrals.toLocaleString('en')} referrals, ${i.views[0]?.requests ?? 0} requests per view after 5 untimed.`,
    '',
    '| view | referrals in view | median ms | p95 ms | max ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...i.views.map((v) => `| ${v.view} | ${v.matching.toLocaleString('en')} | ${fmtMs(v.medianMs)} | ${fmtMs(v.p95Ms)} | ${fmtMs(v.maxMs)} |`),
    '',
  ];
  if (i.explain) {
    lines.push(
      `The slowest view's p95 is over ${EXPLAIN_ABOVE_MS} ms: plan of its slowest query (the ${i.explain.query === 'page' ? 'page' : 'tab counts'} of \`${i.explain.view}\`), \`EXPLAIN (ANALYZE, BUFFERS)\`:`,
      '',
      '```text',
      ...i.explain.plan,
      '```',
      '',
    );
    const p95 = i.views.find((v) => v.view === i.explain?.view)?.p95Ms ?? 0;
    if (i.explain.executionMs >= p95 / 4) lines.push(`That query alone runs in ${fmtMs(i.explain.executionMs)} ms of the view's ${fmtMs(p95)} ms p95.`, '');
    else
      lines.push(
        `That query runs in ${fmtMs(i.explain.executionMs)} ms of the view's ${fmtMs(p95)} ms p95: the database is not where the time goes (the rest is the session, the second query, presenting and serialising the page, and the shared machine); no index would change the p95.`,
        '',
      );
  }
  return lines;
}

export function renderReferralsReport(results: readonly ReferralBenchResult[], meta: { startedAt: Date; durationMs: number; machine: MachineInfo; load: { start: number; end: number }; skipped: string[] }): string {
  const lines = [
    REFERRALS_START,
    '<!-- Written by `npm run bench` (alone: SIRA_BENCH_ONLY=referrals): everything between these markers is replaced on each run. -->',
    '',
    '### Referrals: create and accept against plain SQL; provider inbox',
    '',
    runLine(meta),
    '',
  ];
  for (const r of results) lines.push(...backendSection(r));
  for (const s of meta.skipped) lines.push(`Not measured: ${s}`, '');
  lines.push(REFERRALS_END);
  return `${lines.join('\n')}\n`;
}

/** Replaces the referrals section only (added at the end the first time), leaving the rest of the file as it is. */
export function writeReferralsSection(file: string, section: string): void {
  writeMarkedSection(file, REFERRALS_START, REFERRALS_END, section);
}

/** The whole referrals part of the run, both backends; returns the section for BENCHMARKS.md. */
export async function runReferralBenches(options: { n: number; registerPostgres: number; registerPglite: number; requests: number; log: (line: string) => void }): Promise<string> {
  const startedAt = new Date();
  const t0 = performance.now();
  const loadStart = loadAverage();
  const adminUrl = process.env.SIRA_BENCH_DATABASE_URL;
  const backends: Array<'pglite' | 'postgres'> = adminUrl ? ['pglite', 'postgres'] : ['pglite'];
  const skipped = adminUrl ? [] : ['PostgreSQL (SIRA_BENCH_DATABASE_URL was not set), so not the inbox with 1,000,000 referrals.'];
  const results: ReferralBenchResult[] = [];
  for (const kind of backends) {
    const register = kind === 'postgres' ? options.registerPostgres : options.registerPglite;
    options.log(`\nReferrals, ${kind}: create + accept (API and SQL), then the inbox with ${register.toLocaleString('en')} referrals`);
    results.push(await benchReferrals(kind, { n: options.n, warmup: 20, register, requests: options.requests, log: options.log, adminUrl }));
  }
  return renderReferralsReport(results, { startedAt, durationMs: performance.now() - t0, machine: machineInfo(), load: { start: loadStart, end: loadAverage() }, skipped });
}

export const BENCHMARKS_FILE = path.join(REPO_ROOT, 'BENCHMARKS.md');
