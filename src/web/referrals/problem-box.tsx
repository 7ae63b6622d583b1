import { ApiFailure } from '../api/client.ts';
import { detailMessage, problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';

/** A failed command's message, with the first field's message when the server named one. */
export function ProblemBox({ error }: { error: unknown }) {
  const { locale } = useI18n();
  const problem = error instanceof ApiFailure ? error.problem : error ? ({ kind: 'network' } as const) : undefined;
  const detail = problem?.kind === 'error' ? problem.error.details?.[0] : undefined;
  return (
    <div class={problem ? 'form-error' : 'form-error is-empty'} role="alert">
      {problem && problemMessage(problem, locale)}
      {problem?.kind === 'error' && detail && <p>{detailMessage(detail, problem.locale, locale)}</p>}
    </div>
  );
}
