import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedAuditFields {
  seq: number;
  id: string;
  occurredAt: Date;
  type: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  commandId: string | null;
  requestId: string | null;
  targetType: string | null;
  targetIds: string[];
  data: unknown;
  prevHash: string;
}

/** SHA-256 over the RFC 8785 canonical JSON of the row: stable across backends and jsonb key order. */
export function auditHash(row: HashedAuditFields): string {
  const canonical = canonicalize({ v: 1, ...row, occurredAt: row.occurredAt.toISOString() });
  if (canonical === undefined) throw new Error('audit row cannot be canonicalised');
  return createHash('sha256').update(canonical).digest('hex');
}
