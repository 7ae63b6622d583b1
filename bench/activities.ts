import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SATISFACTION_ITEMS, SATISFACTION_SCALE, knowledgeNrmForm, satisfactionForm } from '../src/domain/activities/forms/index.ts';
import type { Question } from '../src/domain/forms/definition.ts';
import { questions } from '../src/domain/forms/definition.ts';
import { buildRegistry } from '../src/server/commands/registry.ts';
import { queryRows } from '../src/server/db/rows.ts';
import { type MachineInfo, loadAverage, machineInfo } from './machine.ts';
import { type RunningApp, type Session, cli, createOrganisation, createUser, login, postCommand, startApp } from './referrals-app.ts';
import { runLine } from './report.ts';
import { fmtMs, percentile } from './stats.ts';
import { pgliteTarget, postgresTarget } from './targets.ts';

/**
 * Community activities (issue #9): a big training, entered the way the field enters it — each
 * participant registered, a roll call per day, a pre and a post test and a satisfaction survey per
 * person, one at a time through the API — then what the officer downloads afterwards: the results
 * page, the report as DOCX and PDF, the attendance sheet, the Excel sheet and its import. One
 * fresh database per backend, dropped at the end. Nothing here passes or fails on a number.
 */

export const ACTIVITIES_START = '<!-- activities:start -->';
export const ACTIVITIES_END = '<!-- activities:end -->';

/** A ceiling on any one phase: the count bounds the work, this bounds the time if something stalls. */
const PHASE_TIMEOUT_MS = 240_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Latency {
  ops: number;
  medianMs: number;
  p95Ms: number;
  /** Response size of the last request, bytes as sent (no compression for binary documents). */
  bytes?: number;
}

export interface ActivitiesBenchResult {
  backend: 'pglite' | 'postgres';
  serverVersion: string;
  participants: number;
  days: number;
  writes: { register: Latency; rollCall: Latency; test: Latency; survey: Latency };
  reads: { results: Latency; reportDocx: Latency; reportPdf: Latency; sheetPdf: Latency; workbook: Latency; importWorkbook: Latency };
  checked: { distinct: number; paired: number };
}

async function timed(total: number, op: (i: number) => Promise<number | void>): Promise<Latency> {
  const samples: number[] = [];
  const deadline = performance.now() + PHASE_TIMEOUT_MS;
  let bytes: number | undefined;
  for (let i = 0; i < total; i++) {
    if (performance.now() > deadline) throw new Error(`phase exceeded ${PHASE_TIMEOUT_MS} ms`);
    const t0 = performance.now();
    const size = await op(i);
    samples.push(performance.now() - t0);
    if (typeof size === 'number') bytes = size;
  }
  return { ops: total, medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95), ...(bytes === undefined ? {} : { bytes }) };
}

