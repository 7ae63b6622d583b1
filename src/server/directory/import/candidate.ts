import type { ImportProblem, ImportProblemCode } from '../../../domain/directory/import-problems.ts';

export type Where = Pick<ImportProblem, 'sheet' | 'row' | 'column'>;
export type InputPath = readonly PropertyKey[];

/** A problem found on a candidate, located through its input path. */
export interface PathProblem {
  path: InputPath;
  code: ImportProblemCode;
  params?: Record<string, string>;
}

/**
 * One service read from a file, before validation: the input of `service.create` as the
 * file says it, and how to find, for any field of that input, the sheet, row and column it
 * came from.
 */
export interface Candidate {
  input: Record<string, unknown>;
  locate(path: InputPath): Where;
  /** Problems the reader already found (an unknown label, an unreadable number…). */
  problems: PathProblem[];
  /** HSDS assured_date: the day the entry was last checked with its provider. */
  verifiedOn?: string;
  /**
   * The Excel template carries only some fields: its rows are laid over the stored service,
   * so what the sheet does not say (contacts, phone types…) is kept.
   */
  overlay?: boolean;
}

export interface ParsedFile {
  candidates: Candidate[];
  /** Problems that belong to no service: a missing sheet, an unreadable file, an orphan row. */
  problems: ImportProblem[];
}

/** Longest-prefix lookup of where an input path came from. */
export function locator(origins: Map<string, Where>, fallback: Where): (path: InputPath) => Where {
  return (path) => {
    for (let n = path.length; n > 0; n -= 1) {
      const hit = origins.get(path.slice(0, n).map(String).join('.'));
      if (hit) return hit;
    }
    return fallback;
  };
}

export const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
export const textOf = (v: unknown): string | undefined => (blank(v) ? undefined : typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/** Drops absent members, so a missing cell and a missing JSON member read the same. */
export function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
