import { MutationCache, QueryCache, QueryClient } from '@tanstack/preact-query';
import { ApiFailure, type ApiProblem } from './client.ts';

type SessionLostListener = (problem: ApiProblem) => void;

/**
 * Server data for every screen goes through one QueryClient. Tuned for 2G: answers stay
 * fresh for a minute, nothing refetches when the window regains focus, and only network
 * failures are retried (a refusal will not change by asking again).
 */
export function createQueryClient(): { client: QueryClient; onSessionLost(listener: SessionLostListener): () => void } {
  const listeners = new Set<SessionLostListener>();
  const watch = (error: unknown) => {
    // Any 401 means the session is over (expired, revoked, signed out elsewhere).
    if (error instanceof ApiFailure && error.status === 401) for (const listener of listeners) listener(error.problem);
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
  };
}
