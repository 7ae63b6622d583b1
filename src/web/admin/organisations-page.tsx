import './messages.ts';
import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure, apiGet } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { hasAbility } from '../identity/session.ts';
import { useSession } from '../identity/session-store.tsx';
import { Page } from '../shell/page.tsx';
import type { Items, OrganisationDetail } from './admin-api.ts';
import { OrganisationForm } from './organisation-form.tsx';
import { OrganisationRow } from './organisation-row.tsx';

/** For administrators and coordinators: the partner organisations of the mechanism. */
export function OrganisationsPage() {
  const { state } = useSession();
  const { locale, t } = useI18n();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const organisations = useQuery({ queryKey: ['admin', 'organisations'], queryFn: () => apiGet<Items<OrganisationDetail>>('/api/organisations', locale) });
  if (state.status !== 'signedIn') return null;
  const me = state.user;

  const needle = search.trim().toLocaleLowerCase();
  const shown = (organisations.data?.items ?? []).filter((o) => !needle || o.name.toLocaleLowerCase().includes(needle) || (o.acronym ?? '').toLocaleLowerCase().includes(needle));

  return (
    <Page id="organisations-title" title={t('nav.organisations')}>
      {!hasAbility(me, 'organisation.create') ? null : creating ? (
        <OrganisationForm me={me} onDone={() => setCreating(false)} />
      ) : (
        <button type="button" class="button button-primary button-inline" onClick={() => setCreating(true)}>
          {t('organisations.new')}
        </button>
      )}
      <div class="field admin-search">
        <label for="organisations-search">{t('organisations.search')}</label>
        <input id="organisations-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} autocomplete="off" />
      </div>
      {organisations.isPending ? (
        <p class="card" role="status">
          {organisations.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
        </p>
      ) : organisations.isError ? (
        <div class="form-error" role="alert">
          {problemMessage(organisations.error instanceof ApiFailure ? organisations.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : shown.length === 0 ? (
        <p class="card">{t('organisations.none')}</p>
      ) : (
        <ul class="admin-list" aria-labelledby="organisations-title">
          {shown.map((organisation) => (
            <OrganisationRow key={organisation.id} organisation={organisation} me={me} />
          ))}
        </ul>
      )}
    </Page>
  );
}
