import './messages.ts';
import './activities.css';
import { useQuery } from '@tanstack/preact-query';
import { Fragment } from 'preact';
import { useRoute } from 'preact-iso/router';
import type { Session } from '../../domain/activities/activity.ts';
import { formatNumber } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useSession } from '../identity/session-store.tsx';
import type { CurrentUser } from '../identity/session.ts';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { type ActivityDetail, activityKeys, activityPaths, getActivity } from './activities-api.ts';
import { LifecycleActions } from './activity-lifecycle.tsx';
import { GroupWorkSection } from './activity-outputs.tsx';
import { ReportSection } from './activity-report.tsx';
import { audienceKey, dayDate, formatDay, formatSpan, kindKey, placeName, stateKey, stateTone, typeKey } from './labels.ts';
import { useOrganisations } from './plan-form.tsx';
import { useThemeTitle } from './plan-lists.tsx';

/** One activity: what it is, what may be done with it now, its programme, group outputs, participation and report. */
export function ActivityPage() {
  const { locale, t } = useI18n();
  const { state } = useSession();
  const id = useRoute().params.id ?? '';
  const query = useQuery({ queryKey: activityKeys.detail(id), queryFn: () => getActivity(id, locale) });
  if (state.status !== 'signedIn') return null;
  return (
    <Page id="activity-title" title={query.data?.activity.title ?? t('activities.detail.title')}>
      <p class="page-link">
        <a href={activityPaths.list}>{t('activities.back')}</a>
      </p>
      <QueryView query={query}>{(detail) => <ActivityFile detail={detail} me={state.user} />}</QueryView>
    </Page>
  );
}

