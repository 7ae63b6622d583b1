import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { LOCALES, type Locale } from '../../domain/i18n/locales.ts';
import { ApiFailure } from '../api/client.ts';
import { newCommandId } from '../api/uuid.ts';
import { languageName } from '../directory/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { ProblemBox } from '../referrals/problem-box.tsx';
import { type ActivityDetail, type ActivityVersion, activityCommand, activityKeys, reportPath } from './activities-api.ts';

/**
 * The report: its two texts written by the organisers (while the activity is held, before it
 * is closed), and the documents in a language chosen apart from the screen's (French by default:
 * reports go to the ministries in French).
 */
export function ReportSection({ detail, me }: { detail: ActivityDetail; me: CurrentUser }) {
  const { t } = useI18n();
  const editable = detail.canManage && detail.state === 'held';
  return (
    <section class="card" aria-labelledby="activity-report-title">
      <h2 id="activity-report-title">{t('activities.report.title')}</h2>
      {editable ? (
        <ReportTexts detail={detail} me={me} />
      ) : (
        <>
          {detail.state === 'planned' || detail.state === 'confirmed' ? <p class="hint">{t('activities.report.afterHeld')}</p> : null}
          {detail.summary && (
            <>
              <h3>{t('activities.report.summary')}</h3>
              <p class="activity-text">{detail.summary}</p>
            </>
          )}
          {detail.recommendations && (
            <>
              <h3>{t('activities.report.recommendations')}</h3>
              <p class="activity-text">{detail.recommendations}</p>
            </>
          )}
        </>
      )}
      <Downloads id={detail.id} />
    </section>
  );
}

function ReportTexts({ detail, me }: { detail: ActivityDetail; me: CurrentUser }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [summary, setSummary] = useState(detail.summary);
  const [recommendations, setRecommendations] = useState(detail.recommendations);
  const [commandId, setCommandId] = useState(newCommandId);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      activityCommand<ActivityVersion>('activity.update_report_texts', { activityId: detail.id, expectedVersion: detail.version, summary, recommendations }, locale, me.csrfToken, commandId),
    onSuccess: async () => {
      setCommandId(newCommandId());
      // The next save sends the version this refetch brings: say "saved" only once it is here.
      await queries.invalidateQueries({ queryKey: activityKeys.all });
      setSaved(true);
    },
    onError: (error) => {
      if (error instanceof ApiFailure && error.problem.kind === 'error') setCommandId(newCommandId());
    },
  });
  return (
    <form
      noValidate
      aria-labelledby="activity-report-title"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate();
      }}
    >
      <div class="field">
        <label for="activity-summary">{t('activities.report.summary')}</label>
        <p id="activity-summary-hint" class="field-hint">
          {t('activities.report.summaryHint')}
        </p>
        <textarea id="activity-summary" rows={6} maxLength={20000} aria-describedby="activity-summary-hint" value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="activity-recommendations">{t('activities.report.recommendations')}</label>
        <textarea id="activity-recommendations" rows={6} maxLength={20000} value={recommendations} onInput={(e) => setRecommendations(e.currentTarget.value)} />
      </div>
      <ProblemBox error={save.error} />
      <p role="status" class={saved ? 'activity-saved' : 'activity-saved is-empty'}>
        {saved ? t('activities.report.saved') : ''}
      </p>
      <button type="submit" class="button button-primary" disabled={save.isPending} aria-busy={save.isPending}>
        {t('activities.report.save')}
      </button>
    </form>
  );
}

/** Plain links (the session cookie goes along), in the language picked here. */
function Downloads({ id }: { id: string }) {
  const { t } = useI18n();
  const [lang, setLang] = useState<Locale>('fr');
  return (
    <div class="activity-downloads">
      <h3>{t('activities.report.download')}</h3>
      <div class="field">
        <label for="activity-report-lang">{t('activities.report.language')}</label>
        <select id="activity-report-lang" value={lang} onChange={(e) => setLang(e.currentTarget.value as Locale)}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
      </div>
      <p class="activity-buttons">
        <a class="button button-secondary button-inline" href={reportPath(id, 'docx', lang)} download>
          {t('activities.report.docx')}
        </a>
        <a class="button button-secondary button-inline" href={reportPath(id, 'pdf', lang)} download>
          {t('activities.report.pdf')}
        </a>
      </p>
    </div>
  );
}
