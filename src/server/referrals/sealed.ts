import { decryptWith, encryptWith } from '../crypto/envelope.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { caseKey } from '../cases/sealed-case.ts';

/**
 * A referral's free texts (its reason, the notes of its steps) speak about the person, so they are
 * encrypted under the case's data key like the identity: erasing the person shreds them too.
 */
export const referralReasonContext = (referralId: string) => `referral-reason:${referralId}`;
export const referralNoteContext = (eventId: string) => `referral-note:${eventId}`;

type CaseKeyRow = { id: string; dataKey: string | null };

export function sealReferralText(box: SecretBox, caseRow: CaseKeyRow, text: string, context: string): string {
  return encryptWith(caseKey(box, caseRow), text, context);
}

/** Null when the person was erased (no key any more) or nothing was written. */
export function openReferralText(box: SecretBox, caseRow: CaseKeyRow, sealed: string | null, context: string): string | null {
  if (!sealed || !caseRow.dataKey) return null;
  return decryptWith(caseKey(box, caseRow), sealed, context);
}