function ActivityFile({ detail, me }: { detail: ActivityDetail; me: CurrentUser }) {
  const { locale, t } = useI18n();
  const organisations = useOrganisations();
  const themeTitle = useThemeTitle();
  const a = detail.activity;
  const name = (orgId: string) => organisations.data?.items.find((o) => o.id === orgId)?.name ?? '…';
  const closed = detail.state === 'reported' || detail.state === 'cancelled';
  return (
    <>
      <section class="card" aria-labelledby="activity-facts-title">
        <h2 id="activity-facts-title" class="activity-kicker">
          {t(typeKey(a.type))}
        </h2>
        <p class="activity-chips">
          <span class={`chip tone-${stateTone(detail.state)}`} data-testid="activity-state">
            {t(stateKey(detail.state))}
          </span>
          <span class="chip">{t(detail.attendanceMode === 'named' ? 'activities.mode.namedShort' : 'activities.mode.anonymousShort')}</span>
        </p>
        {detail.state === 'cancelled' && detail.cancelReason && <p class="activity-notice">{t('activities.detail.cancelledBecause', { reason: detail.cancelReason })}</p>}
        {!detail.canManage && <p class="hint">{t('activities.detail.readOnly')}</p>}
        <dl class="facts">
          <dt>{t('activities.detail.dates')}</dt>
          <dd>{formatSpan(locale, a.startDate, a.endDate)}</dd>
          <dt>{t('activities.detail.place')}</dt>
          <dd>{[placeName(a.locationPcode), a.venue].filter(Boolean).join(' · ')}</dd>
          <dt>{t('activities.detail.organisers')}</dt>
          <dd>{[detail.organisationId, ...a.organiserOrganisationIds.filter((o) => o !== detail.organisationId)].map(name).join(', ')}</dd>
          <dt>{t('activities.detail.audiences')}</dt>
          <dd>{a.audiences.map((x) => t(audienceKey(x))).join(', ')}</dd>
        </dl>
        {detail.canManage && (
          <p class="activity-buttons">
            {!closed && (
              <a class="button button-secondary button-inline" href={activityPaths.edit(detail.id)}>
                {t('activities.detail.edit')}
              </a>
            )}
            <a class="button button-secondary button-inline" href={activityPaths.copy(detail.id)}>
              {t('activities.detail.copy')}
            </a>
          </p>
        )}
      </section>
      <LifecycleActions detail={detail} me={me} />
      <section class="card" aria-labelledby="activity-aims-title">
        <h2 id="activity-aims-title">{t('activities.detail.objectives')}</h2>
        <ul>
          {a.objectives.map((o, i) => (
            <li key={i}>{o}</li>
          ))}
        </ul>
        {a.themes.length > 0 && (
          <>
            <h3>{t('activities.detail.themes')}</h3>
            <ul>
              {a.themes.map((o, i) => (
                <li key={i}>{themeTitle(o)}</li>
              ))}
            </ul>
          </>
        )}
        {a.facilitators.length > 0 && (
          <>
            <h3>{t('activities.detail.facilitators')}</h3>
            <ul>
              {a.facilitators.map((f, i) => (
                <li key={i}>{f.role ? `${f.name} · ${f.role}` : f.name}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <Programme detail={detail} />
      <GroupWorkSection detail={detail} me={me} />
      <Participation detail={detail} />
      <ReportSection detail={detail} me={me} />
    </>
  );
}

/** The sessions by day, in time order. */
function Programme({ detail }: { detail: ActivityDetail }) {
  const { locale, t } = useI18n();
  const themeTitle = useThemeTitle();
  const sessions = detail.activity.programme.sessions;
  if (sessions.length === 0) return null;
  const byDay = new Map<number, Session[]>();
  for (const s of [...sessions].sort((x, y) => x.day - y.day || x.startTime.localeCompare(y.startTime))) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
  return (
    <section class="card" aria-labelledby="activity-programme-title">
      <h2 id="activity-programme-title">{t('activities.detail.programme')}</h2>
      {[...byDay.entries()].map(([day, list]) => (
        <div key={day}>
          <h3>{t('activities.dayWithDate', { n: day, date: formatDay(locale, dayDate(detail.activity.startDate, day)) })}</h3>
          <ul class="activity-list">
            {list.map((s, i) => (
              <li key={i}>
                <strong>{t('activities.detail.time', { from: s.startTime, to: s.endTime })}</strong> · {themeTitle(s.theme)}
                {s.facilitator && <span class="hint"> · {s.facilitator}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Totals at a glance and the way to the screens where attendance and tests are entered. */
function Participation({ detail }: { detail: ActivityDetail }) {
  const { locale, t } = useI18n();
  const totals = detail.attendance;
  const counts = detail.evaluationCounts;
  const n = (value: number) => formatNumber(locale, value);
  return (
    <section class="card" aria-labelledby="activity-participation-title">
      <h2 id="activity-participation-title">{t('activities.detail.participation')}</h2>
      <dl class="facts">
        <dt>{t(totals.overallMethod === 'busiest_day' ? 'activities.detail.busiestDay' : 'activities.detail.distinct')}</dt>
        <dd data-testid="activity-participants">{n(totals.overall.total)}</dd>
        {totals.days.map((d) => (
          <Fragment key={d.day}>
            <dt>{t('activities.dayWithDate', { n: d.day, date: formatDay(locale, dayDate(detail.activity.startDate, d.day)) })}</dt>
            <dd>{n(d.total)}</dd>
          </Fragment>
        ))}
        {(['pre', 'post', 'satisfaction'] as const).map((kind) => (
          <Fragment key={kind}>
            <dt>{t(kindKey(kind))}</dt>
            <dd>{n(counts[kind])}</dd>
          </Fragment>
        ))}
      </dl>
      <p class="activity-buttons">
        <a class="button button-secondary button-inline" href={activityPaths.attendance(detail.id)}>
          {t('activities.detail.attendance')}
        </a>
        <a class="button button-secondary button-inline" href={activityPaths.evaluations(detail.id)}>
          {t('activities.detail.evaluations')}
        </a>
        <a class="button button-secondary button-inline" href={activityPaths.results(detail.id)}>
          {t('activities.detail.results')}
        </a>
      </p>
    </section>
  );
}
