import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { IDENTITY_DOCUMENT_TYPES } from '../../domain/cases/identity.ts';
import { normaliseCaseCode } from '../../domain/cases/case-code.ts';
import { phoneKey } from '../../domain/dedupe/person.ts';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/identity/actor.ts';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { deniedRead } from '../audit/denied.ts';
import { requireActor } from '../http/auth.ts';
import { can } from '../../domain/policies/policy.ts';
import { blindIndexer } from '../crypto/blind-index.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import { caseBlindIndexes, cases } from '../db/schema/index.ts';
import { documentValue } from './dedupe-index.ts';

type CaseRow = typeof cases.$inferSelect;

/** Cases the actor may read: every organisation's with `case.read`, their own with `case.read:own`. */
function scope(actor: Actor): SQL | undefined | false {
  if (actor.kind === 'system' || actor.permissions.has('case.read')) return undefined;
  if (actor.kind === 'user' && actor.permissions.has('case.read:own')) return eq(cases.organisationId, actor.organisationId);
  return false;
}

/**
 * A case is found by its code, or by a phone or document number through their blind indexes:
 * exact look-ups only, so that no name is ever searched in clear.
 */
export async function listCases(db: Db, box: () => SecretBox, actor: Actor, options: { q?: string | undefined; limit: number; offset: number }): Promise<CaseRow[]> {
  const where = scope(actor);
  if (where === false) return [];
  const filters: (SQL | undefined)[] = [where];
  const q = options.q?.trim();
  if (q) {
    const code = normaliseCaseCode(q);
    if (code) filters.push(eq(cases.caseCode, code));
    else {
      // A phone number in any format, or a document number of any type: exact, through the blind index.
      const indexer = await blindIndexer(db, box());
      const phone = phoneKey(q);
      const wanted = [
        ...(phone ? [sql`(${caseBlindIndexes.kind} = 'phone' and ${caseBlindIndexes.hmac} = ${indexer.hmac('phone', phone)})`] : []),
        ...IDENTITY_DOCUMENT_TYPES.map((type) => sql`(${caseBlindIndexes.kind} = 'document' and ${caseBlindIndexes.hmac} = ${indexer.hmac('document', documentValue({ type, number: q }))})`),
      ];
      const ids = db.select({ id: caseBlindIndexes.caseId }).from(caseBlindIndexes).where(or(...wanted));
      filters.push(inArray(cases.id, ids));
    }
  }
  return db
    .select()
    .from(cases)
    .where(and(...filters))
    .orderBy(desc(cases.registeredAt), desc(cases.id))
    .limit(options.limit)
    .offset(options.offset);
}

/**
 * The case a read route serves: 404 when missing, and 404 audited as a denial when it exists
 * but the caller may not read it (decision 20), so every route answers both alike.
 */
export async function readableCase(db: Db, request: FastifyRequest, id: string): Promise<{ actor: Actor; row: CaseRow }> {
  const actor = requireActor(request);
  const found = await lookupCase(db, actor, id);
  if (found === 'missing') throw new SiraError('NOT_FOUND');
  if (found === 'hidden') throw await deniedRead(db, request, 'case.read', 'NOT_FOUND', { type: 'case', id });
  return { actor, row: found.row };
}

/** A case and whether the actor may read it: `hidden` is audited as a denial, `missing` is not. */
export async function lookupCase(db: Db, actor: Actor, id: string): Promise<{ row: CaseRow } | 'missing' | 'hidden'> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row) return 'missing';
  return can(actor, 'case.read', { organisationId: row.organisationId }) ? { row } : 'hidden';
}
