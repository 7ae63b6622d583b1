import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { formatDate } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';
import { type ServiceDetail, serviceCommand } from './service-edit-api.ts';
import { statusLabel } from './service-edit-form.tsx';

/**
 * When the entry was last checked, and the two actions that need no form: "still correct"
 * (the focal point clears the stale flag without changing anything) and taking the entry
 * out of search results, after a confirmation in place.
 */
export function ServiceEditActions({ me, service }: { me: CurrentUser; service: ServiceDetail }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queries.invalidateQueries({ queryKey: ['directory'] });
  const verify = useMutation({ mutationFn: () => serviceCommand('service.verify', { serviceId: service.id }, locale, me.csrfToken), onSuccess: refresh });
  const deactivate = useMutation({
    mutationFn: () => serviceCommand('service.deactivate', { serviceId: service.id, status: 'inactive' }, locale, me.csrfToken),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
    },
  });
  const failure = [verify.error, deactivate.error].find((e): e is ApiFailure => e instanceof ApiFailure)?.problem;
  const verified = service.lastVerifiedAt ? t('serviceEdit.verify.lastVerified', { date: formatDate(locale, service.lastVerifiedAt) }) : t('serviceEdit.verify.never');

  return (
    <section class="card service-edit-actions" aria-labelledby="service-verify-title">
      <h2 id="service-verify-title">{t('serviceEdit.verify.title')}</h2>
      <p>{verified}</p>
      {service.stale && <p class="service-edit-stale">{t('serviceEdit.verify.stale')}</p>}
      <p>{t('serviceEdit.status.current', { status: t(statusLabel(service.status)) })}</p>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      <p class="field-hint" id="service-verify-hint">
        {t('serviceEdit.verify.hint')}
      </p>
      <button type="button" class="button button-primary" aria-describedby="service-verify-hint" disabled={verify.isPending} aria-busy={verify.isPending} onClick={() => verify.mutate()}>
        {t('serviceEdit.verify.button')}
      </button>
      <p role="status" class="saved">
        {verify.isSuccess && !verify.isPending ? t('serviceEdit.verify.done') : deactivate.isSuccess && !deactivate.isPending ? t('serviceEdit.deactivate.done') : ''}
      </p>
      {service.status !== 'inactive' &&
        (confirming ? (
          <ConfirmInPlace
            question={t('serviceEdit.deactivate.confirm', { name: service.name })}
            yes={t('serviceEdit.deactivate.yes')}
            no={t('serviceEdit.deactivate.no')}
            pending={deactivate.isPending}
            onConfirm={() => deactivate.mutate()}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button type="button" class="button button-secondary button-after" onClick={() => setConfirming(true)}>
            {t('serviceEdit.deactivate.button')}
          </button>
        ))}
    </section>
  );
}
