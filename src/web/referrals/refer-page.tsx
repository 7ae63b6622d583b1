import './messages.ts';
import './referrals.css';
import { useQuery } from '@tanstack/preact-query';
import { useRoute } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { caseKeys, getCase } from '../cases/cases-api.ts';
import { directoryKeys, getService } from '../directory/directory-api.ts';
import { useVocabulary } from '../directory/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useSession } from '../identity/session-store.tsx';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { ReferForm } from './refer-form.tsx';
import { ServicePicker } from './service-picker.tsx';

/** Refer a person: find the service in the directory, then say what is needed, how urgently, and why. */
export function ReferPage() {
  const { params } = useRoute();
  const { locale, t } = useI18n();
  const { state } = useSession();
  const caseId = params.id ?? '';
  const vocabulary = useVocabulary();
  const [serviceId, setServiceId] = useState<string | null>(null);
  const file = useQuery({ queryKey: caseKeys.detail(caseId), queryFn: () => getCase(caseId, locale) });
  const service = useQuery({ queryKey: directoryKeys.service(serviceId ?? ''), queryFn: () => getService(serviceId ?? '', locale), enabled: serviceId !== null });
  if (state.status !== 'signedIn') return null;
  return (
    <Page id="refer-title" title={t('referrals.create.title')}>
      <p class="page-link">
        <a href={`/cases/${caseId}`}>{t('referrals.create.backToCase')}</a>
      </p>
      <QueryView query={file}>
        {(data) => (
          <>
            <p class="card">
              {t('referrals.create.forCase')} <strong data-testid="refer-case-code">{data.caseCode}</strong>
            </p>
            {serviceId === null ? (
              <ServicePicker vocabulary={vocabulary} onPick={(s) => setServiceId(s.id)} />
            ) : (
              <QueryView query={service}>{(s) => <ReferForm key={s.id} caseId={caseId} service={s} vocabulary={vocabulary} me={state.user} onChangeService={() => setServiceId(null)} />}</QueryView>
            )}
          </>
        )}
      </QueryView>
    </Page>
  );
}
