import './messages.ts';
import './activities.css';
import { useQuery } from '@tanstack/preact-query';
import { useRoute } from 'preact-iso/router';
import { useI18n } from '../i18n/i18n.ts';
import { useSession } from '../identity/session-store.tsx';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { activityKeys, activityPaths, getActivity, listActivities } from './activities-api.ts';
import { formatSpan, placeName, typeKey } from './labels.ts';
import { PlanForm } from './plan-form.tsx';

/** Plans a new activity; `?from=<id>` starts from a past one's programme. */
export function ActivityNewPage() {
  const { t } = useI18n();
  const { state } = useSession();
  const fromId = useRoute().query.from ?? '';
  if (state.status !== 'signedIn') return null;
  return (
    <Page id="activity-new-title" title={t('activities.new.title')}>
      <p class="page-link">
        <a href={activityPaths.list}>{t('activities.back')}</a>
      </p>
      {fromId ? <FromPast key={fromId} fromId={fromId} /> : <PastActivities />}
      {!fromId && <PlanForm me={state.user} />}
    </Page>
  );
}

function FromPast({ fromId }: { fromId: string }) {
  const { locale } = useI18n();
  const { state } = useSession();
  const query = useQuery({ queryKey: activityKeys.detail(fromId), queryFn: () => getActivity(fromId, locale) });
  if (state.status !== 'signedIn') return null;
  return <QueryView query={query}>{(from) => <PlanForm me={state.user} from={from} />}</QueryView>;
}

/** "Reprendre une activité passée": the last ones held, each a link that copies its programme into a new plan. */
function PastActivities() {
  const { locale, t } = useI18n();
  const past = useQuery({ queryKey: activityKeys.list('past', 1), queryFn: () => listActivities('past', 1, locale) });
  const items = (past.data?.items ?? []).filter((a) => a.state !== 'cancelled').slice(0, 10);
  if (items.length === 0) return null;
  return (
    <details class="card activity-reuse">
      <summary>{t('activities.new.reuse')}</summary>
      <p class="hint">{t('activities.new.reuseHint')}</p>
      <ul class="activity-reuse-list">
        {items.map((a) => (
          <li key={a.id}>
            <a href={activityPaths.copy(a.id)}>
              {t(typeKey(a.type))} · {a.title}
            </a>
            <span class="hint">
              {' '}
              · {placeName(a.locationPcode)} · {formatSpan(locale, a.startDate, a.endDate)}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Changes the plan of an activity still open; others say why they cannot be changed. */
export function ActivityEditPage() {
  const { locale, t } = useI18n();
  const { state } = useSession();
  const id = useRoute().params.id ?? '';
  const query = useQuery({ queryKey: activityKeys.detail(id), queryFn: () => getActivity(id, locale) });
  if (state.status !== 'signedIn') return null;
  return (
    <Page id="activity-edit-title" title={t('activities.edit.title')}>
      <p class="page-link">
        <a href={activityPaths.detail(id)}>{t('activities.backToActivity')}</a>
      </p>
      <QueryView query={query}>
        {(activity) =>
          !activity.canManage ? (
            <p class="card">{t('activities.edit.readOnly')}</p>
          ) : activity.state === 'reported' || activity.state === 'cancelled' ? (
            <p class="card">{t('activities.edit.closed')}</p>
          ) : (
            <PlanForm me={state.user} activity={activity} />
          )
        }
      </QueryView>
    </Page>
  );
}
