import { describe, expect, it } from 'vitest';
import { type Guide, type GuideInput, editOutcome, guideSchema, guideTransition } from '../../../src/domain/community/guide.ts';
import { guideInLanguage, guideTranslationSchema, sectionState, translateSection, translationProgress } from '../../../src/domain/community/guide-translation.ts';

const IMAGE = '0193a1c2-0000-7000-8000-0000000000ff';
const input: GuideInput = {
  title: 'Parler des droits des migrants avec les leaders religieux',
  audiences: ['religious_leaders'],
  sections: [
    { id: 'objectives', kind: 'objectives', title: 'Objectifs', text: 'Comprendre ce qu’est la traite.' },
    { id: 'questions', kind: 'questions', text: 'Qui part de notre quartier ?\nQui revient ?' },
    { id: 'picture', kind: 'illustration', image: { fileId: IMAGE, alt: 'Un car à la gare routière, des jeunes attendent.' } },
  ],
};
const guide: Guide = guideSchema.parse(input);
const codes = (value: GuideInput) => (guideSchema.safeParse(value).error?.issues ?? []).map((i) => (i as { params?: { code?: string } }).params?.code ?? i.code);

describe('a discussion guide', () => {
  it('has sections with stable ids; an illustration needs its image and alt text; text sections need text', () => {
    expect(codes(input)).toEqual([]);
    expect(codes({ ...input, sections: [...input.sections, { id: 'questions', kind: 'key_messages', text: 'Un message' }] })).toEqual(['guide_duplicate_section']);
    expect(codes({ ...input, sections: [{ id: 'p', kind: 'illustration' }] })).toEqual(['guide_illustration_image_required']);
    expect(codes({ ...input, sections: [{ id: 'q', kind: 'questions', text: '' }] })).toEqual(['guide_section_text_required']);
    expect(codes({ ...input, sections: [{ id: 'p', kind: 'illustration', image: { fileId: IMAGE, alt: '' } }] })).toEqual(['too_small']);
  });

  it('is validated from a draft only, retired once validated; a validated guide is changed through a new draft version', () => {
    expect(guideTransition('draft', 'validate')).toBe('validated');
    expect(guideTransition('validated', 'validate')).toBeNull();
    expect(guideTransition('validated', 'retire')).toBe('retired');
    expect(guideTransition('draft', 'retire')).toBeNull();
    expect([editOutcome('draft'), editOutcome('validated'), editOutcome('retired')]).toEqual(['in_place', 'new_draft_version', 'refused']);
  });
});

describe('a translation of a guide', () => {
  const bambara = guideTranslationSchema.parse({
    language: 'bm',
    sections: [translateSection(guide, 'objectives', { title: 'Laɲiniw', text: 'Ka mɔgɔjago faamu.' }), translateSection(guide, 'picture', { alt: 'Mobili dɔ jɔlen don, kamalenw bɛ a makɔnɔ.' })],
  });

  it('counts sections current, missing and stale, and its completeness', () => {
    expect(['objectives', 'questions', 'picture'].map((id) => sectionState(guide, bambara, id))).toEqual(['current', 'missing', 'current']);
    expect(translationProgress(guide, bambara)).toEqual({ language: 'bm', sections: 3, current: 2, stale: 0, missing: 1, completeness: 2 / 3 });
  });

  it('marks a section stale when its French changes, and current again once translated from the new French', () => {
    const changed: Guide = { ...guide, sections: guide.sections.map((s) => (s.id === 'objectives' ? { ...s, text: 'Comprendre ce qu’est la traite des personnes et qui peut aider.' } : s)) };
    expect(sectionState(changed, bambara, 'objectives')).toBe('stale');
    expect(translationProgress(changed, bambara)).toMatchObject({ current: 1, stale: 1, missing: 1 });
    // What the translator sees: the French they translated, beside the French now.
    expect(bambara.sections[0]?.source.text).toBe('Comprendre ce qu’est la traite.');
    const redone = { ...bambara, sections: [translateSection(changed, 'objectives', { title: 'Laɲiniw', text: 'Ka mɔgɔjago faamu ani jɔn bɛ se ka dɛmɛ kɛ.' }), ...bambara.sections.slice(1)] };
    expect(sectionState(changed, redone, 'objectives')).toBe('current');
  });

  it('prints the French, marked, where the translation is missing or stale', () => {
    const printed = guideInLanguage(guide, bambara);
    expect(printed.map((p) => [p.sectionId, p.fallback])).toEqual([
      ['objectives', false],
      ['questions', true],
      ['picture', false],
    ]);
    expect(printed[0]?.words.text).toBe('Ka mɔgɔjago faamu.');
    expect(printed[1]?.words.text).toBe('Qui part de notre quartier ?\nQui revient ?');
  });

  it('is for another language than the French source, by its code', () => {
    expect(guideTranslationSchema.safeParse({ language: 'fr', sections: [] }).success).toBe(false);
    expect(guideTranslationSchema.safeParse({ language: 'Bambara', sections: [] }).success).toBe(false);
    expect(guideTranslationSchema.safeParse({ language: 'snk', sections: [] }).success).toBe(true);
  });
});
