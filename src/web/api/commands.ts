import type { Locale } from '../../domain/i18n/locales.ts';
import { type ApiResult, apiRequest } from './client.ts';
import { newCommandId } from './uuid.ts';

export interface CommandReceipt<R> {
  commandId: string;
  status: 'applied' | 'replayed';
  result: R;
}

export interface CommandOptions {
  locale: Locale;
  csrfToken: string;
  /** Pass the same id again to retry safely after a lost answer: the server applies it once. */
  id?: string;
}

/** Every write is a named command with an id chosen here (see ARCHITECTURE.md, "Every write is a command"). */
export function sendCommand<R>(name: string, input: unknown, options: CommandOptions): Promise<ApiResult<CommandReceipt<R>>> {
  return apiRequest<CommandReceipt<R>>(`/api/commands/${name}`, {
    locale: options.locale,
    method: 'POST',
    body: { id: options.id ?? newCommandId(), input },
    csrfToken: options.csrfToken,
  });
}
