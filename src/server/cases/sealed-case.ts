import type { PersonIdentity } from '../../domain/cases/identity.ts';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { caseKeyContext, decryptJson, encryptJson, newDataKey, openDataKey, sealDataKey } from '../crypto/envelope.ts';
import type { SecretBox } from '../crypto/secret-box.ts';

/** Contexts of what is encrypted under a case's data key: each value opens only where it was written. */
export const identityContext = (caseId: string) => `case-identity:${caseId}`;
export const submissionContext = (submissionId: string) => `form-submission:${submissionId}`;
export const overrideReasonContext = (overrideId: string) => `consent-override-reason:${overrideId}`;

export interface NewCaseKey {
  key: Buffer;
  sealed: string;
}

export function newCaseKey(box: SecretBox, caseId: string): NewCaseKey {
  const key = newDataKey();
  return { key, sealed: sealDataKey(box, key, caseKeyContext(caseId)) };
}

/** The case's data key; an erased case has none, and nothing of its identity can be read. */
export function caseKey(box: SecretBox, row: { id: string; dataKey: string | null }): Buffer {
  if (!row.dataKey) throw new SiraError('NOT_FOUND');
  return openDataKey(box, row.dataKey, caseKeyContext(row.id));
}

export function sealIdentity(key: Buffer, caseId: string, identity: PersonIdentity): string {
  return encryptJson(key, identity, identityContext(caseId));
}

export function openIdentity(box: SecretBox, row: { id: string; dataKey: string | null; identity: string | null }): PersonIdentity {
  if (!row.identity) throw new SiraError('NOT_FOUND');
  return decryptJson<PersonIdentity>(caseKey(box, row), row.identity, identityContext(row.id));
}
