import { z } from 'zod';
import { AUDIENCES } from '../activities/activity.ts';

/**
 * A discussion guide (issue #10) that helps community and religious leaders talk about migrants'
 * rights and trafficking: sections of objectives, facilitator notes, questions, key messages and
 * illustrations (each with its alt text). French is the source; translations live beside it
 * (guide-translation.ts). A guide is drafted, then validated at a workshop — by whom and when
 * is kept — and a change after validation starts a new draft version.
 */
export const SECTION_KINDS = ['objectives', 'facilitator_notes', 'questions', 'key_messages', 'illustration'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const GUIDE_STATUSES = ['draft', 'validated', 'retired'] as const;
export type GuideStatus = (typeof GUIDE_STATUSES)[number];

/** A section's stable id: translations and comments follow it when sections are reordered. */
export const SECTION_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export const guideSectionSchema = z
  .object({
    id: z.string().regex(SECTION_ID_PATTERN),
    kind: z.enum(SECTION_KINDS),
    title: z.string().trim().max(200).default(''),
    /** Paragraphs, or one question / message per line for questions and key messages. */
    text: z.string().trim().max(10_000).default(''),
    /** An illustration: a stored image and what it shows, read aloud to those who cannot see it. */
    image: z.object({ fileId: z.uuid(), alt: z.string().trim().min(1).max(500) }).strict().optional(),
  })
  .strict()
  .refine((s) => s.kind !== 'illustration' || s.image !== undefined, { params: { code: 'guide_illustration_image_required' }, path: ['image'] })
  .refine((s) => s.kind === 'illustration' || s.text.length > 0, { params: { code: 'guide_section_text_required' }, path: ['text'] });
export type GuideSection = z.output<typeof guideSectionSchema>;

export const guideSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    audiences: z.array(z.enum(AUDIENCES)).min(1).max(AUDIENCES.length),
    sections: z.array(guideSectionSchema).min(1).max(100),
  })
  .strict()
  .refine((g) => new Set(g.sections.map((s) => s.id)).size === g.sections.length, { params: { code: 'guide_duplicate_section' }, path: ['sections'] });
export type GuideInput = z.input<typeof guideSchema>;
export type Guide = z.output<typeof guideSchema>;

/** The words of a section a translator translates: its title, its text, its image's alt text. */
export interface TranslatableText {
  title: string;
  text: string;
  alt: string;
}

export function translatableText(section: GuideSection): TranslatableText {
  return { title: section.title, text: section.text, alt: section.image?.alt ?? '' };
}

export const validationSchema = z
  .object({
    /** Who validated, as the workshop's report names them (roles and organisations). */
    validatedBy: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
    validatedOn: z.iso.date(),
    /** The validation workshop, recorded as an activity. */
    activityId: z.uuid().optional(),
  })
  .strict();
export type GuideValidation = z.output<typeof validationSchema>;

/** What an edit does: a draft changes in place; a validated guide keeps its words and the edit starts the next version as a draft; a retired guide is read only. */
export function editOutcome(status: GuideStatus): 'in_place' | 'new_draft_version' | 'refused' {
  if (status === 'draft') return 'in_place';
  return status === 'validated' ? 'new_draft_version' : 'refused';
}

/** Only a draft is validated; only a validated guide is retired. */
export function guideTransition(from: GuideStatus, event: 'validate' | 'retire'): GuideStatus | null {
  if (event === 'validate') return from === 'draft' ? 'validated' : null;
  return from === 'validated' ? 'retired' : null;
}
