import { useQuery, useQueryClient } from '@tanstack/preact-query';
import type { ComponentChildren } from 'preact';
import { useRoute } from 'preact-iso/router';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { useSession } from '../../identity/session-store.tsx';
import type { CurrentUser } from '../../identity/session.ts';
import { Page } from '../../shell/page.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { activityPaths } from '../activities-api.ts';
import { stateKey } from './labels.ts';
import { type ActivityDetail, type ActivityPlan, getDetail, isRunning, runKeys } from './run-api.ts';
import './run.css';

export type RunScreen = 'attendance' | 'evaluations' | 'results';

export interface RunContext {
  detail: ActivityDetail;
  plan: ActivityPlan;
  me: CurrentUser;
  /** Confirmed or held, and the caller runs the activity: entries may be made. */
  editable: boolean;
  /** After a change: everything cached about this activity is read again. */
  refresh(): Promise<void>;
}

const SCREENS: readonly RunScreen[] = ['attendance', 'evaluations', 'results'];

/**
 * The frame of the three screens of the day: the activity's title and dates, a way back to its
 * page, links between the screens, and the detail the screen works from.
 */
export function RunFrame({ screen, children }: { screen: RunScreen; children: (ctx: RunContext) => ComponentChildren }) {
  const { params } = useRoute();
  const { locale, t } = useI18n();
  const { state } = useSession();
  const queries = useQueryClient();
  const id = params.id ?? '';
  const detail = useQuery({ queryKey: runKeys.detail(id), queryFn: () => getDetail(id, locale) });
  if (state.status !== 'signedIn') return null;
  return (
    <Page id={`activity-${screen}-title`} title={t(`activityRun.${screen}.title`)}>
      <p class="page-link">
        <a href={activityPaths.detail(id)}>{t('activityRun.back')}</a>
      </p>
      <QueryView query={detail}>
        {(data) => {
          const plan: ActivityPlan = data.activity;
          const editable = data.canManage && isRunning(data.state);
          return (
            <>
              <p class="run-activity">
                <strong>{plan.title}</strong>
                <span>
                  {plan.startDate === plan.endDate
                    ? formatDate(locale, `${plan.startDate}T12:00:00Z`, 'long')
                    : t('activityRun.dates', { from: formatDate(locale, `${plan.startDate}T12:00:00Z`, 'long'), to: formatDate(locale, `${plan.endDate}T12:00:00Z`, 'long') })}
                  {' · '}
                  {t(stateKey(data.state))}
                </span>
              </p>
              <nav class="run-tabs" aria-label={t('activityRun.screens')}>
                {SCREENS.map((s) => (
                  <a key={s} href={activityPaths[s](id)} aria-current={s === screen ? 'page' : undefined}>
                    {t(`activityRun.${s}.tab`)}
                  </a>
                ))}
              </nav>
              {screen !== 'results' && !editable && (
                <p class="card run-notice" role="status">
                  {!data.canManage ? t('activityRun.readOnly') : t('activityRun.notRunning', { state: t(stateKey(data.state)) })}
                </p>
              )}
              {children({ detail: data, plan, me: state.user, editable, refresh: () => queries.invalidateQueries({ queryKey: runKeys.all }) })}
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
