import '../messages.ts';
import { useQuery } from '@tanstack/preact-query';
import { useRoute } from 'preact-iso/router';
import { ApiFailure } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { useSession } from '../../identity/session-store.tsx';
import { Page } from '../../shell/page.tsx';
import { formKeys, getVersion, pickText } from '../forms-api.ts';
import '../forms.css';
import { FormFill } from './form-fill.tsx';

/**
 * A form version filled in the browser (for now a preview: storing answers waits for the
 * registration issue's encryption). This page carries ODK's evaluator, about 230 kB gzipped,
 * which is why it is its own lazily loaded route: the sign-in page, the shell and the form
 * library never download it.
 */
export function FormFillPage() {
  const { params } = useRoute();
  const { locale, t } = useI18n();
  const { state } = useSession();
  const formId = params.id ?? '';
  const version = Number(params.version);
  const query = useQuery({ queryKey: formKeys.version(formId, version), queryFn: () => getVersion(formId, version, locale), enabled: Number.isInteger(version) });
  if (state.status !== 'signedIn') return null;
  const title = query.data ? pickText(query.data.definition.title, locale) : t('formFill.title');
  return (
    <Page id="form-fill-title" title={t('formFill.title')} heading={title}>
      <p class="page-link">
        <a href="/forms">{t('formFill.backToLibrary')}</a>
      </p>
      {query.isPending ? (
        <p class="card" role="status">
          {query.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
        </p>
      ) : query.isError ? (
        <div class="form-error" role="alert">
          {problemMessage(query.error instanceof ApiFailure ? query.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : (
        <FormFill key={`${formId}:${version}`} userId={state.user.id} formId={formId} version={version} status={query.data.status} form={query.data.definition} />
      )}
    </Page>
  );
}
