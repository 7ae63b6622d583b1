import type { Locale } from '../../domain/i18n/locales.ts';

/** The server's error body: `message` and each detail's `message` are already translated. */
export interface ApiErrorDetail {
  path: string;
  code: string;
  message: string;
}

export interface ApiError {
  code: string;
  message: string;
  requestId: string;
  details?: ApiErrorDetail[];
}

export type ApiResult<T> =
  | { kind: 'ok'; status: number; data: T }
  /** `locale` is the language the server wrote `message` in (the one the request asked for). */
  | { kind: 'error'; status: number; error: ApiError; locale: Locale }
  /** No usable answer: offline, timed out, or something other than Sira answered. */
  | { kind: 'network' };

export type ApiProblem = Exclude<ApiResult<unknown>, { kind: 'ok' }>;

/** A failed call as an exception, for the data-fetching library, which expects thrown errors. */
export class ApiFailure extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.kind === 'error' ? problem.error.code : 'NETWORK');
    this.name = 'ApiFailure';
  }

  get status(): number | undefined {
    return this.problem.kind === 'error' ? this.problem.status : undefined;
  }
}

export interface RequestOptions {
  locale: Locale;
  method?: 'GET' | 'POST';
  body?: unknown;
  csrfToken?: string;
}

// On 2G a request can hang for minutes; past this the user is better served by an error and a retry.
const TIMEOUT_MS = 30_000;

function isApiError(value: unknown): value is { error: ApiError } {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/**
 * Every call names its language so that the server answers errors in it, including before
 * sign-in, when the server cannot know who is asking.
 */
export async function apiRequest<T>(path: string, options: RequestOptions): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { 'accept-language': options.locale, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { kind: 'network' };
  }
  if (response.status === 204) return { kind: 'ok', status: 204, data: undefined as T };
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    return { kind: 'network' }; // e.g. a captive portal or proxy page instead of Sira
  }
  if (response.ok) return { kind: 'ok', status: response.status, data: payload as T };
  return isApiError(payload) ? { kind: 'error', status: response.status, error: payload.error, locale: options.locale } : { kind: 'network' };
}

/** A read for the data-fetching library: the data, or an ApiFailure thrown. */
export async function apiGet<T>(path: string, locale: Locale): Promise<T> {
  const result = await apiRequest<T>(path, { locale });
  if (result.kind !== 'ok') throw new ApiFailure(result);
  return result.data;
}
