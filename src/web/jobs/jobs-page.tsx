import { useQuery } from '@tanstack/preact-query';
import { ApiFailure, apiGet } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Page } from '../shell/page.tsx';
import type { StatusName } from '../ui/pictograms.ts';
import { StatusBadge } from '../ui/status-badge.tsx';

type JobStatus = 'pending' | 'running' | 'succeeded' | 'dead';

interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
}

interface JobList {
  counts: Record<string, number>;
  items: JobView[];
}

const STATUS_OF: Record<JobStatus, StatusName> = { pending: 'pending', running: 'running', succeeded: 'done', dead: 'failed' };
const ORDER: JobStatus[] = ['dead', 'running', 'pending', 'succeeded'];

/** For administrators: background jobs (deadlines, reminders, retention) and what failed. */
export function JobsPage() {
  const { locale, t } = useI18n();
  const jobs = useQuery({ queryKey: ['admin', 'jobs'], queryFn: () => apiGet<JobList>('/api/admin/jobs', locale) });

  return (
    <Page id="jobs-title" title={t('nav.jobs')}>
      {jobs.isPending ? (
        <p class="card" role="status">
          {jobs.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
        </p>
      ) : jobs.isError ? (
        <div class="form-error" role="alert">
          {problemMessage(jobs.error instanceof ApiFailure ? jobs.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : (
        <>
          <ul class="card status-list" aria-label={t('shell.jobs.summary')}>
            {ORDER.map((status) => (
              <li key={status}>
                <StatusBadge status={STATUS_OF[status]} />
                <strong class="count">{formatNumber(locale, jobs.data.counts[status] ?? 0)}</strong>
              </li>
            ))}
          </ul>
          {jobs.data.items.length === 0 ? (
            <p class="card">{t('shell.jobs.empty')}</p>
          ) : (
            <ul class="job-list">
              {jobs.data.items.map((job) => (
                <li key={job.id} class="card">
                  <p class="job-kind">
                    <code>{job.kind}</code>
                  </p>
                  <StatusBadge status={STATUS_OF[job.status]} />
                  <p>{t('shell.jobs.runAt', { date: formatDateTime(locale, job.runAt) })}</p>
                  <p>{t('shell.jobs.attempts', { attempts: job.attempts, max: job.maxAttempts })}</p>
                  {job.lastError && (
                    <p>
                      {t('shell.jobs.lastError')} <code>{job.lastError}</code>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
