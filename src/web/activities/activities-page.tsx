import './messages.ts';
import './activities.css';
import { useQuery } from '@tanstack/preact-query';
import { useLocation, useRoute } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { ACTIVITY_LIST_VIEWS } from '../../domain/activities/schemas.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import { formatNumber } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useSession } from '../identity/session-store.tsx';
import { hasAbility } from '../identity/session.ts';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { ACTIVITIES_PER_PAGE, type ActivityListView, type ActivitySummaryView, activityKeys, activityPaths, listActivities } from './activities-api.ts';
import { formatSpan, placeName, stateKey, stateTone, typeKey } from './labels.ts';

const viewKey = (view: ActivityListView) => `activities.list.${view}` as MessageKey;

/** The activities of the user's organisations: coming ones first, then those past, with a way to plan the next. */
export function ActivitiesPage() {
  const { locale, t } = useI18n();
  const { state } = useSession();
  const location = useLocation();
  const requested = useRoute().query.view as ActivityListView | undefined;
  const view: ActivityListView = requested && ACTIVITY_LIST_VIEWS.includes(requested) ? requested : 'upcoming';
  const [page, setPage] = useState(1);
  const query = useQuery({ queryKey: activityKeys.list(view, page), queryFn: () => listActivities(view, page, locale) });
  if (state.status !== 'signedIn') return null;
  return (
    <Page id="activities-title" title={t('activities.title')}>
      <p class="hint">{t('activities.list.intro')}</p>
      {hasAbility(state.user, 'activity.manage') && (
        <p class="activity-buttons">
          <a class="button button-primary button-inline" href={activityPaths.new}>
            {t('activities.list.plan')}
          </a>
          {hasAbility(state.user, 'activity_library.read') && (
            <a class="button button-secondary button-inline" href={activityPaths.library}>
              {t('activities.list.library')}
            </a>
          )}
        </p>
      )}
      <nav class="activity-tabs" aria-label={t('activities.list.views')}>
        {ACTIVITY_LIST_VIEWS.map((v) => (
          <a
            key={v}
            href={`${activityPaths.list}?view=${v}`}
            aria-current={v === view ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              setPage(1);
              location.route(`${activityPaths.list}?view=${v}`);
            }}
          >
            {t(viewKey(v))}
          </a>
        ))}
      </nav>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p class="card">{t(view === 'upcoming' ? 'activities.list.noneUpcoming' : 'activities.list.none')}</p>
          ) : (
            <ul class="admin-list" aria-labelledby="activities-title">
              {data.items.map((a) => (
                <ActivityCard key={a.id} activity={a} />
              ))}
            </ul>
          )
        }
      </QueryView>
      <p class="activity-buttons">
        {page > 1 && (
          <button type="button" class="button button-secondary button-inline" onClick={() => setPage(page - 1)}>
            {t('activities.list.previous')}
          </button>
        )}
        {query.data && page * ACTIVITIES_PER_PAGE < query.data.total && (
          <button type="button" class="button button-secondary button-inline" onClick={() => setPage(page + 1)}>
            {t('activities.list.next')}
          </button>
        )}
      </p>
    </Page>
  );
}

function ActivityCard({ activity: a }: { activity: ActivitySummaryView }) {
  const { locale, t } = useI18n();
  return (
    <li class="card activity-item" data-activity-id={a.id}>
      <p class="activity-kicker">{t(typeKey(a.type))}</p>
      <h2 class="admin-item-title">
        <a href={activityPaths.detail(a.id)}>{a.title}</a>
      </h2>
      <p class="activity-chips">
        <span class={`chip tone-${stateTone(a.state)}`} data-testid="activity-state">
          {t(stateKey(a.state))}
        </span>
      </p>
      <p>{formatSpan(locale, a.startDate, a.endDate)}</p>
      <p>{[placeName(a.locationPcode), a.venue].filter(Boolean).join(' · ')}</p>
      <p class="hint">{t('activities.list.participants', { count: a.participants, shown: formatNumber(locale, a.participants) })}</p>
    </li>
  );
}
