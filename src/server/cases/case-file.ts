import { asc, eq, inArray } from 'drizzle-orm';
import type { CaseDetail } from '../../domain/cases/views.ts';
import { screeningKindOf } from '../../domain/screening/forms/index.ts';
import { decryptJson } from '../crypto/envelope.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db, Tx } from '../db/client.ts';
import { cases, consents, disclosures, formSubmissions, forms } from '../db/schema/index.ts';
import { presentCaseSummary } from './presenter.ts';
import { caseKey, openIdentity, submissionContext } from './sealed-case.ts';

type CaseRow = typeof cases.$inferSelect;

/**
 * Everything a case holds, decrypted: for the owning organisation's staff (the case file) and
 * for the person (rights export). The caller audits the read.
 */
export async function loadCaseFile(db: Db | Tx, box: SecretBox, row: CaseRow): Promise<CaseDetail> {
  const erased = row.dataKey === null;
  const key = erased ? null : caseKey(box, row);
  const consentRows = await db.select().from(consents).where(eq(consents.caseId, row.id)).orderBy(asc(consents.givenAt));
  const submissionRows = await db
    .select({ s: formSubmissions, formKey: forms.formKey })
    .from(formSubmissions)
    .innerJoin(forms, eq(forms.id, formSubmissions.formId))
    .where(eq(formSubmissions.caseId, row.id))
    .orderBy(asc(formSubmissions.submittedAt));
  const disclosureRows = await db.select().from(disclosures).where(eq(disclosures.caseId, row.id)).orderBy(asc(disclosures.disclosedAt));
  const merged = await db.select({ id: cases.id, caseCode: cases.caseCode, organisationId: cases.organisationId }).from(cases).where(eq(cases.mergedInto, row.id));
  return {
    ...presentCaseSummary(row),
    traffickingStatus: row.traffickingStatus,
    childStatus: row.childStatus,
    nationality: row.nationality,
    preferredLanguage: row.preferredLanguage,
    identity: erased ? null : openIdentity(box, row),
    hasPhoto: !erased && row.photo !== null,
    consents: consentRows.map((c) => ({
      id: c.id,
      layer: c.layer,
      decision: c.decision,
      organisationId: c.organisationId,
      serviceType: c.serviceType,
      givenBy: c.givenBy,
      childAssent: c.childAssent,
      language: c.language,
      givenAt: c.givenAt.toISOString(),
      recordedAt: c.recordedAt.toISOString(),
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    })),
    screenings: submissionRows
      .filter(({ s }) => key && s.answers)
      .map(({ s, formKey }) => ({
        id: s.id,
        formId: s.formId,
        formVersion: s.formVersion,
        kind: screeningKindOf(formKey) ?? null,
        answers: decryptJson<Record<string, unknown>>(key!, s.answers!, submissionContext(s.id)),
        submittedAt: s.submittedAt.toISOString(),
      })),
    disclosures: disclosureRows.map((d) => ({ id: d.id, toOrganisationId: d.toOrganisationId, serviceType: d.serviceType, fields: d.fields as string[], basis: d.basis, disclosedAt: d.disclosedAt.toISOString() })),
    mergedCases: merged,
    anonymisedAt: row.anonymisedAt?.toISOString() ?? null,
  };
}

export async function casesByIds(db: Db, ids: string[]): Promise<Map<string, CaseRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(cases).where(inArray(cases.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