async function download(baseUrl: string, session: Session, url: string): Promise<number> {
  const res = await fetch(`${baseUrl}${url}`, { headers: { cookie: session.cookie } });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.toString('utf8').slice(0, 300)}`);
  return body.length;
}

/** A deterministic spread of answers: the post test better than the pre test, as after a training. */
function knowledgeAnswers(i: number, phase: 'pre' | 'post'): Record<string, string> {
  const scored = questions(knowledgeNrmForm).filter((q): q is Question & { scoring: NonNullable<Question['scoring']> } => q.scoring !== undefined);
  const answers: Record<string, string> = {};
  scored.forEach((q, k) => {
    const list = knowledgeNrmForm.choices[q.listName ?? ''] ?? [];
    const right = q.scoring.correct[0] ?? '';
    const wrong = list.find((c) => c.name !== right)?.name ?? right;
    const threshold = phase === 'pre' ? 45 : 80;
    answers[q.name] = (i * 37 + k * 53) % 100 < threshold ? right : wrong;
  });
  return answers;
}

function surveyAnswers(i: number): Record<string, string> {
  const scale = satisfactionForm.choices[SATISFACTION_SCALE] ?? [];
  return Object.fromEntries(SATISFACTION_ITEMS.map((item, k) => [item, scale[Math.min(scale.length - 1, 2 + ((i + k) % 3))]?.name ?? '']));
}

export async function benchActivities(kind: 'pglite' | 'postgres', options: { participants: number; days: number; downloads: number; log: (line: string) => void; adminUrl?: string | undefined }): Promise<ActivitiesBenchResult> {
  const target = kind === 'postgres' ? await postgresTarget(options.adminUrl ?? '') : await pgliteTarget();
  try {
    const registry = buildRegistry();
    const running: RunningApp = await startApp(target.config, registry);
    try {
      const [version] = await queryRows<{ server_version: string }>(running.db, sql`show server_version`);
      const { db } = running;
      await cli(db, registry, target.config, 'form.seed_builtin', {});
      await cli(db, registry, target.config, 'activity_library.seed_builtin', {});
      const organisationId = await createOrganisation(db, registry, target.config, 'Bench formation');
      await createUser(db, registry, target.config, organisationId, ['community_engagement_officer'], 'bench-officer@example.org');
      const officer = await login(running.baseUrl, 'bench-officer@example.org');
      const base = running.baseUrl;

      const startDate = '2026-12-07';
      const endDate = new Date(Date.parse(startDate) + (options.days - 1) * 86_400_000).toISOString().slice(0, 10);
      const { activityId } = await postCommand<{ activityId: string }>(base, officer, 'activity.create', {
        activity: {
          type: 'training',
          title: 'Formation des partenaires sur les procédures opérationnelles standard',
          objectives: ['Connaître les étapes du référencement'],
          themes: ['Identification des victimes de traite'],
          audiences: ['partners', 'security_forces'],
          locationPcode: 'ML03',
          venue: 'Salle de conférence, Sikasso',
          startDate,
          endDate,
          organiserOrganisationIds: [organisationId],
        },
        attendanceMode: 'named',
        knowledgeTestFormKey: knowledgeNrmForm.formId,
        satisfactionFormKey: satisfactionForm.formId,
      });
      const detailVersion = async () => ((await (await fetch(`${base}/api/activities/${activityId}`, { headers: { cookie: officer.cookie } })).json()) as { version: number }).version;
      await postCommand(base, officer, 'activity.confirm', { activityId, expectedVersion: await detailVersion() });

      const n = options.participants;
      options.log(`  ${n} participants, ${options.days} days: register, roll call, pre + post test and survey each, through the API`);
      const codes: string[] = [];
      const sexes = ['female', 'male'] as const;
      const bands = ['18-24', '25-59'] as const;
      const register = await timed(n, async (i) => {
        const { participantCode } = await postCommand<{ participantCode: string }>(base, officer, 'activity.add_participant', {
          activityId,
          sex: sexes[i % 2],
          ageBand: bands[i % 2],
          category: i % 3 === 0 ? 'security_forces' : 'partners',
          consentToBeNamed: i % 4 === 0,
          ...(i % 4 === 0 ? { name: `Participant ${i} (synthétique)` } : {}),
        });
        codes.push(participantCode);
      });
      // Everyone on day 1, then one in ten missing each following day.
      const rollCall = await timed(options.days, async (d) => {
        await postCommand(base, officer, 'activity.mark_attendance', { activityId, day: d + 1, presentCodes: codes.filter((_, i) => d === 0 || i % 10 !== d) });
      });
      const formVersion = 1;
      const test = await timed(2 * n, async (k) => {
        const phase = k < n ? 'pre' : 'post';
        const i = k % n;
        await postCommand(base, officer, 'activity.record_evaluation', { activityId, kind: phase, participantCode: codes[i], formVersion, answers: knowledgeAnswers(i, phase), source: i % 2 === 0 ? 'paper' : 'online' });
      });
      const survey = await timed(n, async (i) => {
        await postCommand(base, officer, 'activity.record_evaluation', { activityId, kind: 'satisfaction', participantCode: null, formVersion, answers: surveyAnswers(i), source: 'paper' });
      });
      await postCommand(base, officer, 'activity.hold', { activityId, expectedVersion: await detailVersion() });

      options.log(`  downloads, ${options.downloads} each after 1 untimed`);
      const each = async (url: string) => {
        await download(base, officer, url);
        return timed(options.downloads, () => download(base, officer, url));
      };
      const results = await each(`/api/activities/${activityId}/results?lang=fr`);
      const reportDocx = await each(`/api/activities/${activityId}/report.docx?lang=fr`);
      const reportPdf = await each(`/api/activities/${activityId}/report.pdf?lang=fr`);
      const sheetPdf = await each(`/api/activities/${activityId}/attendance-sheet.pdf?lang=fr&rows=20`);
      const workbook = await each(`/api/activities/${activityId}/attendance-template.xlsx?lang=fr`);

      // The Excel sheet as downloaded holds every registered participant with their days: typed back in, it updates all of them.
      const filled = Buffer.from(await (await fetch(`${base}/api/activities/${activityId}/attendance-template.xlsx?lang=fr`, { headers: { cookie: officer.cookie } })).arrayBuffer());
      const importWorkbook = await timed(Math.max(1, Math.min(5, options.downloads)), async () => {
        const res = await fetch(`${base}/api/activities/${activityId}/attendance/import?commandId=${randomUUID()}`, {
          method: 'POST',
          headers: { 'content-type': XLSX, cookie: officer.cookie, 'x-csrf-token': officer.csrf },
          body: filled,
        });
        const body = (await res.json()) as { result?: { updated: number }; updated?: number };
        if (res.status !== 200) throw new Error(`import: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        return filled.length;
      });

      const figures = (await (await fetch(`${base}/api/activities/${activityId}/results?lang=fr`, { headers: { cookie: officer.cookie } })).json()) as {
        attendance: { overall: { total: number } };
        knowledge: { gain: { nPaired: number } } | null;
      };
      if (figures.attendance.overall.total !== n) throw new Error(`results count ${figures.attendance.overall.total} participants, ${n} were registered`);
      if (figures.knowledge?.gain.nPaired !== n) throw new Error(`results pair ${figures.knowledge?.gain.nPaired} participants, ${n} took both tests`);
      return {
        backend: kind,
        serverVersion: version?.server_version ?? 'unknown',
        participants: n,
        days: options.days,
        writes: { register, rollCall, test, survey },
        reads: { results, reportDocx, reportPdf, sheetPdf, workbook, importWorkbook },
        checked: { distinct: figures.attendance.overall.total, paired: figures.knowledge.gain.nPaired },
      };
    } finally {
      await running.stop();
    }
  } finally {
    await target.cleanup();
  }
}

