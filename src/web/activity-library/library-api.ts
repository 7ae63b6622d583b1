import { useQuery } from '@tanstack/preact-query';
import type { LibraryItemView, LibraryKind } from '../../domain/activities/schemas.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import { apiGet } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';

export type { LibraryItemView, LibraryKind };

/** Type-only shapes of a library item's `content` (the bundle gets no zod). */
export type ExerciseContent = { kind: 'exercise'; exerciseType: string; instructions: string; materials: string[] };
export type QuestionnaireContent = { kind: 'questionnaire'; formKey: string; role: 'knowledge_test' | 'satisfaction' };
export type LibraryContent = { kind: 'theme' } | ExerciseContent | QuestionnaireContent;

export const libraryKeys = {
  all: ['activity-library'] as const,
  list: (kind: LibraryKind, archived: boolean) => ['activity-library', kind, archived] as const,
};

export const listLibrary = (kind: LibraryKind, archived: boolean, locale: Locale) =>
  apiGet<{ items: LibraryItemView[] }>(`/api/activity-library?kind=${kind}&archived=${archived}`, locale);

/** The library items of one kind; archived ones only when asked (the planning screens never offer them). */
export function useLibrary(kind: LibraryKind, options: { archived?: boolean } = {}) {
  const { locale } = useI18n();
  const archived = options.archived ?? false;
  return useQuery({ queryKey: libraryKeys.list(kind, archived), queryFn: () => listLibrary(kind, archived, locale) });
}

/** A text in the reader's language, else French (always there). */
export function localized(texts: Record<string, string>, locale: Locale): string {
  return texts[locale]?.trim() || texts.fr || '';
}

export const contentOf = (item: LibraryItemView) => item.content as LibraryContent;

/** Case- and accent-insensitive, so "securite" finds "Sécurité". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

/** Whether the item matches the search in any of its languages (a trainer may type French on an English screen). */
export function matches(item: LibraryItemView, needle: string): boolean {
  const wanted = fold(needle.trim());
  if (!wanted) return true;
  const content = contentOf(item);
  const texts = [...Object.values(item.title), ...Object.values(item.description), ...(content.kind === 'exercise' ? [content.instructions] : [])];
  return texts.some((text) => fold(text).includes(wanted));
}

export const exerciseTypeLabel = (type: string) => `activities.exercise.${type}` as MessageKey;
export const audienceLabel = (audience: string) => `activities.audience.${audience}` as MessageKey;
