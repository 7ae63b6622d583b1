import { caseRegions } from '../../domain/cases/case-code.ts';
import type { ChildAssent, ConsentGiver, ConsentLayer } from '../../domain/cases/consent.ts';
import { admin1Name } from '../../domain/directory/geo.ts';
import { LANGUAGE_NAMES } from '../../domain/directory/languages.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import { formattingLocale } from '../i18n/format.ts';

/** Names of what the cases API sends as codes. */
export const categoryKey = (code: string) => `cases.category.${code}` as MessageKey;
export const riskKey = (code: string) => `cases.risk.${code}` as MessageKey;
export const sexKey = (code: string) => `registration.sex.${code}` as MessageKey;
export const documentKey = (code: string) => `registration.document.${code}` as MessageKey;
export const givenByKey = (code: string) => `registration.givenBy.${code}` as MessageKey;
export const assentKey = (code: string) => `registration.assent.${code}` as MessageKey;
export const layerKey = (code: string) => `registration.layer.${code}` as MessageKey;
export const decisionKey = (code: string) => `registration.decision.${code}` as MessageKey;

export const riskTone = (risk: string) => (risk === 'high' ? 'danger' : risk === 'medium' ? 'warning' : 'neutral');

/** Regions a case may be registered in, by country, as the region select groups them. */
export const CASE_REGIONS = caseRegions();

/** A region's name from its P-code (either vintage), or the code itself. */
export const regionName = (pcode: string) => CASE_REGIONS.find((r) => r.pcode === pcode)?.name ?? admin1Name(pcode) ?? pcode;

/** Nationalities an identifier meets on the routes through Mali and Burkina Faso, first the neighbours. */
export const NATIONALITIES = ['ML', 'BF', 'NE', 'CI', 'GN', 'SN', 'GM', 'GH', 'TG', 'BJ', 'NG', 'MR', 'SL', 'LR', 'GW', 'CM', 'TD', 'SD', 'DZ', 'MA', 'LY', 'TN'] as const;

/** A country's name in the reader's language, from the browser's own data (nothing shipped). */
export function countryName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([formattingLocale(locale, 'date'), 'fr'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Languages a consent may be explained in: each in its own name (the glossary's convention). */
export const CONSENT_LANGUAGES = Object.keys(LANGUAGE_NAMES);
export const languageName = (code: string) => LANGUAGE_NAMES[code] ?? code;

/** A link request's status as the coordinator reads it (pending, merged, dismissed). */
export const linkStatusKey = (status: string) => `registration.links.status.${status}` as MessageKey;

/**
 * The consent vocabularies of src/domain/cases/consent.ts as plain lists: importing that
 * module would bring zod into the case page's chunk (a test keeps them equal).
 */
export const CONSENT_LAYER_CODES: readonly ConsentLayer[] = ['services', 'disclosure', 'reporting'];
export const CONSENT_GIVER_CODES: readonly ConsentGiver[] = ['self', 'caregiver', 'guardian', 'caseworker_best_interests'];
export const CHILD_ASSENT_CODES: readonly ChildAssent[] = ['given', 'refused', 'not_applicable'];
