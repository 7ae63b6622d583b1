import { z } from 'zod';

/**
 * What identifies a person. All of it is encrypted at rest (envelope encryption, see
 * ARCHITECTURE.md) and leaves the server only to the owning organisation's staff, to the person
 * (rights export) and, per consent, to a receiving organisation. What statistics need (sex, age
 * band, nationality, region, category) is kept apart, in clear (`caseStatsSchema`).
 */
const name = z.string().trim().max(120);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: registers often know only the year. */
export const partialDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/);

export const IDENTITY_DOCUMENT_TYPES = ['national_id', 'passport', 'birth_certificate', 'consular_card', 'refugee_card', 'other'] as const;

export const identityDocumentSchema = z
  .object({
    type: z.enum(IDENTITY_DOCUMENT_TYPES),
    number: z.string().trim().min(1).max(60),
  })
  .strict();

export const personIdentitySchema = z
  .object({
    givenName: name.min(1),
    familyName: name.optional(),
    aliases: z.array(name.min(1)).max(10).default([]),
    dateOfBirth: partialDate.optional(),
    /** When the date is unknown: the identifier's estimate, in years. */
    estimatedAge: z.number().int().min(0).max(120).optional(),
    /** The person's age could not be established: they are treated as a child (UNODC). */
    ageUncertain: z.boolean().default(false),
    phone: z
      .string()
      .trim()
      .max(30)
      .regex(/^[+\d][\d\s().-]*$/)
      .optional(),
    motherName: name.optional(),
    fatherName: name.optional(),
    documents: z.array(identityDocumentSchema).max(5).default([]),
    placeOfOrigin: optionalText(200),
    /** Where the person can be reached or is staying; free text. */
    currentAddress: optionalText(300),
    /** For a child: who cares for them now and how to reach them (referral minimal data set). */
    caregiverName: name.optional(),
    caregiverPhone: z
      .string()
      .trim()
      .max(30)
      .regex(/^[+\d][\d\s().-]*$/)
      .optional(),
  })
  .strict();
export type PersonIdentity = z.output<typeof personIdentitySchema>;

/** HTCDS `prs_Gender`, trimmed to what an identifier records at a border post. */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const caseStatsSchema = z
  .object({
    sex: z.enum(SEXES),
    /** ISO 3166-1 alpha-2, upper case; empty when unknown. */
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    /** Language the person is best spoken to in (ISO 639-1/-3: fr, bm, ff, snk…). */
    preferredLanguage: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .optional(),
  })
  .strict();
export type CaseStats = z.output<typeof caseStatsSchema>;

/** Child bands follow the consent and assent rules (0–5, 6–11, 12–14, 15–17). */
export const AGE_BANDS = ['0-5', '6-11', '12-14', '15-17', '18-24', '25-59', '60+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Age in whole years on a day, from a full or partial date of birth, else the estimate. */
export function ageInYears(identity: Pick<PersonIdentity, 'dateOfBirth' | 'estimatedAge'>, on: Date): number | null {
  const dob = identity.dateOfBirth;
  if (dob) {
    const [y, m, d] = dob.split('-').map(Number) as [number, number?, number?];
    // Year only: the middle of the year, as registers do; month only: the middle of the month.
    const month = m ?? 7;
    const day = d ?? (m ? 15 : 1);
    let age = on.getUTCFullYear() - y;
    if (on.getUTCMonth() + 1 < month || (on.getUTCMonth() + 1 === month && on.getUTCDate() < day)) age--;
    return age >= 0 && age <= 130 ? age : null;
  }
  return identity.estimatedAge ?? null;
}

export function ageBandOf(age: number | null): AgeBand {
  if (age === null) return 'unknown';
  if (age <= 5) return '0-5';
  if (age <= 11) return '6-11';
  if (age <= 14) return '12-14';
  if (age <= 17) return '15-17';
  if (age <= 24) return '18-24';
  if (age <= 59) return '25-59';
  return '60+';
}
