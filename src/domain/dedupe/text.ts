/**
 * Spelling-tolerant forms of West African names as they are written in Mali and Burkina Faso
 * registers: French spelling, English spelling, Bambara/Mooré spelling and typing mistakes
 * of the same name ("Ouattara", "Watara", "OUATTARA"; "Djénéba", "Jeneba", "Dienaba").
 */

/** Lower case, accents and punctuation removed, single spaces: "  Aïssata  N'DIAYE" → "aissata n diaye". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/**
 * A phonetic skeleton of one folded word, so that the usual transliteration pairs meet:
 * ou/u, dj/di/j, c/k/q, ch/sh, y/i, w/u, gu/g, ph/f, a silent h, doubled letters and a
 * final e. Vowels are otherwise kept: "Fanta" and "Fenta" stay apart, and the similarity
 * measure judges the rest.
 */
export function skeleton(word: string): string {
  let s = word
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/ch/g, 'S')
    .replace(/sh/g, 'S')
    .replace(/dj|dy/g, 'j')
    .replace(/di(?=[aeou])/g, 'j')
    .replace(/gu(?=[eiy])/g, 'g')
    .replace(/qu|q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/ou/g, 'u')
    .replace(/y/g, 'i')
    .replace(/w/g, 'u')
    .replace(/h/g, '')
    .replace(/(.)\1+/g, '$1');
  if (s.length > 3) s = s.replace(/([^aeiou])e$/, '$1');
  return s;
}

/** The words of a name, folded; hyphens and apostrophes separate words. */
export function words(text: string): string[] {
  const folded = fold(text);
  return folded ? folded.split(' ') : [];
}
