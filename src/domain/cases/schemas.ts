import { z } from 'zod';
import { answersSchema } from '../forms/answers.ts';
import { consentDecisionSchema } from './consent.ts';
import { caseStatsSchema, personIdentitySchema } from './identity.ts';

/** One screening questionnaire filled at identification, against the version it was collected with. */
export const screeningSubmissionSchema = z
  .object({
    formId: z.uuid(),
    version: z.number().int().min(1),
    answers: answersSchema,
  })
  .strict();

export const registerCaseInput = z
  .object({
    caseId: z.uuid(),
    /** Defaults to the identifier's own organisation. */
    organisationId: z.uuid().optional(),
    /** Post-reform admin-1 P-code where the person was identified. */
    regionPcode: z.string().regex(/^(ML|BF)\d{2}$/),
    identity: personIdentitySchema,
    stats: caseStatsSchema,
    screening: z.array(screeningSubmissionSchema).max(5).default([]),
    consents: z.array(consentDecisionSchema).min(1).max(40),
    /** Tokens from the duplicate check: "ask the coordinator whether this is the same person". */
    linkTo: z.array(z.string().min(1).max(1000)).max(5).default([]),
  })
  .strict();
export type RegisterCaseInput = z.output<typeof registerCaseInput>;

export const duplicateCheckInput = z
  .object({
    identity: personIdentitySchema,
    stats: caseStatsSchema.pick({ sex: true, nationality: true }),
  })
  .strict();
