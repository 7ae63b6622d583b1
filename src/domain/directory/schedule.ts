/** Weekly opening hours, as HSDS schedules with freq WEEKLY (RFC 5545 day codes). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const TIME_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/**
 * Mali and Burkina Faso both keep UTC all year (no daylight saving), so a local opening
 * time compares directly with the UTC clock. A deployment elsewhere would pass its offset.
 */
export function localMoment(now: Date, offsetMinutes = 0): { day: Weekday; time: string } {
  const local = new Date(now.getTime() + offsetMinutes * 60_000);
  const day = WEEKDAYS[(local.getUTCDay() + 6) % 7]!;
  const time = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  return { day, time };
}

export interface WeeklyOpening {
  days: readonly Weekday[];
  opensAt: string;
  closesAt: string;
}

/** Whether one of these openings covers the moment (closing time excluded). */
export function isOpenAt(openings: readonly WeeklyOpening[], now: Date, offsetMinutes = 0): boolean {
  const { day, time } = localMoment(now, offsetMinutes);
  return openings.some((o) => o.days.includes(day) && o.opensAt <= time && time < o.closesAt);
}
