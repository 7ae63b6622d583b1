import './messages.ts';
import { useQuery } from '@tanstack/preact-query';
import { useLocation, useRoute } from 'preact-iso/router';
import { useMemo, useState } from 'preact/hooks';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { newCommandId } from '../api/uuid.ts';
import { useI18n } from '../i18n/i18n.ts';
import { hasAbility } from '../identity/session.ts';
import { useSession } from '../identity/session-store.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { Page } from '../shell/page.tsx';
import { getOrganisations, getService, getTaxonomies, serviceEditKeys } from './service-edit-api.ts';
import { ServiceEditActions } from './service-edit-actions.tsx';
import { ServiceEditForm } from './service-edit-form.tsx';
import './service-edit.css';

function Loading({ paused }: { paused: boolean }) {
  const { t } = useI18n();
  return (
    <p class="card" role="status">
      {paused ? t('shell.waitingForNetwork') : t('app.loading')}
    </p>
  );
}

function Failure({ error }: { error: unknown }) {
  const { locale } = useI18n();
  return (
    <div class="form-error" role="alert">
      {problemMessage(error instanceof ApiFailure ? error.problem : { kind: 'network' }, locale)}
    </div>
  );
}

/** /directory/services/:id/edit — a focal point corrects their organisation's entry, or confirms it is still right. */
export function ServiceEditPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const { locale, t } = useI18n();
  const { state } = useSession();
  const id = params.id ?? '';
  const service = useQuery({ queryKey: serviceEditKeys.service(id), queryFn: () => getService(id, locale), retry: (n, e) => !(e instanceof ApiFailure && e.problem.kind === 'error') && n < 2 });
  const taxonomies = useQuery({ queryKey: serviceEditKeys.taxonomies, queryFn: () => getTaxonomies(locale) });
  const organisations = useQuery({ queryKey: serviceEditKeys.organisations, queryFn: () => getOrganisations(locale) });
  if (state.status !== 'signedIn') return null;
  // An address that names no service (404), or is no service id at all (400), leads nowhere.
  if (service.error instanceof ApiFailure && (service.error.status === 404 || service.error.status === 400)) return <NotFoundPage />;

  const detail = service.data;
  const country = organisations.data?.items.find((o) => o.id === detail?.organisation.id)?.country ?? '';
  return (
    <Page id="service-edit-title" title={t('serviceEdit.title')} heading={detail ? t('serviceEdit.heading', { name: detail.name }) : t('serviceEdit.title')}>
      <p class="page-link">
        <a href={`/directory/services/${id}`}>{t('serviceEdit.back')}</a>
      </p>
      {service.isPending || taxonomies.isPending || organisations.isPending ? (
        <Loading paused={service.fetchStatus === 'paused'} />
      ) : service.isError || taxonomies.isError ? (
        <Failure error={service.error ?? taxonomies.error} />
      ) : !detail?.canEdit ? (
        // Every member reads the entry, so it is no secret that it exists: say plainly who keeps it.
        <div class="card" role="alert">
          <p>{t('serviceEdit.refused', { organisation: detail?.organisation.name ?? '' })}</p>
        </div>
      ) : (
        <>
          <ServiceEditActions me={state.user} service={detail} />
          <ServiceEditForm
            key={`${detail.id}:${detail.status}`}
            me={state.user}
            service={detail}
            serviceId={detail.id}
            organisationId={detail.organisation.id}
            country={country}
            taxonomies={taxonomies.data.items}
            onSaved={(saved) => route(`/directory/services/${saved}`)}
          />
        </>
      )}
    </Page>
  );
}

/** /directory/services/new — a focal point adds a service of their organisation; a coordinator picks the organisation. */
export function ServiceNewPage() {
  const { route } = useLocation();
  const { locale, t } = useI18n();
  const { state } = useSession();
  const serviceId = useMemo(() => newCommandId(), []);
  const taxonomies = useQuery({ queryKey: serviceEditKeys.taxonomies, queryFn: () => getTaxonomies(locale) });
  const organisations = useQuery({ queryKey: serviceEditKeys.organisations, queryFn: () => getOrganisations(locale) });
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  if (state.status !== 'signedIn') return null;
  const me = state.user;
  // Keeping every organisation's entries is `directory.manage` without `:own`, which is also what manages the taxonomies.
  const managesAll = hasAbility(me, 'taxonomy.manage');
  const choices = managesAll ? (organisations.data?.items ?? []) : (organisations.data?.items ?? []).filter((o) => o.id === me.organisation.id);
  const organisationId = chosen ?? me.organisation.id;
  const country = choices.find((o) => o.id === organisationId)?.country ?? '';

  return (
    <Page id="service-new-title" title={t('serviceEdit.newTitle')}>
      {taxonomies.isPending || organisations.isPending ? (
        <Loading paused={taxonomies.fetchStatus === 'paused'} />
      ) : taxonomies.isError || organisations.isError ? (
        <Failure error={taxonomies.error ?? organisations.error} />
      ) : (
        <>
          {managesAll && choices.length > 1 ? (
            <div class="field">
              <label for="service-organisation">{t('serviceEdit.organisation')}</label>
              <select id="service-organisation" value={organisationId} onChange={(e) => setChosen(e.currentTarget.value)}>
                {choices.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p class="organisation">{t('serviceEdit.inOrganisation', { name: me.organisation.name })}</p>
          )}
          <ServiceEditForm
            key={organisationId}
            me={me}
            serviceId={serviceId}
            organisationId={organisationId}
            country={country}
            taxonomies={taxonomies.data.items}
            onSaved={(saved) => route(`/directory/services/${saved}`)}
          />
        </>
      )}
    </Page>
  );
}
