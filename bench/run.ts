/**
 * `npm run bench`: measures cold start, command throughput (HTTP against direct SQL, on the
 * embedded database and, when SIRA_BENCH_DATABASE_URL is set, on PostgreSQL), password
 * hashing, directory search on 10,000 services (both backends), duplicate detection (quality on the development set, time of a 100,000-record batch),
 * and the web app's JavaScript size and login page load time on emulated 3G
 * (bench/web-*.ts), prints the figures and writes them into BENCHMARKS.md. Nothing here passes or
 * fails on a number; the run fails only if the server does not work.
 *
 * Optional environment:
 *   SIRA_BENCH_DATABASE_URL  a PostgreSQL server the run may create (and drop) a database on
 *   SIRA_BENCH_COMMANDS      operations per throughput phase (default 500, at most 5000)
 *   SIRA_BENCH_RUNS          cold starts per case (default 5, at most 20)
 *   SIRA_BENCH_WEB_RUNS      web app loads per network profile (default 5, at most 20)
 *   SIRA_BENCH_DIRECTORY_SERVICES  services in the directory searched (default 10000, at most 50000)
 *   SIRA_BENCH_DEDUPE_BATCH  records in the synthetic dedupe batch (default 100000, at most 1000000)
 *   SIRA_BENCH_REGISTER      persons in the register the registration-time duplicate check runs against
 *                            (default 1000000 on PostgreSQL, 50000 on the embedded database)
 *   SIRA_BENCH_REFERRALS     referrals created then accepted per path (default 300, at most 5000)
 *   SIRA_BENCH_REFERRAL_REGISTER  referrals in the register the provider inbox is timed against
 *                            (default 1000000 on PostgreSQL, 50000 on the embedded database)
 *   SIRA_BENCH_ACTIVITY_PARTICIPANTS  participants of the benchmarked training (default 200, at most 2000)
 *   SIRA_BENCH_ONLY=referrals  run only the referral benchmarks and rewrite only their section
 *   SIRA_BENCH_ONLY=activities run only the community activity benchmarks and rewrite only their section
 *   SIRA_BENCH_NO_WRITE=1    print only, leave BENCHMARKS.md alone
 */
import path from 'node:path';
import { benchColdStart } from './cold-start.ts';
import { type ThroughputResult, benchCommandThroughput } from './command-throughput.ts';
import { benchDedupe, renderDedupeReport } from './dedupe.ts';
import { type RegistrationCheckResult, benchRegistrationCheck, benchRegistrationQuality, renderRegistrationCheckReport } from './registration-check.ts';
import { type DirectorySearchResult, benchDirectorySearch, renderDirectorySearchReport } from './directory-search.ts';
import { REPO_ROOT, loadAverage, machineInfo } from './machine.ts';
import { benchPasswordHash } from './password-hash.ts';
import { ACTIVITIES_END, ACTIVITIES_START, runActivityBenches } from './activities.ts';
import { BENCHMARKS_FILE, runReferralBenches, writeReferralsSection } from './referrals.ts';
import { END_MARKER, busy, renderReport, writeMarkedSection, writeReport } from './report.ts';
import { fmtMs } from './stats.ts';
import { benchWeb } from './web-load.ts';
import { renderWebReport } from './web-report.ts';

/** The whole run is abandoned past this: figures are only written when everything finished. */
const RUN_TIMEOUT_MS = 45 * 60_000;

