import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { type FormDetailView, type FormView, formCommand, formKeys, getForm, pickText, xlsformPath } from '../forms-api.ts';
import { ConfirmInPlace } from '../../ui/confirm-in-place.tsx';

interface Props {
  form: FormView;
  manage: boolean;
  csrfToken: string;
}

type Version = FormDetailView['versions'][number];

/** One questionnaire and its versions: status and date, preview, export, and publish for managers. */
export function FormItem({ form, manage, csrfToken }: Props) {
  const { locale, t } = useI18n();
  const detail = useQuery({ queryKey: formKeys.detail(form.id), queryFn: () => getForm(form.id, locale) });
  const title = pickText(form.title, locale);
  const versions = [...(detail.data?.versions ?? [])].sort((a, b) => b.version - a.version);
  return (
    <li class="card admin-item" data-form-key={form.formKey}>
      <h2 class="admin-item-title">{title}</h2>
      <p class="admin-id">{form.formKey}</p>
      {detail.isError && (
        <div class="form-error" role="alert">
          {problemMessage(detail.error instanceof ApiFailure ? detail.error.problem : { kind: 'network' }, locale)}
        </div>
      )}
      <ul class="form-versions" aria-label={t('formLibrary.versionsOf', { title })}>
        {versions.map((v) => (
          <VersionRow key={v.version} formId={form.id} formKey={form.formKey} title={title} version={v} manage={manage} csrfToken={csrfToken} />
        ))}
      </ul>
    </li>
  );
}

function VersionRow({ formId, formKey, title, version: v, manage, csrfToken }: { formId: string; formKey: string; title: string; version: Version; manage: boolean; csrfToken: string }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const publish = useMutation({
    mutationFn: () => formCommand('form.publish_version', { formId, version: v.version }, locale, csrfToken),
    onSuccess: async () => {
      setConfirming(false);
      await Promise.all([queries.invalidateQueries({ queryKey: formKeys.detail(formId) }), queries.invalidateQueries({ queryKey: formKeys.list, exact: true })]);
    },
  });
  const failure = publish.error instanceof ApiFailure ? publish.error.problem : undefined;
  const name = t('formLibrary.versionName', { title, version: v.version });
  const date = v.publishedAt ?? v.createdAt;
  return (
    <li class="form-version" data-version={v.version}>
      <p>
        <strong>{t('formLibrary.version', { version: v.version })}</strong> · <span class={`form-status is-${v.status}`}>{t(`formLibrary.status.${v.status}`)}</span>
      </p>
      <p class="field-hint">{v.publishedAt ? t('formLibrary.publishedOn', { date: formatDate(locale, date) }) : t('formLibrary.createdOn', { date: formatDate(locale, date) })}</p>
      <div class="form-actions">
        <a class="button button-secondary" href={`/forms/${formId}/versions/${v.version}`} aria-label={t('formLibrary.previewName', { name })}>
          {t('formLibrary.preview')}
        </a>
        <a class="button button-secondary" href={xlsformPath(formId, v.version)}
          // A non-empty name: the router leaves such links to the browser (an empty `download` reads as false).
          download={`${formKey}-v${v.version}.xlsx`}
          aria-label={t('formLibrary.exportName', { name })}>
          {t('formLibrary.export')}
        </a>
        {manage && v.status === 'draft' && !confirming && (
          <button type="button" class="button button-primary" aria-label={t('formLibrary.publishName', { name })} onClick={() => setConfirming(true)}>
            {t('formLibrary.publish')}
          </button>
        )}
      </div>
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {confirming && (
        <ConfirmInPlace
          question={t('formLibrary.publishConfirm', { name })}
          yes={t('formLibrary.confirm')}
          no={t('formLibrary.cancel')}
          pending={publish.isPending}
          onConfirm={() => publish.mutate()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
