import './messages.ts';
import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure, apiGet } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useSession } from '../identity/session-store.tsx';
import { Page } from '../shell/page.tsx';
import type { ApiTokenItem, Items } from './admin-api.ts';
import { TokenCreateForm } from './token-create-form.tsx';
import { TokenRow } from './token-row.tsx';
import { TokenSecret } from './token-secret.tsx';

/** The signed-in person's API tokens for integrations: create (shown once), list, revoke. */
export function TokensPage() {
  const { state } = useSession();
  const { locale, t } = useI18n();
  const [creating, setCreating] = useState(false);
  // Lives in this page only: leaving it, or closing the notice, loses the token for good.
  const [created, setCreated] = useState<{ name: string; token: string } | undefined>();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => apiGet<Items<ApiTokenItem>>('/api/api-tokens', locale) });
  if (state.status !== 'signedIn') return null;
  const me = state.user;
  const now = tokens.dataUpdatedAt || Date.now();

  return (
    <Page id="tokens-title" title={t('nav.tokens')}>
      <p class="card">{t('tokens.intro')}</p>
      {created ? (
        <TokenSecret name={created.name} token={created.token} onClose={() => setCreated(undefined)} />
      ) : creating ? (
        <TokenCreateForm
          me={me}
          onCreated={(c) => {
            setCreating(false);
            setCreated(c);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <button type="button" class="button button-primary button-inline" onClick={() => setCreating(true)}>
          {t('tokens.new')}
        </button>
      )}
      <h2 id="tokens-list-title">{t('tokens.listTitle')}</h2>
      {tokens.isPending ? (
        <p class="card" role="status">
          {tokens.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
        </p>
      ) : tokens.isError ? (
        <div class="form-error" role="alert">
          {problemMessage(tokens.error instanceof ApiFailure ? tokens.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : tokens.data.items.length === 0 ? (
        <p class="card">{t('tokens.none')}</p>
      ) : (
        <ul class="admin-list" aria-labelledby="tokens-list-title">
          {tokens.data.items.map((token) => (
            <TokenRow key={token.id} token={token} me={me} now={now} />
          ))}
        </ul>
      )}
    </Page>
  );
}
