import type { z } from 'zod';
import type { Actor } from '../../domain/identity/actor.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
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
}

/** What a handler reports: a result of ids and statuses only, and what to audit. */
export interface CommandOutcome<R> {
  result: R;
  audit: { targetType: string; targetIds: string[]; fields: string[] };
}

export interface CommandDefinition<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  name: string;
  /** One line for the API documentation. */
  summary: string;
  input: I;
  result: R;
  /**
   * Throws SiraError FORBIDDEN, or NOT_FOUND when the actor may not even see the target.
   * Runs inside the command's transaction, so what it loads is what the handler changes.
   */
  authorize(ctx: CommandContext, input: z.output<I>): Promise<void> | void;
  handle(ctx: CommandContext, input: z.output<I>): Promise<CommandOutcome<z.output<R>>>;
}

export function defineCommand<I extends z.ZodType, R extends z.ZodType>(def: CommandDefinition<I, R>): CommandDefinition<I, R> {
  return def;
}
