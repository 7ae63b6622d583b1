import type { FastifyRequest } from 'fastify';
import { SiraError } from '../../domain/errors/catalogue.ts';
import type { Action } from '../../domain/policies/policy.ts';
import type { Db } from '../db/client.ts';
import { appendAudit } from './append.ts';

/**
 * A read refused by policy: audited (who, which action, which record, which request), then
 * answered exactly like a missing page or record, so the refusal reveals nothing. A record
 * that does not exist is not a denial and is not audited.
 */
export async function deniedRead(
  db: Db,
  request: FastifyRequest,
  action: Action,
  answer: 'NOT_FOUND' | 'ROUTE_NOT_FOUND',
  target?: { type: string; id: string },
): Promise<SiraError> {
  await db.transaction((tx) =>
    appendAudit(tx, {
      type: 'access.denied',
      actor: request.actor,
      requestId: request.id,
      targetType: target?.type ?? null,
      targetIds: target ? [target.id] : [],
      data: { action },
    }),
  );
  return new SiraError(answer);
}

/**
 * Thrown by a command's `authorize` for a record that exists but that the actor may not see:
 * answered exactly like a missing one (404), and audited as a denial by the command runner
 * with the record's id, as `deniedRead` does for reads. A record that does not exist is not
 * a denial: throw a plain NOT_FOUND for it.
 */
export class HiddenRecordError extends SiraError {
  constructor(readonly target: { type: string; id: string }) {
    super('NOT_FOUND');
  }
}
