import type { HeadCount } from '../../../domain/activities/attendance.ts';

/**
 * The pure parts of the screens of the day: the head-count grid's boxes and the server's
 * places of import problems. Kept apart so they are tested without a browser.
 */

/** The grid's boxes as typed: one per day × sex × age band × category. */
export type Cells = Record<string, string>;

export const cellKey = (day: number, sex: string, ageBand: string, category: string) => `${day}|${sex}|${ageBand}|${category}`;

/** What the server holds, one box per cell (several lines of one cell are added up, as the server does). */
export function toCells(counts: readonly HeadCount[]): Cells {
  const cells: Cells = {};
  for (const c of counts) {
    const key = cellKey(c.day, c.sex, c.ageBand, c.category);
    cells[key] = String(Number(cells[key] ?? 0) + c.count);
  }
  return cells;
}

const WHOLE = /^\d{1,6}$/;

/** Whether a box holds something other than blank or a whole number. */
export const isWrongCount = (text: string) => text.trim() !== '' && !WHOLE.test(text.trim());

/** The counts to send: blanks and zeros are left out; null when a box is not a whole number. */
export function toCounts(cells: Cells): HeadCount[] | null {
  const counts: HeadCount[] = [];
  for (const [key, text] of Object.entries(cells)) {
    if (isWrongCount(text)) return null;
    const count = Number(text.trim() || 0);
    if (count === 0) continue;
    const [day, sex, ageBand, category] = key.split('|');
    counts.push({ day: Number(day), sex, ageBand, category, count } as HeadCount);
  }
  return counts;
}

/** The people counted on one day in the boxes as typed (wrong boxes count nothing until fixed). */
export function dayTotal(cells: Cells, day: number): number {
  return Object.entries(cells)
    .filter(([key, text]) => key.startsWith(`${day}|`) && !isWrongCount(text))
    .reduce((sum, [, text]) => sum + Number(text.trim() || 0), 0);
}

/**
 * "row 5 / column C" from the server, said as "Ligne 5, colonne C". A missing column is named
 * by its expected header instead of a letter ("row 1 / column Sexe"); "file" has no place.
 */
export function placeOf(path: string): { row: number; column: string | null } | null {
  const match = /^row\s+(\d+)(?:\s*\/\s*column\s+(.+))?$/.exec(path.trim());
  return match ? { row: Number(match[1]), column: match[2]?.trim() || null } : null;
}

/** Activity days 1…n with their dates (day 1 = start date), as the sheet numbers them. */
export function activityDayList(plan: { startDate: string; endDate: string }): { day: number; date: string }[] {
  const start = Date.parse(`${plan.startDate}T12:00:00Z`);
  const end = Date.parse(`${plan.endDate}T12:00:00Z`);
  const count = Math.max(1, Math.min(31, Math.round((end - start) / 86_400_000) + 1));
  return Array.from({ length: count }, (_, i) => ({ day: i + 1, date: new Date(start + i * 86_400_000).toISOString().slice(0, 10) }));
}

/** The day of the activity that today is (the roll call opens on it), else day 1. */
export function todayInActivity(plan: { startDate: string; endDate: string }, today = new Date()): number {
  const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return activityDayList(plan).find((d) => d.date === local)?.day ?? 1;
}
