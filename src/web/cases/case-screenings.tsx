import { Fragment } from 'preact';
import { useQueries } from '@tanstack/preact-query';
import { useI18n } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { formKeys, getVersion, pickText } from '../forms/forms-api.ts';
import { answerLines } from './answer-lines.ts';
import type { CaseDetail } from './cases-api.ts';

/** The screening answers, each under its question's words (the form version they were given with). */
export function CaseScreenings({ screenings }: { screenings: CaseDetail['screenings'] }) {
  const { locale, t } = useI18n();
  const versions = useQueries({
    queries: screenings.map((s) => ({ queryKey: formKeys.version(s.formId, s.formVersion), queryFn: () => getVersion(s.formId, s.formVersion, locale), staleTime: Infinity })),
  });
  return (
    <section class="card" aria-labelledby="case-screenings-title">
      <h2 id="case-screenings-title">{t('registration.case.screenings')}</h2>
      {screenings.length === 0 && <p>{t('registration.case.noScreenings')}</p>}
      {screenings.map((s, i) => {
        const form = versions[i]?.data?.definition;
        const lines = form ? answerLines(form, s.answers as never, locale) : [];
        return (
          <details key={s.id} class="case-screening">
            <summary>
              {form ? pickText(form.title, locale) : t('app.loading')} · {formatDateTime(locale, s.submittedAt)}
            </summary>
            <dl class="facts">
              {lines.map((line) => (
                <Fragment key={line.path}>
                  <dt style={{ paddingInlineStart: `${line.depth}rem` }}>{line.label}</dt>
                  <dd>{line.value}</dd>
                </Fragment>
              ))}
            </dl>
          </details>
        );
      })}
    </section>
  );
}
