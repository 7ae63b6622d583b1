import { canonicalGivenName, compact } from './variants.ts';
import { fold, skeleton, words } from './text.ts';

/** What the matcher reads of a person: the columns of `sira dedupe` input, all optional but the id. */
export interface PersonInput {
  id: string;
  givenName?: string | undefined;
  familyName?: string | undefined;
  sex?: string | undefined;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (estimated), or empty. */
  dateOfBirth?: string | undefined;
  nationality?: string | undefined;
  placeOfOrigin?: string | undefined;
  phone?: string | undefined;
  motherName?: string | undefined;
}

export interface BirthDate {
  year: number;
  month?: number | undefined;
  day?: number | undefined;
}

/** A name part ready to compare: its skeleton and, for given names, its variant group. */
export interface NamePart {
  /** Folded letters without spaces: typing mistakes are judged on what was typed. */
  letters: string;
  skeleton: string;
  canonical: string;
}

/** Derived once per person, compared many times. */
export interface PreparedPerson {
  id: string;
  given: NamePart | null;
  family: NamePart | null;
  sex: 'F' | 'M' | null;
  birth: BirthDate | null;
  nationality: string | null;
  place: string | null;
  /** National significant number: the last eight digits (Mali and Burkina Faso numbers have eight). */
  phone: string | null;
  mother: { given: NamePart | null; family: NamePart | null } | null;
}

const DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

export function parseBirthDate(text: string | undefined): BirthDate | null {
  const m = DATE.exec((text ?? '').trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return null;
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  return { year, ...(month && month <= 12 ? { month } : {}), ...(day && month && day <= 31 ? { day } : {}) };
}

/** "+223 76 12 34 56", "0022376123456", "76-12-34-56" → "76123456"; too short → null. */
export function phoneKey(text: string | undefined): string | null {
  const digits = (text ?? '').replace(/\D/g, '');
  return digits.length >= 8 ? digits.slice(-8) : null;
}

function sexOf(text: string | undefined): 'F' | 'M' | null {
  const s = fold(text ?? '');
  if (s === 'f' || s === 'female' || s === 'feminin' || s === 'femme') return 'F';
  if (s === 'm' || s === 'male' || s === 'masculin' || s === 'homme') return 'M';
  return null;
}

/**
 * Given and family names get the same treatment: registers swap them often enough ("TRAORÉ
 * Drissa") that the comparison tries both orders, and a family name is in no variant group.
 */
export function namePart(text: string | undefined): NamePart | null {
  const folded = fold(text ?? '');
  if (!folded) return null;
  return { letters: folded.replace(/ /g, ''), skeleton: compact(folded), canonical: canonicalGivenName(folded) };
}

/** A mother's full name is one field: its first word is taken as given name, the rest as family name. */
function motherOf(text: string | undefined): PreparedPerson['mother'] {
  const parts = words(text ?? '');
  if (parts.length === 0) return null;
  return { given: namePart(parts[0]), family: parts.length > 1 ? namePart(parts.slice(1).join(' ')) : null };
}

export function preparePerson(p: PersonInput): PreparedPerson {
  const nationality = fold(p.nationality ?? '');
  const place = fold(p.placeOfOrigin ?? '');
  return {
    id: p.id,
    given: namePart(p.givenName),
    family: namePart(p.familyName),
    sex: sexOf(p.sex),
    birth: parseBirthDate(p.dateOfBirth),
    nationality: nationality || null,
    place: place ? place.split(' ').map(skeleton).join('') : null,
    phone: phoneKey(p.phone),
    mother: motherOf(p.motherName),
  };
}
