import './messages.ts';
import { useInfiniteQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure, apiGet } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Page } from '../shell/page.tsx';
import { AuditEventItem, type AuditEvent } from './audit-event.tsx';
import { AuditFilters, type Filters, NO_FILTERS } from './audit-filters.tsx';

const PAGE_SIZE = 20;

interface AuditPage {
  items: AuditEvent[];
  nextBefore: number | null;
}

/** Start or end of a chosen day, in the phone's time zone, as the server expects it. */
function dayBound(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (end) date.setDate(date.getDate() + 1);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function auditPath(filters: Filters, before: number | undefined): string {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  const set = (name: string, value: string | undefined) => value && query.set(name, value);
  set('actorUserId', filters.actorUserId.trim());
  set('type', filters.type.trim());
  set('targetId', filters.targetId.trim());
  set('from', dayBound(filters.from, false));
  set('to', dayBound(filters.to, true));
  if (before) query.set('before', String(before));
  return `/api/audit?${query}`;
}

/** For auditors: who did what, to which record, when; newest first, older on demand. */
export function AuditPage() {
  const { locale, t } = useI18n();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const events = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => apiGet<AuditPage>(auditPath(filters, pageParam), locale),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page id="audit-title" title={t('nav.audit')}>
      <AuditFilters value={filters} onApply={setFilters} />
      {events.isPending ? (
        <p class="card" role="status">
          {events.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
        </p>
      ) : events.isError && items.length === 0 ? (
        <div class="form-error" role="alert">
          {problemMessage(events.error instanceof ApiFailure ? events.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : items.length === 0 ? (
        <p class="card">{t('admin.audit.none')}</p>
      ) : (
        <>
          <ol class="admin-list" aria-label={t('admin.audit.events')}>
            {items.map((event) => (
              <AuditEventItem key={event.seq} event={event} />
            ))}
          </ol>
          {events.hasNextPage && (
            <button type="button" class="button button-secondary" disabled={events.isFetchingNextPage} aria-busy={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
              {events.isFetchingNextPage ? t('app.loading') : t('admin.audit.older')}
            </button>
          )}
        </>
      )}
    </Page>
  );
}
