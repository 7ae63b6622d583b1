import type { UseQueryResult } from '@tanstack/preact-query';
import type { ComponentChildren } from 'preact';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';

/**
 * What a page shows while its data comes (or waits for a network), when it failed, and then
 * the data: the same words and roles on every page, so a screen reader hears the same thing.
 */
export function QueryView<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ComponentChildren }) {
  const { locale, t } = useI18n();
  if (query.isPending) {
    return (
      <p class="card" role="status">
        {query.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
      </p>
    );
  }
  if (query.isError) {
    return (
      <div class="form-error" role="alert">
        {problemMessage(query.error instanceof ApiFailure ? query.error.problem : { kind: 'network' }, locale)}
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
