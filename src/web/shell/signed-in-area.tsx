import { QueryClientProvider } from '@tanstack/preact-query';
import { Route, Router } from 'preact-iso/router';
import { useEffect, useRef, useState } from 'preact/hooks';
import { createQueryClient } from '../api/query-client.ts';
import type { CurrentUser } from '../identity/session.ts';
import { type Session, useSession } from '../identity/session-store.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { routesFor } from './routes.ts';

/**
 * Everything that exists only while someone is signed in, loaded after the login page (the
 * data-fetching library is a third of the shell's code, and the login form does not need it).
 * The cache of server data lives and dies with this component: signing out unmounts it, so
 * the next person on a shared phone starts from an empty cache.
 */
export default function SignedInArea({ user }: { user: CurrentUser }) {
  const session = useSession();
  const [queries] = useState(createQueryClient);
  const latest = useRef<Session>(session);
  latest.current = session;

  useEffect(() => {
    // A 401 on any call ends the session on screen too, with the server's reason.
    const stop = queries.onSessionLost((problem) => latest.current.expire(problem));
    // The server now asks for something first (a second factor): ask it again who this is,
    // and the routes follow (only enrolment stays open).
    const stopChanged = queries.onAccountChanged(() => latest.current.recheck());
    return () => {
      stop();
      stopChanged();
      queries.client.clear();
    };
  }, [queries]);

  return (
    <QueryClientProvider client={queries.client}>
      <Router>
        {[...routesFor(user).map((route) => <Route key={route.path} path={route.path} component={route.component} />), <Route key="*" default component={NotFoundPage} />]}
      </Router>
    </QueryClientProvider>
  );
}
