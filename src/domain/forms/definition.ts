import { z } from 'zod';

/**
 * A questionnaire as data. The shape follows XLSForm closely (names, types, XPath
 * expressions with `${name}` references) so that a form imported from a spreadsheet can be
 * exported back without loss, and so that the expressions keep the semantics their authors
 * tested in ODK or KoboToolbox.
 */

/** BCP-47-ish language code, or `default` for an XLSForm column without a language. */
export const languageCode = z.string().regex(/^(default|[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)$/);
export const localizedText = z.record(languageCode, z.string().max(4000));
export type LocalizedText = z.infer<typeof localizedText>;

export const QUESTION_TYPES = [
  'text',
  'integer',
  'decimal',
  'date',
  'select_one',
  'select_multiple',
  'acknowledge',
  'note',
  'calculate',
  'geopoint',
  'image',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const SELECT_TYPES: readonly QuestionType[] = ['select_one', 'select_multiple'];

/**
 * XLSForm names: an XML element name without namespace. Names become object keys of answers
 * and results, so the few that would reach Object.prototype are refused.
 */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
export const nodeName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/)
  .refine((name) => !RESERVED_NAMES.has(name));
const expression = z.string().trim().min(1).max(2000);

export const scoringSchema = z
  .object({
    /** Choice names (or the literal answer) that earn the points. */
    correct: z.array(z.string().max(200)).min(1),
    points: z.number().positive().max(1000),
  })
  .strict();

export const questionSchema = z
  .object({
    kind: z.literal('question'),
    name: nodeName,
    type: z.enum(QUESTION_TYPES),
    /** The list in `choices` a select question draws from. */
    listName: nodeName.optional(),
    label: localizedText.optional(),
    hint: localizedText.optional(),
    required: z.boolean().optional(),
    requiredMessage: localizedText.optional(),
    relevant: expression.optional(),
    constraint: expression.optional(),
    constraintMessage: localizedText.optional(),
    calculation: expression.optional(),
    choiceFilter: expression.optional(),
    appearance: z.string().max(200).optional(),
    default: z.string().max(500).optional(),
    readOnly: z.boolean().optional(),
    scoring: scoringSchema.optional(),
  })
  .strict();
export type Question = z.infer<typeof questionSchema>;

export interface Group {
  kind: 'group';
  name: string;
  label?: LocalizedText | undefined;
  relevant?: string | undefined;
  appearance?: string | undefined;
  children: FormNode[];
}
export interface Repeat {
  kind: 'repeat';
  name: string;
  label?: LocalizedText | undefined;
  relevant?: string | undefined;
  repeatCount?: string | undefined;
  children: FormNode[];
}
export type FormNode = Question | Group | Repeat;

export const groupSchema: z.ZodType<Group> = z.lazy(() =>
  z
    .object({
      kind: z.literal('group'),
      name: nodeName,
      label: localizedText.optional(),
      relevant: expression.optional(),
      appearance: z.string().max(200).optional(),
      children: z.array(formNodeSchema).max(500),
    })
    .strict(),
);
export const repeatSchema: z.ZodType<Repeat> = z.lazy(() =>
  z
    .object({
      kind: z.literal('repeat'),
      name: nodeName,
      label: localizedText.optional(),
      relevant: expression.optional(),
      repeatCount: expression.optional(),
      children: z.array(formNodeSchema).max(500),
    })
    .strict(),
);
export const formNodeSchema: z.ZodType<FormNode> = z.lazy(() => z.union([questionSchema, groupSchema, repeatSchema]));

export const choiceSchema = z
  .object({
    name: z.string().min(1).max(200),
    label: localizedText,
    /** Extra columns of the choices sheet, used by `choice_filter` expressions. */
    properties: z.record(nodeName, z.string().max(500)).optional(),
  })
  .strict();
export type Choice = z.infer<typeof choiceSchema>;

export const languageSchema = z.object({ code: languageCode, name: z.string().max(100) }).strict();
export type FormLanguage = z.infer<typeof languageSchema>;

export const formDefinitionSchema = z
  .object({
    /** XLSForm `form_id`: stable across versions. */
    formId: nodeName,
    /** XLSForm `version`: free text chosen by the author; Sira numbers versions itself. */
    version: z.string().max(100).optional(),
    title: localizedText,
    languages: z.array(languageSchema).min(1).max(30),
    defaultLanguage: languageCode,
    children: z.array(formNodeSchema).min(1).max(1000),
    choices: z.record(nodeName, z.array(choiceSchema).min(1).max(2000)),
  })
  .strict()
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    for (const { node, path } of walk(form.children)) {
      if (seen.has(node.name)) ctx.addIssue({ code: 'custom', path: ['children', ...path], params: { code: 'form_duplicate_name' } });
      seen.add(node.name);
      if (node.kind === 'question' && SELECT_TYPES.includes(node.type) && !(node.listName && form.choices[node.listName])) {
        ctx.addIssue({ code: 'custom', path: ['children', ...path, 'listName'], params: { code: 'form_unknown_list' } });
      }
    }
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

/** Every node in document order, with its path inside the definition and its ancestors. */
export function* walk(nodes: readonly FormNode[], path: (string | number)[] = [], ancestors: (Group | Repeat)[] = []): Generator<{ node: FormNode; path: (string | number)[]; ancestors: (Group | Repeat)[] }> {
  for (const [i, node] of nodes.entries()) {
    yield { node, path: [...path, i], ancestors };
    if (node.kind !== 'question') yield* walk(node.children, [...path, i, 'children'], [...ancestors, node]);
  }
}

export function questions(form: Pick<FormDefinition, 'children'>): Question[] {
  const out: Question[] = [];
  for (const { node } of walk(form.children)) if (node.kind === 'question') out.push(node);
  return out;
}

/** Questions a respondent answers (notes and calculations are not counted). */
export function answerableQuestions(form: Pick<FormDefinition, 'children'>): Question[] {
  return questions(form).filter((q) => q.type !== 'note' && q.type !== 'calculate');
}

/** The label in the requested language, falling back to the form's default, then any. */
export function localize(text: LocalizedText | undefined, language: string, fallback: string): string | undefined {
  if (!text) return undefined;
  return text[language] ?? text[fallback] ?? text.default ?? Object.values(text)[0];
}
