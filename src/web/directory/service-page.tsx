import './messages.ts';
import { useQuery } from '@tanstack/preact-query';
import { useRoute } from 'preact-iso/router';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { formatDate } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Page } from '../shell/page.tsx';
import { Icon } from '../ui/icons.tsx';
import { type ServiceDetailView, directoryKeys, getService, lastSearchPath } from './directory-api.ts';
import './directory.css';
import { type Vocabulary, useVocabulary } from './labels.ts';
import { organisationLabel } from './service-card.tsx';
import { ServiceContact, ServiceFacts, ServicePlaces } from './service-sections.tsx';

/** One service with everything a caseworker needs to call or refer. */
export function ServicePage() {
  const { params } = useRoute();
  const { locale, t } = useI18n();
  const id = params.id ?? '';
  const service = useQuery({ queryKey: directoryKeys.service(id), queryFn: () => getService(id, locale) });
  const vocabulary = useVocabulary();
  return (
    <Page id="service-title" title={t('directory.service.title')} heading={service.data?.name ?? t('directory.service.title')}>
      <p class="page-link">
        <a href={lastSearchPath()}>{t('directory.service.back')}</a>
      </p>
      {service.isPending ? (
        <p class="card" role="status">
          {service.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
        </p>
      ) : service.isError ? (
        <div class="form-error" role="alert">
          {problemMessage(service.error instanceof ApiFailure ? service.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : (
        <ServiceDetail service={service.data} vocabulary={vocabulary} />
      )}
    </Page>
  );
}

function ServiceDetail({ service: s, vocabulary }: { service: ServiceDetailView; vocabulary: Vocabulary }) {
  const { locale, t } = useI18n();
  return (
    <>
      <p class="organisation">{organisationLabel(s.organisation)}</p>
      {s.alternateName && <p class="hint">{s.alternateName}</p>}
      <p class={s.stale ? 'directory-verified is-stale' : 'directory-verified'}>
        {s.stale && <Icon name="warning" size={20} />}
        <span>
          {s.lastVerifiedAt ? t('directory.service.verifiedOn', { date: formatDate(locale, s.lastVerifiedAt, 'long') }) : t('directory.service.neverVerified')}
          {s.stale && ` ${t('directory.service.staleAdvice')}`}
        </span>
      </p>
      {s.status !== 'active' && (
        <p class="notice-danger">
          <Icon name="closed" size={20} />
          <span>{t(`directory.status.${s.status === 'temporarily closed' ? 'temporarilyClosed' : s.status}`)}</span>
        </p>
      )}
      {s.alert && (
        <p class="directory-alert">
          <Icon name="info" size={20} />
          <span>{s.alert}</span>
        </p>
      )}
      {s.canEdit && (
        <p>
          <a class="button button-secondary button-inline" href={`/directory/services/${s.id}/edit`} aria-label={t('directory.service.editName', { name: s.name })}>
            {t('directory.service.edit')}
          </a>
        </p>
      )}
      <ServiceContact service={s} />
      {s.description && (
        <section class="card" aria-labelledby="service-about">
          <h2 id="service-about">{t('directory.service.about')}</h2>
          <p class="directory-text">{s.description}</p>
        </section>
      )}
      <ServiceFacts service={s} vocabulary={vocabulary} />
      <ServicePlaces service={s} />
    </>
  );
}
