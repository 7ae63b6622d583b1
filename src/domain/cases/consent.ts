import { z } from 'zod';

/**
 * Layered consent (DOMAIN.md §4, as in Primero and the GBVIMS protocol): to receive services;
 * to referral and disclosure, per receiving organisation and per service type; to the use of
 * non-identifiable data in reports. Each decision is its own record and can be withdrawn; a
 * withdrawal takes effect at once because every check reads the records at the time of the
 * disclosure, on the server.
 */
export const CONSENT_LAYERS = ['services', 'disclosure', 'reporting'] as const;
export type ConsentLayer = (typeof CONSENT_LAYERS)[number];

export const CONSENT_GIVERS = ['self', 'caregiver', 'guardian', 'caseworker_best_interests'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const CHILD_ASSENTS = ['given', 'refused', 'not_applicable'] as const;
export type ChildAssent = (typeof CHILD_ASSENTS)[number];

export const consentDecisionSchema = z
  .object({
    layer: z.enum(CONSENT_LAYERS),
    decision: z.enum(['granted', 'refused']),
    /** Disclosure only: the receiving organisation; absent means any partner organisation. */
    organisationId: z.uuid().optional(),
    /** Disclosure only: the directory's service type code; absent means any service. */
    serviceType: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,63}$/)
      .optional(),
    givenBy: z.enum(CONSENT_GIVERS),
    childAssent: z.enum(CHILD_ASSENTS).default('not_applicable'),
    /** Language the consent was explained in (ISO 639-1/-3). */
    language: z.string().regex(/^[a-z]{2,3}$/),
    givenAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .refine((c) => c.layer === 'disclosure' || (c.organisationId === undefined && c.serviceType === undefined), {
    params: { code: 'consent_scope_disclosure_only' },
    path: ['organisationId'],
  });
export type ConsentDecision = z.output<typeof consentDecisionSchema>;

/** A stored consent record, as the checks read it. */
export interface ConsentRecord {
  layer: ConsentLayer;
  decision: 'granted' | 'refused';
  organisationId: string | null;
  serviceType: string | null;
  givenAt: Date;
  withdrawnAt: Date | null;
}

/**
 * When a decision takes effect: the time the phone gave, unless the phone's clock runs ahead
 * of the server's (common on shared phones), in which case now. A consent cannot start in the
 * future, and a wrong clock must not make a given consent look absent.
 */
export function consentTime(givenAt: string, now: Date): Date {
  const given = new Date(givenAt);
  return given > now ? now : given;
}

export interface DisclosureTarget {
  organisationId: string;
  serviceType: string | null;
}

function specificity(r: ConsentRecord): number {
  return (r.organisationId ? 2 : 0) + (r.serviceType ? 1 : 0);
}

/**
 * Whether the person's consent covers a disclosure to this organisation for this service.
 * The most specific decision that applies wins ("yes to partners, but not the police");
 * between equally specific ones the latest wins, and a refusal wins a tie. No decision means no.
 */
export function disclosureAllowed(records: readonly ConsentRecord[], target: DisclosureTarget, at: Date): boolean {
  const applicable = records.filter(
    (r) =>
      r.layer === 'disclosure' &&
      (r.withdrawnAt === null || r.withdrawnAt > at) &&
      r.givenAt <= at &&
      (r.organisationId === null || r.organisationId === target.organisationId) &&
      (r.serviceType === null || r.serviceType === target.serviceType),
  );
  if (applicable.length === 0) return false;
  applicable.sort((a, b) => specificity(b) - specificity(a) || b.givenAt.getTime() - a.givenAt.getTime() || (a.decision === 'refused' ? -1 : 1));
  return applicable[0]!.decision === 'granted';
}

/** The latest decision still in force on a layer without scope (services, reporting). */
export function layerGranted(records: readonly ConsentRecord[], layer: Exclude<ConsentLayer, 'disclosure'>, at: Date): boolean {
  const inForce = records
    .filter((r) => r.layer === layer && (r.withdrawnAt === null || r.withdrawnAt > at) && r.givenAt <= at)
    .sort((a, b) => b.givenAt.getTime() - a.givenAt.getTime());
  return inForce[0]?.decision === 'granted';
}

/**
 * Who may give consent for whom (Caring for Child Survivors, IRC/UNICEF 2012): an adult
 * consents for themselves; for a child under 15 a caregiver, guardian or — when no safe adult
 * can — a caseworker in the child's best interests consents, and a child of 6 or more gives or
 * refuses assent, which is recorded; at 15–17 the child consents, or a caregiver with the
 * child's permission. A child's refusal overrides a caregiver's yes except when a caseworker
 * decides in the child's best interests. A child whose age is unknown is treated as 12–14.
 * Returns the rule broken, as a `validation.<code>`, or null.
 */
export function consentGiverProblem(
  person: { isChild: boolean; ageYears: number | null },
  consent: Pick<ConsentDecision, 'givenBy' | 'childAssent' | 'decision'>,
): string | null {
  if (!person.isChild) return consent.givenBy === 'self' ? null : 'consent_adult_gives_own';
  const age = person.ageYears !== null && person.ageYears < 18 ? person.ageYears : 13;
  if (consent.decision === 'refused') return null; // anyone may say no for a child; the check is on who says yes
  if (age >= 15) {
    if (consent.givenBy === 'self') return null;
    return consent.childAssent === 'given' ? null : 'consent_child_permission_needed';
  }
  if (consent.givenBy === 'self') return 'consent_child_needs_adult';
  if (age < 6) return null;
  if (consent.childAssent === 'not_applicable') return 'consent_child_assent_needed';
  if (consent.childAssent === 'refused' && consent.givenBy !== 'caseworker_best_interests') return 'consent_child_assent_refused';
  return null;
}
