/**
 * The one catalogue of errors Sira can report. Each code is stable (clients and the offline
 * outbox branch on it), maps to one HTTP status, and has a message in every catalogue under
 * `errors.<CODE>`. Messages never include personal data; values are only counts and codes.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400 },
  INVALID_JSON: { status: 400 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  BODY_TOO_LARGE: { status: 413 },
  ROUTE_NOT_FOUND: { status: 404 },
  NOT_FOUND: { status: 404 },
  UNKNOWN_COMMAND: { status: 404 },
  UNAUTHENTICATED: { status: 401 },
  INVALID_CREDENTIALS: { status: 401 },
  SESSION_EXPIRED: { status: 401 },
  /** Wrong or replayed second-factor code at sign-in. */
  TOTP_INVALID: { status: 401 },
  /** The sign-in waiting for its second factor is unknown, used, expired or out of attempts. */
  TOTP_CHALLENGE_INVALID: { status: 401 },
  /** Unknown, revoked or expired API token, or its user is deactivated. */
  API_TOKEN_INVALID: { status: 401 },
  /** A role requires a second factor this account has not set up yet. */
  TOTP_ENROLMENT_REQUIRED: { status: 403 },
  /** Unknown, used, replaced or expired password-reset link. */
  RESET_LINK_INVALID: { status: 400 },
  CSRF_INVALID: { status: 403 },
  FORBIDDEN: { status: 403 },
  IDEMPOTENCY_CONFLICT: { status: 409 },
  CONFLICT: { status: 409 },
  /** The person's consent does not cover this (registration, disclosure, referral), and no allowed override was given. */
  CONSENT_REQUIRED: { status: 403 },
  /** A referral cannot take this step from where it is now (or not from this side): the screen is stale. */
  REFERRAL_TRANSITION_ILLEGAL: { status: 409 },
  /** An activity cannot take this step from where it is now (or is closed to edits): the screen is stale. */
  ACTIVITY_TRANSITION_ILLEGAL: { status: 409 },
  EMAIL_TAKEN: { status: 409 },
  RATE_LIMITED: { status: 429 },
  ACCOUNT_LOCKED: { status: 429 },
  SERVICE_UNAVAILABLE: { status: 503 },
  INTERNAL: { status: 500 },
} as const satisfies Record<string, { status: number }>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. "input.name". */
  path: string;
  /** Stable sub-code, translated under `validation.<code>`. */
  code: string;
  message?: string;
  params?: Record<string, string | number>;
}

/** An expected failure: translated and reported to the client with its stable code. */
export class SiraError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetail[] = [],
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'SiraError';
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function isSiraError(err: unknown): err is SiraError {
  return err instanceof SiraError;
}