function intFromEnv(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number.parseInt(raw, 10);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be an integer from 1 to ${max}`);
  return n;
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`benchmark exceeded ${RUN_TIMEOUT_MS / 60_000} minutes; nothing written`);
    process.exit(1);
  }, RUN_TIMEOUT_MS);
  watchdog.unref();

  const startedAt = new Date();
  const t0 = performance.now();
  const n = intFromEnv('SIRA_BENCH_COMMANDS', 500, 5000);
  const runs = intFromEnv('SIRA_BENCH_RUNS', 5, 20);
  const concurrency = 8;
  const warmup = 25;
  const log = (line: string) => console.log(line);
  const referralOptions = () => {
    const registerAll = process.env.SIRA_BENCH_REFERRAL_REGISTER ? intFromEnv('SIRA_BENCH_REFERRAL_REGISTER', 1, 2_000_000) : undefined;
    return { n: intFromEnv('SIRA_BENCH_REFERRALS', 300, 5000), registerPostgres: registerAll ?? 1_000_000, registerPglite: registerAll ?? 50_000, requests: 200, log };
  };
  const activityOptions = () => ({ participants: intFromEnv('SIRA_BENCH_ACTIVITY_PARTICIPANTS', 200, 2000), days: 3, downloads: 5, log });
  if (process.env.SIRA_BENCH_ONLY === 'activities') {
    const activitiesSection = await runActivityBenches(activityOptions());
    if (process.env.SIRA_BENCH_NO_WRITE === '1') log(`\n${activitiesSection}`);
    else writeMarkedSection(BENCHMARKS_FILE, ACTIVITIES_START, ACTIVITIES_END, activitiesSection);
    return;
  }
  if (process.env.SIRA_BENCH_ONLY === 'referrals') {
    const referralsSection = await runReferralBenches(referralOptions());
    if (process.env.SIRA_BENCH_NO_WRITE === '1') log(`\n${referralsSection}`);
    else writeReferralsSection(BENCHMARKS_FILE, referralsSection);
    return;
  }

  const machine = machineInfo();
  const loadStart = loadAverage();
  log(`Sira benchmarks, ${startedAt.toISOString()}`);
  log(`${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, commit ${machine.commit}`);
  log(`load average (1 min): ${loadStart.toFixed(2)}`);
  if (busy({ load: { start: loadStart, end: 0 }, machine })) log('warning: the machine is busy; figures will be lower and noisier than on an idle one');

  log('\nPassword hashing (argon2id)');
  const passwordHash = await benchPasswordHash(5);
  log(`  hashPassword: median ${fmtMs(passwordHash.medianMs)} ms (min ${fmtMs(passwordHash.minMs)}, max ${fmtMs(passwordHash.maxMs)})`);

  log(`\nCold start to first /healthz 200, embedded database, ${runs} runs per case`);
  const coldStart = await benchColdStart(runs, log);
  log(`  fresh folder:    median ${fmtMs(coldStart.fresh.medianMs)} ms (min ${fmtMs(coldStart.fresh.minMs)}, max ${fmtMs(coldStart.fresh.maxMs)})`);
  log(`  existing folder: median ${fmtMs(coldStart.existing.medianMs)} ms (min ${fmtMs(coldStart.existing.minMs)}, max ${fmtMs(coldStart.existing.maxMs)})`);
  log(`  node+tsx floor:  median ${fmtMs(coldStart.processFloor.medianMs)} ms; SIGTERM to exit median ${fmtMs(coldStart.stop.medianMs)} ms`);

  const throughput: ThroughputResult[] = [];
  const skipped: string[] = [];
  const backends: Array<'pglite' | 'postgres'> = ['pglite'];
  if (process.env.SIRA_BENCH_DATABASE_URL) backends.push('postgres');
  else skipped.push('PostgreSQL (SIRA_BENCH_DATABASE_URL was not set).');
  for (const kind of backends) {
    log(`\nCommand throughput, ${kind}: ${n} organisation.create per phase, sequential and ${concurrency} concurrent`);
    const t = await benchCommandThroughput(kind, { n, concurrency, warmup, log });
    log(`  HTTP / direct: ${(t.http.sequential.perSecond / t.direct.sequential.perSecond).toFixed(2)} sequential, ${(t.http.concurrent.perSecond / t.direct.concurrent.perSecond).toFixed(2)} concurrent`);
    throughput.push(t);
  }

  const directoryServices = intFromEnv('SIRA_BENCH_DIRECTORY_SERVICES', 10_000, 50_000);
  const directory: DirectorySearchResult[] = [];
  for (const kind of backends) {
    log(`\nDirectory search, ${kind}: ${directoryServices} services, 20 runs per query`);
    directory.push(await benchDirectorySearch(kind, { services: directoryServices, runs: 20, log, adminUrl: process.env.SIRA_BENCH_DATABASE_URL }));
  }

  const dedupeBatch = intFromEnv('SIRA_BENCH_DEDUPE_BATCH', 100_000, 1_000_000);
  log(`\nDuplicate detection: development set, then a batch of ${dedupeBatch} synthetic records`);
  const dedupe = benchDedupe(dedupeBatch, log);

  log('\nDuplicate check at registration: quality on the development set (blind indexes, decryption, scoring)');
  const registrationQuality = await benchRegistrationQuality(log);
  const registrationChecks: RegistrationCheckResult[] = [];
  for (const kind of backends) {
    const persons = intFromEnv('SIRA_BENCH_REGISTER', kind === 'postgres' ? 1_000_000 : 50_000, 2_000_000);
    log(`\nDuplicate check at registration, ${kind}: ${persons} persons registered, 200 checks`);
    registrationChecks.push(await benchRegistrationCheck(kind, { persons, probes: 200, log, adminUrl: process.env.SIRA_BENCH_DATABASE_URL }));
  }

  const referralsSection = await runReferralBenches(referralOptions());
  const activitiesSection = await runActivityBenches(activityOptions());

  const webRuns = intFromEnv('SIRA_BENCH_WEB_RUNS', 5, 20);
  log(`\nWeb app: bytes of JavaScript, and login page load time under network emulation, ${webRuns} runs per profile`);
  const web = await benchWeb(webRuns, log);

  const durationMs = performance.now() - t0;
  const load = { start: loadStart, end: loadAverage() };
  log(`\nload average (1 min) after the run: ${load.end.toFixed(2)}`);
  // The web figures go last in the generated section, inside its end marker.
  const section = renderReport({ startedAt, durationMs, machine, load, coldStart, passwordHash, throughput, skipped }).replace(
    END_MARKER,
    `${[...renderDirectorySearchReport(directory), ...renderDedupeReport(dedupe), ...renderRegistrationCheckReport(registrationChecks, registrationQuality), ...renderWebReport(web)].join('\n')}\n${END_MARKER}`,
  );
  if (process.env.SIRA_BENCH_NO_WRITE === '1') {
    log(`\n${section}\n${referralsSection}\n${activitiesSection}`);
  } else {
    const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
    writeReport(file, section);
    writeReferralsSection(file, referralsSection);
    writeMarkedSection(file, ACTIVITIES_START, ACTIVITIES_END, activitiesSection);
    log(`\nWrote ${path.relative(process.cwd(), file) || file} (${(durationMs / 1000).toFixed(0)} s)`);
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  },
);
