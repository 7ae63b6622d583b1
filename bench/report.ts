import fs from 'node:fs';
import type { ColdStartResult } from './cold-start.ts';
import type { PathRates, ThroughputResult } from './command-throughput.ts';
import type { MachineInfo } from './machine.ts';
import { type Summary, fmtMs, fmtRate } from './stats.ts';

export const START_MARKER = '<!-- bench:start -->';
export const END_MARKER = '<!-- bench:end -->';

export interface BenchReport {
  startedAt: Date;
  durationMs: number;
  machine: MachineInfo;
  /** 1-minute load average just before and just after the run. */
  load: { start: number; end: number };
  coldStart: ColdStartResult;
  passwordHash: Summary;
  throughput: ThroughputResult[];
  /** Backends not measured, with why (e.g. no PostgreSQL URL given). */
  skipped: string[];
}

const BACKEND_NAME = { pglite: 'Embedded (PGlite)', postgres: 'PostgreSQL' } as const;

function summaryRow(label: string, s: Summary): string {
  return `| ${label} | ${fmtMs(s.medianMs)} | ${fmtMs(s.minMs)} | ${fmtMs(s.maxMs)} | ${s.runs} |`;
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}`;
}

function throughputTable(t: ThroughputResult): string[] {
  const row = (label: string, r: PathRates) =>
    `| ${label} | ${fmtRate(r.sequential.perSecond)} | ${fmtMs(r.sequential.medianMs)} | ${fmtMs(r.sequential.p95Ms)} | ${fmtRate(r.concurrent.perSecond)} | ${fmtMs(r.concurrent.medianMs)} | ${fmtMs(r.concurrent.p95Ms)} |`;
  const c = t.concurrency;
  return [
    `#### ${BACKEND_NAME[t.backend]}, server ${t.serverVersion}`,
    '',
    `${t.n} operations per phase after ${t.warmup} untimed; ${t.rowsChecked} rows checked in \`organisations\` at the end.`,
    '',
    `| path | sequential ops/s | median ms | p95 ms | ${c} concurrent ops/s | median ms | p95 ms |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('HTTP `POST /api/commands/organisation.create`', t.http),
    row('in-process `runCommand` (no HTTP)', t.inProcess),
    row('direct `INSERT` (one per row)', t.direct),
    '',
    `HTTP / direct: **${ratio(t.http.sequential.perSecond, t.direct.sequential.perSecond)}** sequential, **${ratio(t.http.concurrent.perSecond, t.direct.concurrent.perSecond)}** with ${c} clients. ` +
      `HTTP / in-process: ${ratio(t.http.sequential.perSecond, t.inProcess.sequential.perSecond)} sequential, ${ratio(t.http.concurrent.perSecond, t.inProcess.concurrent.perSecond)} with ${c} clients.`,
    '',
  ];
}

/** A load above half the cores before the run, or above the cores after, means the run shared the CPU. */
export function busy(r: Pick<BenchReport, 'load' | 'machine'>): boolean {
  return r.load.start > r.machine.cores / 2 || r.load.end > r.machine.cores;
}

export function renderReport(r: BenchReport): string {
  const m = r.machine;
  const lines = [
    START_MARKER,
    '<!-- Written by `npm run bench`: everything between these markers is replaced on each run. -->',
    '',
    '## Latest figures',
    '',
    `- Date: ${r.startedAt.toISOString().replace(/\.\d+Z$/, 'Z')} (the run took ${(r.durationMs / 1000).toFixed(0)} s)`,
    `- Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB memory`,
    `- OS: ${m.os}; ${m.kernel}, ${m.arch}`,
    `- Node ${m.node}, PGlite ${m.pglite}`,
    `- Commit: ${m.commit}`,
    `- Load average (1 min) before / after the run: ${r.load.start.toFixed(2)} / ${r.load.end.toFixed(2)}${busy(r) ? ` (**other work was running on the machine: figures are lower and noisier than on an idle one**)` : ''}`,
    '',
    '### Cold start to first served request (embedded database)',
    '',
    '| case | median ms | min ms | max ms | runs |',
    '| --- | ---: | ---: | ---: | ---: |',
    summaryRow('fresh data folder (creates the database, runs migrations)', r.coldStart.fresh),
    summaryRow('existing data folder (second start)', r.coldStart.existing),
    summaryRow('for comparison: `node --import tsx` with an empty script', r.coldStart.processFloor),
    summaryRow('for comparison: SIGTERM to exit', r.coldStart.stop),
    '',
    '### Command throughput: HTTP against direct SQL',
    '',
  ];
  for (const t of r.throughput) lines.push(...throughputTable(t));
  for (const s of r.skipped) lines.push(`Not measured: ${s}`, '');
  lines.push(
    '### Password hashing',
    '',
    '| operation | median ms | min ms | max ms | runs |',
    '| --- | ---: | ---: | ---: | ---: |',
    summaryRow('argon2id `hashPassword` (19 MiB, t=2, p=1)', r.passwordHash),
    '',
    END_MARKER,
  );
  return `${lines.join('\n')}\n`;
}

const DEFAULT_INTRO = `# Benchmarks

Written by \`npm run bench\`; see the top of BENCHMARKS.md in the repository for what each figure means.

`;

/** Replaces the generated section, keeping whatever was written by hand above (and below) it. */
export function writeReport(file: string, section: string): void {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : DEFAULT_INTRO;
  const start = current.indexOf(START_MARKER);
  const end = current.indexOf(END_MARKER);
  let next: string;
  if (start !== -1 && end > start) {
    const after = current.slice(end + END_MARKER.length).replace(/^\n/, '');
    next = current.slice(0, start) + section + after;
  } else {
    next = `${current.trimEnd()}\n\n${section}`;
  }
  fs.writeFileSync(file, next);
}

/**
 * Replaces one generated section between its markers (added at the end the first time), leaving
 * the rest of the file as it is. A marker counts only on a line of its own, so prose that names
 * it is left alone.
 */
export function writeMarkedSection(file: string, startMarker: string, endMarker: string, section: string): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const start = lines.indexOf(startMarker);
  const end = lines.indexOf(endMarker);
  const own = section.replace(/\n$/, '').split('\n');
  const next = start !== -1 && end > start ? [...lines.slice(0, start), ...own, ...lines.slice(end + 1)] : [...lines.join('\n').trimEnd().split('\n'), '', ...own, ''];
  fs.writeFileSync(file, next.join('\n'));
}

/** The line under a generated section's title: when, how long, on what machine, and how busy it was. */
export function runLine(meta: { startedAt: Date; durationMs: number; machine: MachineInfo; load: { start: number; end: number } }): string {
  const m = meta.machine;
  return (
    `${meta.startedAt.toISOString().replace(/\.\d+Z$/, 'Z')}, ${(meta.durationMs / 1000).toFixed(0)} s; ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}, PGlite ${m.pglite}; commit ${m.commit}. ` +
    `Load average (1 min) before / after: ${meta.load.start.toFixed(2)} / ${meta.load.end.toFixed(2)}${busy({ load: meta.load, machine: m }) ? ' (**busy: other work was running on the machine; figures are lower and noisier than on an idle one**)' : ''}.`
  );
}
