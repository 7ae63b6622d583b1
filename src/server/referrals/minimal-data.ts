import { disclosureAllowed } from '../../domain/cases/consent.ts';
import type { MinimalReferralData } from '../../domain/referrals/schemas.ts';
import { admin1Name } from '../../domain/directory/geo.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { DbOrTx } from '../db/client.ts';
import { cases, referrals } from '../db/schema/index.ts';
import { consentRecords } from '../cases/disclosure.ts';
import { openIdentity } from '../cases/sealed-case.ts';

type CaseRow = typeof cases.$inferSelect;
type ReferralRow = typeof referrals.$inferSelect;

/**
 * The minimal data set of a referral, computed when it is read rather than copied when it was
 * sent: the name and phone appear only while the person's consent to the receiving organisation
 * covers them (a withdrawal hides them at once), and an erased person shows nothing identifying.
 * A child's caregiver contact is part of the minimal set (DOMAIN.md §4).
 */
export async function minimalReferralData(tx: DbOrTx, box: SecretBox, referral: ReferralRow, caseRow: CaseRow, now: Date): Promise<MinimalReferralData> {
  const covered =
    referral.shareIdentity && referral.basis === 'consent' && disclosureAllowed(await consentRecords(tx, caseRow.id), { organisationId: referral.toOrganisationId, serviceType: referral.serviceType }, now);
  const readable = caseRow.identity !== null && caseRow.dataKey !== null;
  const identity = readable && (covered || caseRow.isChild) ? openIdentity(box, caseRow) : null;
  return {
    caseCode: caseRow.caseCode,
    ageBand: caseRow.ageBand,
    sex: caseRow.sex,
    language: caseRow.preferredLanguage,
    region: admin1Name(caseRow.regionPcode) ?? caseRow.regionPcode,
    isChild: caseRow.isChild,
    name: covered && identity ? [identity.givenName, identity.familyName].filter(Boolean).join(' ') || null : null,
    phone: covered && identity ? (identity.phone ?? null) : null,
    caregiverContact: caseRow.isChild && identity ? { name: identity.caregiverName ?? null, phone: identity.caregiverPhone ?? null } : null,
  };
}

/** Names of the fields a view showed, for the audit (never their values). */
export function shownFields(data: MinimalReferralData): string[] {
  return Object.entries(data)
    .filter(([, v]) => v !== null)
    .map(([k]) => k);
}
