import type { z } from 'zod';
import type { Actor } from '../../domain/identity/actor.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Tx } from '../db/client.ts';

export interface CommandContext {
  tx: Tx;
  actor: Actor;
  commandId: string;
  requestId: string;
  locale: Locale;
  now: Date;
  /** The caller's session (hash of its token), when the command came through one. */
  sessionTokenHash: string | null;
  /** The API token the caller used, when it came through one (not a signed-in person). */
  apiTokenId: string | null;
  /** The secret box (throws when the server has none: CLI tools that never need it). */
  secrets(): SecretBox;
  /**
   * Work that must survive this command's rollback: the audit of a refused second-factor
   * code, a failure counted toward lockout. Each runs in its own transaction after the
   * command failed; nothing runs when the command succeeds.
   */
  keepOnFailure(work: (tx: Tx) => Promise<void>): void;
}

/**
 * What a handler reports: a result of ids and statuses only, and what to audit.
 *
 * `ephemeral` is for what the caller must receive once and Sira must never keep in clear: a
 * new API token, a reset link, a TOTP secret and its QR code. It is returned by the first
 * application only and stored nowhere: `command_log` keeps `result` (returned again on a
 * replay), never `ephemeral`. A replay therefore answers without it; a client that lost the
 * first answer starts over (revokes the token and creates another, issues a new link…).
 */
export interface CommandOutcome<R, E = unknown> {
  result: R;
  ephemeral?: E;
  audit: { targetType: string; targetIds: string[]; fields: string[] };
}

export interface CommandDefinition<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType, E extends z.ZodType = z.ZodType> {
  name: string;
  /** One line for the API documentation. */
  summary: string;
  input: I;
  result: R;
  /** Shape of the outcome's `ephemeral` part, for commands that return one. */
  ephemeral?: E;
  /**
   * Throws SiraError FORBIDDEN, or NOT_FOUND when the actor may not even see the target.
   * Runs inside the command's transaction, so what it loads is what the handler changes.
   */
  authorize(ctx: CommandContext, input: z.output<I>): Promise<void> | void;
  handle(ctx: CommandContext, input: z.output<I>): Promise<CommandOutcome<z.output<R>, z.output<E>>>;
}

export function defineCommand<I extends z.ZodType, R extends z.ZodType, E extends z.ZodType = z.ZodType>(def: CommandDefinition<I, R, E>): CommandDefinition<I, R, E> {
  return def;
}
