import { describe, expect, it } from 'vitest';
import { type AttendanceInput, attendanceSchema, attendanceTotals } from '../../../src/domain/activities/attendance.ts';

const totals = (input: AttendanceInput) => attendanceTotals(attendanceSchema.parse(input));

/** Only the non-zero cells of a breakdown, so the expectations stay readable. */
function nonZero(b: { total: number; bySex: object; byAgeBand: object; byCategory: object }) {
  const keep = (r: object) => Object.fromEntries(Object.entries(r).filter(([, n]) => n !== 0));
  return { total: b.total, bySex: keep(b.bySex), byAgeBand: keep(b.byAgeBand), byCategory: keep(b.byCategory) };
}

describe('attendance totals, named participants', () => {
  const named: AttendanceInput = {
    mode: 'named',
    participants: [
      // Present both days: counted on each day, once overall.
      { participantCode: 'P-77SF-Q3', sex: 'female', ageBand: '18-24', category: 'women', consentToBeNamed: true, name: 'Awa Diarra', days: [1, 2] },
      { participantCode: 'P-M9X9-F8', sex: 'male', ageBand: '25-59', category: 'security_forces', consentToBeNamed: false, days: [1] },
      { participantCode: 'P-VDH1-S7', sex: 'male', ageBand: '25-59', category: 'security_forces', consentToBeNamed: false, days: [2] },
      // Registered, never came: nowhere in the figures.
      { participantCode: 'P-Z46Z-33', sex: 'female', ageBand: '15-17', category: 'youth', consentToBeNamed: false, days: [] },
      // Ticked twice for day 2 on the sheet: still one person that day.
      { participantCode: 'P-M07W-ZQ', sex: 'female', ageBand: '60+', category: 'community_leaders', consentToBeNamed: false, days: [2, 2] },
    ],
  };

  it('counts each day, and each person once overall, by hand', () => {
    const t = totals(named);
    expect(t.overallMethod).toBe('distinct_participants');
    expect(t.days.map((d) => ({ day: d.day, ...nonZero(d) }))).toEqual([
      { day: 1, total: 2, bySex: { female: 1, male: 1 }, byAgeBand: { '18-24': 1, '25-59': 1 }, byCategory: { women: 1, security_forces: 1 } },
      {
        day: 2,
        total: 3,
        bySex: { female: 2, male: 1 },
        byAgeBand: { '18-24': 1, '25-59': 1, '60+': 1 },
        byCategory: { women: 1, security_forces: 1, community_leaders: 1 },
      },
    ]);
    expect(nonZero(t.overall)).toEqual({
      total: 4,
      bySex: { female: 2, male: 2 },
      byAgeBand: { '18-24': 1, '25-59': 2, '60+': 1 },
      byCategory: { women: 1, security_forces: 2, community_leaders: 1 },
    });
    expect(t.participantDays).toBe(5);
  });

  it('lists every sex, age band and category, at zero when nobody', () => {
    const t = totals(named);
    expect(t.overall.bySex).toEqual({ female: 2, male: 2, other: 0, unknown: 0 });
    expect(t.overall.byAgeBand['0-5']).toBe(0);
    expect(t.overall.byCategory.other).toBe(0);
  });

  it('refuses a participant code twice, and a name without consent', () => {
    const p = { participantCode: 'P-77SF-Q3', sex: 'male', ageBand: '25-59', category: 'partners', consentToBeNamed: false, days: [1] } as const;
    const twice = attendanceSchema.safeParse({ mode: 'named', participants: [p, p] });
    expect(twice.error?.issues.map((i) => (i.code === 'custom' ? i.params : i.code))).toEqual([{ code: 'attendance_duplicate_participant' }]);
    const unnamed = attendanceSchema.safeParse({ mode: 'named', participants: [{ ...p, name: 'Seydou Keita' }] });
    expect(unnamed.error?.issues.map((i) => (i.code === 'custom' ? i.params : i.code))).toEqual([{ code: 'attendance_name_without_consent' }]);
  });

  it('reads a participant code as typed from paper, finds it twice however it was typed, and refuses a slip', () => {
    const p = { sex: 'male', ageBand: '25-59', category: 'partners', consentToBeNamed: false, days: [1] } as const;
    const typed = attendanceSchema.safeParse({ mode: 'named', participants: [{ ...p, participantCode: 'p 77sf q3' }] });
    expect(typed.success && typed.data.mode === 'named' && typed.data.participants[0]!.participantCode).toBe('P-77SF-Q3');
    const twice = attendanceSchema.safeParse({ mode: 'named', participants: [{ ...p, participantCode: 'P-77SF-Q3' }, { ...p, participantCode: '77sf-q3' }] });
    expect(twice.error?.issues.map((i) => (i.code === 'custom' ? i.params : i.code))).toEqual([{ code: 'attendance_duplicate_participant' }]);
    const slip = attendanceSchema.safeParse({ mode: 'named', participants: [{ ...p, participantCode: 'P-77SF-Q4' }] });
    expect(slip.error?.issues.map((i) => (i.code === 'custom' ? i.params : i.code))).toEqual([{ code: 'participant_code_invalid' }]);
  });
});

describe('attendance totals, anonymous head counts', () => {
  const anonymous: AttendanceInput = {
    mode: 'anonymous',
    counts: [
      { day: 1, sex: 'female', ageBand: '25-59', category: 'women', count: 10 },
      { day: 1, sex: 'male', ageBand: '25-59', category: 'security_forces', count: 6 },
      { day: 1, sex: 'male', ageBand: '18-24', category: 'youth', count: 4 },
      { day: 2, sex: 'female', ageBand: '25-59', category: 'women', count: 8 },
      { day: 2, sex: 'male', ageBand: '25-59', category: 'security_forces', count: 7 },
      // Same cell typed in from a second page of the sheet: added up.
      { day: 2, sex: 'female', ageBand: '25-59', category: 'women', count: 3 },
      // As busy as day 1: the earliest of equally busy days is the overall figure.
      { day: 3, sex: 'male', ageBand: '18-24', category: 'youth', count: 20 },
      { day: 3, sex: 'female', ageBand: '18-24', category: 'youth', count: 0 },
    ],
  };

  it('sums each day, and takes the busiest day as the overall distinct persons', () => {
    const t = totals(anonymous);
    expect(t.days.map((d) => [d.day, d.total])).toEqual([
      [1, 20],
      [2, 18],
      [3, 20],
    ]);
    expect(nonZero(t.days[1]!)).toEqual({ total: 18, bySex: { female: 11, male: 7 }, byAgeBand: { '25-59': 18 }, byCategory: { women: 11, security_forces: 7 } });
    expect(t.overallMethod).toBe('busiest_day');
    expect(nonZero(t.overall)).toEqual({
      total: 20,
      bySex: { female: 10, male: 10 },
      byAgeBand: { '25-59': 16, '18-24': 4 },
      byCategory: { women: 10, security_forces: 6, youth: 4 },
    });
    expect(t.participantDays).toBe(58);
  });

  it('gives zeros when nobody was counted', () => {
    const t = totals({ mode: 'anonymous', counts: [] });
    expect(t.days).toEqual([]);
    expect(t.overall.total).toBe(0);
    expect(t.participantDays).toBe(0);
  });

  it('does not mix named participants into head counts', () => {
    expect(attendanceSchema.safeParse({ mode: 'anonymous', participants: [] }).success).toBe(false);
  });
});
