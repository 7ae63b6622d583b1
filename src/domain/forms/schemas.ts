import { z } from 'zod';
import { ANSWER_ISSUE_CODES, answersSchema } from './answers.ts';
import { formDefinitionSchema, localizedText } from './definition.ts';

/** Command inputs and the views that leave the server, shared with the web app. */

export const createFormInput = z
  .object({
    /** Client-chosen, so that an offline client can refer to the form before sync. */
    formId: z.uuid(),
    definition: formDefinitionSchema,
  })
  .strict();

/** A new version of an existing form (same XLSForm form_id); it starts as a draft. */
export const addFormVersionInput = z.object({ formId: z.uuid(), definition: formDefinitionSchema }).strict();

export const publishFormVersionInput = z.object({ formId: z.uuid(), version: z.number().int().min(1) }).strict();

export const validateAnswersInput = z.object({ answers: answersSchema }).strict();

export const FORM_VERSION_STATUSES = ['draft', 'published', 'retired'] as const;

export const formVersionSummary = z.object({
  version: z.number().int(),
  status: z.enum(FORM_VERSION_STATUSES),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});

export const formView = z.object({
  id: z.uuid(),
  formKey: z.string(),
  title: localizedText,
  latestVersion: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type FormView = z.infer<typeof formView>;

export const formDetailView = formView.extend({ versions: z.array(formVersionSummary) });
export type FormDetailView = z.infer<typeof formDetailView>;

export const formVersionView = formVersionSummary.extend({ formId: z.uuid(), definition: formDefinitionSchema });
export type FormVersionView = z.infer<typeof formVersionView>;

export const answerIssueView = z.object({
  path: z.string(),
  code: z.enum(ANSWER_ISSUE_CODES),
  message: localizedText.optional(),
});
export const validationResultView = z.object({
  valid: z.boolean(),
  issues: z.array(answerIssueView),
  relevant: z.record(z.string(), z.boolean()),
  calculated: z.record(z.string(), z.string()),
  repeatCounts: z.record(z.string(), z.number().int()),
  score: z.object({ total: z.number(), max: z.number(), percentage: z.number().nullable() }),
});
