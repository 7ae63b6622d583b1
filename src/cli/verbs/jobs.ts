import { type JobStatus, listJobs } from '../../server/jobs/queue.ts';
import { EXIT, UsageError, type Verb, parseVerbArgs, withDatabase } from '../context.ts';
import { formatTable } from '../print.ts';

const STATUSES: readonly JobStatus[] = ['pending', 'running', 'succeeded', 'dead'];
const ERROR_WIDTH = 60;

/** Lists the most recent jobs, to see at a glance what is stuck or dead. */
export const jobs: Verb = async (ctx, args) => {
  const { values } = parseVerbArgs(args, { status: { type: 'string' } });
  const status = values.status as JobStatus | undefined;
  if (status !== undefined && !STATUSES.includes(status)) throw new UsageError('cli.invalidOption', { option: '--status', value: status });
  const rows = await withDatabase(ctx, { migrate: false }, (db) => listJobs(db, status ? { status } : {}));
  if (rows.length === 0) {
    ctx.out(ctx.t('cli.jobs.none'));
    return EXIT.ok;
  }
  const header = ['id', 'kind', 'status', 'attempts', 'runAt', 'lastError'].map((c) => ctx.t(`cli.jobs.col.${c}`));
  const cells = rows.map((j) => [
    j.id,
    j.kind,
    j.status,
    `${j.attempts}/${j.maxAttempts}`,
    j.runAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    oneLine(j.lastError ?? ''),
  ]);
  ctx.out(formatTable(header, cells));
  return EXIT.ok;
};

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > ERROR_WIDTH ? `${flat.slice(0, ERROR_WIDTH - 1)}…` : flat;
}
