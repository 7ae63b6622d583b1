import { z } from 'zod';
import { type Guide, type TranslatableText, translatableText } from './guide.ts';

/**
 * Translations of a guide, one per language code (bm, and any other: ff, snk, son, mos…).
 * Each translated section keeps the French words it was translated from: when the French
 * changes, the section is stale, and the translator sees exactly what changed, old beside new.
 * No hash is needed and nothing is guessed: stale means "the French is not what you translated".
 */
export const LANGUAGE_CODE_PATTERN = /^[a-z]{2,3}$/;

export const translatedSectionSchema = z
  .object({
    sectionId: z.string(),
    title: z.string().trim().max(200).default(''),
    text: z.string().trim().max(10_000).default(''),
    alt: z.string().trim().max(500).default(''),
    /** The French words at the time of translating. */
    source: z.object({ title: z.string(), text: z.string(), alt: z.string() }).strict(),
  })
  .strict();
export type TranslatedSection = z.output<typeof translatedSectionSchema>;

export const guideTranslationSchema = z
  .object({
    language: z.string().regex(LANGUAGE_CODE_PATTERN).refine((l) => l !== 'fr', { params: { code: 'translation_of_source_language' } }),
    sections: z.array(translatedSectionSchema).max(100),
  })
  .strict();
export type GuideTranslation = z.output<typeof guideTranslationSchema>;

export type SectionTranslationState = 'missing' | 'stale' | 'current';

const sameSource = (a: TranslatableText, b: TranslatableText) => a.title === b.title && a.text === b.text && a.alt === b.alt;

/** Which parts need words: a section with no title has no title to translate. */
function needed(source: TranslatableText): (keyof TranslatableText)[] {
  return (['title', 'text', 'alt'] as const).filter((k) => source[k].length > 0);
}

export function sectionState(guide: Guide, translation: GuideTranslation | undefined, sectionId: string): SectionTranslationState {
  const section = guide.sections.find((s) => s.id === sectionId);
  if (!section) throw new RangeError(`no section ${sectionId}`);
  const done = translation?.sections.find((t) => t.sectionId === sectionId);
  const source = translatableText(section);
  if (!done || needed(source).some((k) => done[k].length === 0)) return 'missing';
  return sameSource(done.source, source) ? 'current' : 'stale';
}

export interface TranslationProgress {
  language: string;
  sections: number;
  current: number;
  stale: number;
  missing: number;
  /** Share (0–1) of sections translated from the French as it is now. */
  completeness: number;
}

export function translationProgress(guide: Guide, translation: GuideTranslation): TranslationProgress {
  const states = guide.sections.map((s) => sectionState(guide, translation, s.id));
  const count = (state: SectionTranslationState) => states.filter((s) => s === state).length;
  return { language: translation.language, sections: states.length, current: count('current'), stale: count('stale'), missing: count('missing'), completeness: states.length === 0 ? 1 : count('current') / states.length };
}

/** A section translated now, from the French as it is now. */
export function translateSection(guide: Guide, sectionId: string, words: { title?: string; text?: string; alt?: string }): TranslatedSection {
  const section = guide.sections.find((s) => s.id === sectionId);
  if (!section) throw new RangeError(`no section ${sectionId}`);
  return { sectionId, title: words.title ?? '', text: words.text ?? '', alt: words.alt ?? '', source: translatableText(section) };
}

/**
 * The guide in a language, section by section, for print: the translation where it is current,
 * the French where it is missing or stale (marked, so a printed booklet never passes old words
 * off as the validated ones).
 */
export function guideInLanguage(guide: Guide, translation: GuideTranslation | undefined): { sectionId: string; words: TranslatableText; fallback: boolean }[] {
  return guide.sections.map((section) => {
    const state = sectionState(guide, translation, section.id);
    const done = translation?.sections.find((t) => t.sectionId === section.id);
    if (state === 'current' && done) return { sectionId: section.id, words: { title: done.title, text: done.text, alt: done.alt }, fallback: false };
    return { sectionId: section.id, words: translatableText(section), fallback: true };
  });
}
