import '../messages.ts';
import { useQuery } from '@tanstack/preact-query';
import { ApiFailure } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { hasAbility } from '../../identity/session.ts';
import { useSession } from '../../identity/session-store.tsx';
import { Page } from '../../shell/page.tsx';
import { formKeys, listForms, pickText } from '../forms-api.ts';
import '../forms.css';
import { FormItem } from './form-item.tsx';
import { XlsFormImport } from './xlsform-import.tsx';

/**
 * The questionnaires: every member reads them and previews a version in each of its
 * languages; `form.manage` holders import XLSForms, publish and export. This page does not
 * load the form evaluator: only the preview page does.
 */
export function FormLibraryPage() {
  const { state } = useSession();
  const { locale, t } = useI18n();
  const forms = useQuery({ queryKey: formKeys.list, queryFn: () => listForms(locale) });
  if (state.status !== 'signedIn') return null;
  const manage = hasAbility(state.user, 'form.manage');
  const items = [...(forms.data?.items ?? [])].sort((a, b) => pickText(a.title, locale).localeCompare(pickText(b.title, locale), locale));

  return (
    <Page id="forms-title" title={t('nav.forms')}>
      {manage && <XlsFormImport forms={forms.data?.items ?? []} />}
      {forms.isPending ? (
        <p class="card" role="status">
          {forms.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
        </p>
      ) : forms.isError ? (
        <div class="form-error" role="alert">
          {problemMessage(forms.error instanceof ApiFailure ? forms.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : items.length === 0 ? (
        <p class="card">{t('formLibrary.none')}</p>
      ) : (
        <ul class="admin-list" aria-labelledby="forms-title">
          {items.map((form) => (
            <FormItem key={form.id} form={form} manage={manage} csrfToken={state.user.csrfToken} />
          ))}
        </ul>
      )}
    </Page>
  );
}
