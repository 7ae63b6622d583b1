import { MutationCache, QueryCache, QueryClient } from '@tanstack/preact-query';
import { ApiFailure, type ApiProblem } from './client.ts';

type SessionLostListener = (problem: ApiProblem) => void;
type AccountChangedListener = () => void;

/**
 * Server data for every screen goes through one QueryClient. Tuned for 2G: answers stay
 * fresh for a minute, nothing refetches when the window regains focus, and only network
 * failures are retried (a refusal will not change by asking again).
 */
export function createQueryClient(): {
  client: QueryClient;
  onSessionLost(listener: SessionLostListener): () => void;
  onAccountChanged(listener: AccountChangedListener): () => void;
} {
  const listeners = new Set<SessionLostListener>();
  const changed = new Set<AccountChangedListener>();
  const watch = (error: unknown) => {
    if (!(error instanceof ApiFailure)) return;
    // Any 401 means the session is over (expired, revoked, signed out elsewhere).
    if (error.status === 401) for (const listener of listeners) listener(error.problem);
    // A role started requiring a second factor while this person was signed in.
    if (error.status === 403 && error.message === 'TOTP_ENROLMENT_REQUIRED') for (const listener of changed) listener();
  };
  const client = new QueryClient({
    queryCache: new QueryCache({ onError: watch }),
    mutationCache: new MutationCache({ onError: watch }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        // Personal data does not linger in memory once no screen shows it.
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && error instanceof ApiFailure && error.problem.kind === 'network',
      },
      mutations: { retry: false },
    },
  });
  return {
    client,
    onSessionLost(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onAccountChanged(listener) {
      changed.add(listener);
      return () => changed.delete(listener);
    },
  };
}
