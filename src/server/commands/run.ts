import { createHash } from 'node:crypto';
import { now } from '../clock.ts';
import canonicalize from 'canonicalize';
import { eq, sql } from 'drizzle-orm';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { type Actor, actorUserId } from '../../domain/identity/actor.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { appendAudit } from '../audit/append.ts';
import { HiddenRecordError } from '../audit/denied.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db, Tx } from '../db/client.ts';
import { CHECK_VIOLATION, DEADLOCK_DETECTED, FOREIGN_KEY_VIOLATION, SERIALIZATION_FAILURE, UNIQUE_VIOLATION, sqlState } from '../db/errors.ts';
import { commandLog } from '../db/schema/index.ts';
import { queryRows } from '../db/rows.ts';
import type { CommandContext, CommandDefinition } from './define.ts';
import { zodToSiraError } from './validation.ts';

export interface RunCommandRequest {
  name: string;
  commandId: string;
  input: unknown;
  actor: Actor;
  requestId: string;
  locale: Locale;
  sessionTokenHash?: string | null;
  apiTokenId?: string | null;
  /** The server's secret box; tools that run no secret-handling command leave it out. */
  secrets?: () => SecretBox;
}

export interface CommandReceipt<R = unknown> {
  commandId: string;
  /** `replayed`: this id was applied before; the first result is returned unchanged. */
  status: 'applied' | 'replayed';
  result: R;
  /** Only on the first application, never stored, never replayed (see CommandOutcome). */
  ephemeral?: unknown;
}

export type CommandRegistry = ReadonlyMap<string, CommandDefinition>;

function inputHash(name: string, input: unknown): string {
  return createHash('sha256')
    .update(canonicalize({ name, input }) ?? '')
    .digest('hex');
}

/**
 * Runs one command: validate → (transaction: claim the id → authorise → handle → record
 * the result → audit) → commit. The id is claimed first: a concurrent duplicate waits on
 * the primary key, then finds the committed row and replays its result.
 */
export async function runCommand(db: Db, registry: CommandRegistry, req: RunCommandRequest): Promise<CommandReceipt> {
  const def = registry.get(req.name);
  if (!def) throw new SiraError('UNKNOWN_COMMAND');
  const parsed = def.input.safeParse(req.input, { reportInput: true });
  if (!parsed.success) throw zodToSiraError(parsed.error, 'input');
  const input = parsed.data;
  const hash = inputHash(def.name, input);

  for (let attempt = 1; ; attempt++) {
    const kept: ((tx: Tx) => Promise<void>)[] = [];
    try {
      return await db.transaction(async (tx) => {
        const claimed = await tx
          .insert(commandLog)
          .values({ id: req.commandId, name: def.name, actorUserId: actorUserId(req.actor), inputHash: hash, appliedAt: new Date() })
          .onConflictDoNothing({ target: commandLog.id })
          .returning({ id: commandLog.id });
        if (claimed.length === 0) {
          const [previous] = await tx.select().from(commandLog).where(eq(commandLog.id, req.commandId));
          if (!previous || previous.inputHash !== hash || previous.actorUserId !== actorUserId(req.actor)) {
            throw new SiraError('IDEMPOTENCY_CONFLICT');
          }
          return { commandId: req.commandId, status: 'replayed' as const, result: previous.result };
        }
        const ctx: CommandContext = {
          tx,
          actor: req.actor,
          commandId: req.commandId,
          requestId: req.requestId,
          locale: req.locale,
          now: now(),
          sessionTokenHash: req.sessionTokenHash ?? null,
          apiTokenId: req.apiTokenId ?? null,
          secrets: () => {
            if (!req.secrets) throw new Error(`command ${def.name} needs the secret box, and none was given`);
            return req.secrets();
          },
          keepOnFailure: (work) => kept.push(work),
        };
        await def.authorize(ctx, input);
        const outcome = await def.handle(ctx, input);
        const result = def.result.parse(outcome.result);
        await tx.update(commandLog).set({ result }).where(eq(commandLog.id, req.commandId));
        await appendAudit(tx, {
          type: 'command.applied',
          actor: req.actor,
          commandId: req.commandId,
          requestId: req.requestId,
          targetType: outcome.audit.targetType,
          targetIds: outcome.audit.targetIds,
          data: { command: def.name, fields: outcome.audit.fields },
        });
        const ephemeral = def.ephemeral && outcome.ephemeral !== undefined ? def.ephemeral.parse(outcome.ephemeral) : undefined;
        return { commandId: req.commandId, status: 'applied' as const, result, ...(ephemeral === undefined ? {} : { ephemeral }) };
      });
    } catch (err) {
      const state = sqlState(err);
      if ((state === SERIALIZATION_FAILURE || state === DEADLOCK_DETECTED) && attempt < 3) continue;
      for (const work of kept) await db.transaction(work);
      if (err instanceof HiddenRecordError) await recordDenial(db, req, def.name, err.target);
      else if (err instanceof SiraError && err.code === 'FORBIDDEN') await recordDenial(db, req, def.name);
      if (state === UNIQUE_VIOLATION || state === FOREIGN_KEY_VIOLATION || state === CHECK_VIOLATION) throw new SiraError('CONFLICT');
      throw err;
    }
  }
}

/** A refused command rolls back, so its denial is audited in a transaction of its own. */
async function recordDenial(db: Db, req: RunCommandRequest, action: string, target?: { type: string; id: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await appendAudit(tx, {
      type: 'access.denied',
      actor: req.actor,
      commandId: req.commandId,
      requestId: req.requestId,
      ...(target ? { targetType: target.type, targetIds: [target.id] } : {}),
      data: { action },
    });
  });
}

export async function commandWasApplied(db: Db, commandId: string): Promise<boolean> {
  const [r] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from command_log where id = ${commandId}`);
  return (r?.n ?? 0) > 0;
}
