import type { CaseSummary } from '../../domain/cases/views.ts';
import type { cases } from '../db/schema/index.ts';

type CaseRow = typeof cases.$inferSelect;

/** The fields of a case that may appear in lists: codes and statistics, never identity. */
export function presentCaseSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    caseCode: row.caseCode,
    organisationId: row.organisationId,
    status: row.status,
    category: row.category,
    riskLevel: row.riskLevel,
    isChild: row.isChild,
    sex: row.sex,
    ageBand: row.ageBand,
    regionPcode: row.regionPcode,
    registeredAt: row.registeredAt.toISOString(),
    mergedInto: row.mergedInto,
  };
}
