import type { PreparedPerson } from './person.ts';

/**
 * Blocking: two records are compared only when they share a key, so a check costs a few
 * look-ups instead of a pass over every person. Several keys per person, each tolerant of a
 * different kind of difference (spelling, swapped names, another phone, a typo anywhere), so
 * that a true pair missed by one is caught by another. On the server the keys are stored as
 * HMACs: the database holds no name in clear, only equal-or-not.
 */
export function blockingKeys(p: PreparedPerson): string[] {
  const keys: string[] = [];
  if (p.phone) keys.push(`p:${p.phone}`);
  const g = p.given;
  const f = p.family;
  const pair = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  // Sex is recorded reliably; an unknown one joins both sides.
  const sexes = p.sex ? [p.sex] : ['F', 'M'];
  if (g && f) {
    for (const sex of sexes) {
      // One name right, the other's first letter as typed: survives a typo anywhere else, and swapped names.
      keys.push(`gf:${sex}:${g.canonical}|${f.letters.slice(0, 2)}`, `gf:${sex}:${f.canonical}|${g.letters.slice(0, 2)}`);
    }
    keys.push(`h:${pair(g.skeleton.slice(0, 3), f.skeleton.slice(0, 3))}`);
  }
  // Place of origin and either name, whichever field it was written in: survives a typo in the other.
  if (p.place) for (const name of [g, f]) if (name) keys.push(`pn:${p.place}:${name.canonical}`);
  if (p.birth) {
    if (g) keys.push(`gy:${g.canonical}:${p.birth.year}`);
    if (f) keys.push(`fy:${f.canonical}:${p.birth.year}`);
    if (g && f) {
      keys.push(`iy:${pair(g.letters.slice(0, 2), f.letters.slice(0, 2))}:${p.birth.year}`);
      // The ends of both names: survives a typo or a variant at the start.
      keys.push(`ty:${pair(g.skeleton.slice(-3), f.skeleton.slice(-3))}:${p.birth.year}`);
    }
  }
  const m = p.mother;
  if (m?.given && (g || f)) keys.push(`m:${m.given.canonical}:${m.family?.canonical ?? ''}:${(g ?? f)!.skeleton.slice(0, 2)}`);
  return keys;
}
