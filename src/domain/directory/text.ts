/**
 * The one normal form of directory search, computed in TypeScript so that PGlite and
 * PostgreSQL (whose `unaccent` and collations may differ by version) find exactly the same
 * services: decomposed, stripped of accents, lower-cased, punctuation turned into spaces.
 * "Ségou" and "SEGOU" both become "segou"; Bambara letters (ɛ, ɔ, ɲ, ŋ) are kept as letters.
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The distinct words of a query, each of which a result must contain. */
export function searchTokens(query: string | undefined, max = 8): string[] {
  if (!query) return [];
  return [...new Set(normaliseForSearch(query).split(' ').filter((w) => w.length > 0))].slice(0, max);
}

/** Joins the searchable parts of a record into its stored search text. */
export function searchText(parts: readonly (string | null | undefined)[]): string {
  return ` ${parts
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .map(normaliseForSearch)
    .join(' ')} `;
}

/** Escapes LIKE's wildcards, so a query word matches only itself (escape character `\`). */
export function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}