const BACKEND_NAME = { pglite: 'Embedded (PGlite)', postgres: 'PostgreSQL' } as const;
const kb = (bytes: number | undefined) => (bytes === undefined ? '' : `${(bytes / 1024).toFixed(1)} kB`);

function backendSection(r: ActivitiesBenchResult): string[] {
  const line = (what: string, l: Latency) => `| ${what} | ${l.ops} | ${fmtMs(l.medianMs)} | ${fmtMs(l.p95Ms)} | ${kb(l.bytes)} |`;
  return [
    `#### ${BACKEND_NAME[r.backend]}, server ${r.serverVersion}`,
    '',
    `A training of ${r.participants} named participants over ${r.days} days, everything through the HTTP API one request at a time; at the end the results counted ${r.checked.distinct} distinct participants and ${r.checked.paired} paired pre/post tests, as entered.`,
    '',
    '| operation | requests | median ms | p95 ms | size |',
    '| --- | ---: | ---: | ---: | ---: |',
    line('`activity.add_participant` (code drawn by the server)', r.writes.register),
    line(`\`activity.mark_attendance\` (roll call of a day, ${r.participants} codes)`, r.writes.rollCall),
    line('`activity.record_evaluation`, knowledge test (checked by the forms engine, scored)', r.writes.test),
    line('`activity.record_evaluation`, satisfaction survey', r.writes.survey),
    line('`GET /api/activities/:id/results` (attendance, pre/post, gain, Likert)', r.reads.results),
    line('`GET …/report.docx` (with the chart as PNG)', r.reads.reportDocx),
    line('`GET …/report.pdf`', r.reads.reportPdf),
    line('`GET …/attendance-sheet.pdf` (+20 blank lines)', r.reads.sheetPdf),
    line('`GET …/attendance-template.xlsx`', r.reads.workbook),
    line(`\`POST …/attendance/import\` (${r.participants} rows, all updates; size of the file sent)`, r.reads.importWorkbook),
    '',
  ];
}

export function renderActivitiesReport(results: readonly ActivitiesBenchResult[], meta: { startedAt: Date; durationMs: number; machine: MachineInfo; load: { start: number; end: number }; skipped: string[] }): string {
  const lines = [
    ACTIVITIES_START,
    '<!-- Written by `npm run bench` (alone: SIRA_BENCH_ONLY=activities): everything between these markers is replaced on each run. -->',
    '',
    '### Community activities: entering a training, then its results and documents',
    '',
    runLine(meta),
    '',
  ];
  for (const r of results) lines.push(...backendSection(r));
  for (const s of meta.skipped) lines.push(`Not measured: ${s}`, '');
  lines.push(ACTIVITIES_END);
  return `${lines.join('\n')}\n`;
}

/** Both backends (PostgreSQL when SIRA_BENCH_DATABASE_URL is set); returns the section for BENCHMARKS.md. */
export async function runActivityBenches(options: { participants: number; days: number; downloads: number; log: (line: string) => void }): Promise<string> {
  const startedAt = new Date();
  const t0 = performance.now();
  const loadStart = loadAverage();
  const adminUrl = process.env.SIRA_BENCH_DATABASE_URL;
  const backends: Array<'pglite' | 'postgres'> = adminUrl ? ['pglite', 'postgres'] : ['pglite'];
  const skipped = adminUrl ? [] : ['PostgreSQL (SIRA_BENCH_DATABASE_URL was not set).'];
  const results: ActivitiesBenchResult[] = [];
  for (const kind of backends) {
    options.log(`\nActivities, ${kind}`);
    results.push(await benchActivities(kind, { ...options, adminUrl }));
  }
  return renderActivitiesReport(results, { startedAt, durationMs: performance.now() - t0, machine: machineInfo(), load: { start: loadStart, end: loadAverage() }, skipped });
}
