import { inArray } from 'drizzle-orm';
import type { CaseDetail } from '../../../domain/cases/views.ts';
import { admin1Name } from '../../../domain/directory/geo.ts';
import type { Answers } from '../../../domain/forms/answers.ts';
import { type FormDefinition, localize } from '../../../domain/forms/definition.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import { translate } from '../../../domain/i18n/translate.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { cases, formVersions } from '../../db/schema/index.ts';
import { loadCaseFile } from '../case-file.ts';
import { type AccessEntry, accessLog } from './access-log.ts';
import { type LabelledAnswer, labelledAnswers } from './screening-answers.ts';
import { organisationNames } from '../../organisations/names.ts';

type CaseRow = typeof cases.$inferSelect;
type Labelled = { code: string; label: string };

/**
 * Everything Sira holds on a person, for the person (IOM principle 7, access and
 * transparency): the case file as the owning organisation sees it, with the words of every
 * code in the person's language, to whom it was disclosed, and who looked at it.
 */
export interface PersonExport {
  format: 'sira.person-export.v1';
  language: Locale;
  exportedAt: string;
  case: Omit<CaseDetail, 'identity' | 'consents' | 'screenings' | 'disclosures' | 'mergedCases'> & {
    organisationName: string;
    regionName: string;
    labels: { status: string; category: string; riskLevel: string; traffickingStatus: string | null; childStatus: string | null; sex: string; ageBand: string; nationality: string | null; preferredLanguage: string | null };
  };
  /** Null once the person's identifying data has been erased. */
  identity: CaseDetail['identity'];
  consents: (CaseDetail['consents'][number] & { organisationName: string | null; labels: { layer: string; decision: string; givenBy: string; childAssent: string } })[];
  screenings: (CaseDetail['screenings'][number] & { title: string; questions: LabelledAnswer[] })[];
  disclosures: (CaseDetail['disclosures'][number] & { toOrganisationName: string; labels: { basis: string; fields: string[] } })[];
  mergedCases: (CaseDetail['mergedCases'][number] & { organisationName: string })[];
  accessLog: (AccessEntry & { organisationName: string; label: string })[];
}

const tr = (locale: Locale, key: string, values?: Record<string, string | number | Date>) => translate(locale, `personExport.${key}`, values);
const labelled = (locale: Locale, prefix: string, code: string | null): string | null => (code === null ? null : translate(locale, `${prefix}.${code}`));

/** Names of countries and languages from the runtime's CLDR data; Bambara has none, so French words stand in. */
function displayName(locale: Locale, type: 'region' | 'language', code: string | null): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([locale === 'en' ? 'en' : 'fr'], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

async function definitions(db: DbOrTx, formIds: string[]): Promise<Map<string, FormDefinition>> {
  if (formIds.length === 0) return new Map();
  const rows = await db.select().from(formVersions).where(inArray(formVersions.formId, [...new Set(formIds)]));
  return new Map(rows.map((r) => [`${r.formId}:${r.version}`, r.definition as FormDefinition]));
}

/** The export's language: asked for, else the person's own if Sira speaks it, else the caller's. */
export function exportLocale(asked: Locale | undefined, preferredLanguage: string | null, callerLocale: Locale): Locale {
  if (asked) return asked;
  if (preferredLanguage === 'fr' || preferredLanguage === 'en' || preferredLanguage === 'bm') return preferredLanguage;
  return callerLocale;
}

export async function buildPersonExport(tx: Tx, box: SecretBox, row: CaseRow, locale: Locale, now: Date): Promise<PersonExport> {
  const file = await loadCaseFile(tx, box, row);
  const log = await accessLog(tx, row.id, row.organisationId);
  const names = await organisationNames(tx, [
    row.organisationId,
    ...file.consents.map((c) => c.organisationId),
    ...file.disclosures.map((d) => d.toOrganisationId),
    ...file.mergedCases.map((m) => m.organisationId),
    ...log.map((e) => e.organisationId),
  ]);
  const nameOf = (id: string) => names.get(id) ?? tr(locale, 'unknownOrganisation');
  const forms = await definitions(tx, file.screenings.map((s) => s.formId));
  const { identity, consents, screenings, disclosures, mergedCases, ...summary } = file;
  return {
    format: 'sira.person-export.v1',
    language: locale,
    exportedAt: now.toISOString(),
    case: {
      ...summary,
      organisationName: nameOf(row.organisationId),
      regionName: admin1Name(row.regionPcode) ?? row.regionPcode,
      labels: {
        status: tr(locale, `status.${row.status}`),
        category: translate(locale, `cases.category.${row.category}`),
        riskLevel: translate(locale, `cases.risk.${row.riskLevel}`),
        traffickingStatus: labelled(locale, 'cases.traffickingStatus', row.traffickingStatus),
        childStatus: labelled(locale, 'cases.childStatus', row.childStatus),
        sex: tr(locale, `sex.${row.sex}`),
        ageBand: row.ageBand === 'unknown' ? tr(locale, 'ageUnknown') : tr(locale, 'ageBand', { band: row.ageBand }),
        nationality: displayName(locale, 'region', row.nationality),
        preferredLanguage: displayName(locale, 'language', row.preferredLanguage),
      },
    },
    identity,
    consents: consents.map((c) => ({
      ...c,
      organisationName: c.organisationId ? nameOf(c.organisationId) : null,
      labels: { layer: tr(locale, `layer.${c.layer}`), decision: tr(locale, `decision.${c.decision}`), givenBy: tr(locale, `givenBy.${c.givenBy}`), childAssent: tr(locale, `childAssent.${c.childAssent}`) },
    })),
    screenings: screenings.map((s) => {
      const definition = forms.get(`${s.formId}:${s.formVersion}`);
      return {
        ...s,
        title: (definition && localize(definition.title, locale, definition.defaultLanguage)) ?? tr(locale, 'screening.untitled'),
        questions: definition ? labelledAnswers(definition, s.answers as Answers, locale) : [],
      };
    }),
    disclosures: disclosures.map((d) => ({
      ...d,
      toOrganisationName: nameOf(d.toOrganisationId),
      labels: { basis: tr(locale, `basis.${d.basis}`), fields: d.fields.map((f) => tr(locale, `disclosed.${f}`)) },
    })),
    mergedCases: mergedCases.map((m) => ({ ...m, organisationName: nameOf(m.organisationId) })),
    accessLog: log.map((e) => ({ ...e, organisationName: e.organisationId ? nameOf(e.organisationId) : tr(locale, e.action === 'duplicate_check' ? 'anotherOrganisation' : 'system'), label: tr(locale, `event.${e.action}`) })),
  };
}
