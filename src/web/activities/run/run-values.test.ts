import { describe, expect, it } from 'vitest';
import { activityDayList, cellKey, dayTotal, placeOf, toCells, toCounts, todayInActivity } from './run-values.ts';

describe('head-count grid boxes', () => {
  it('show what the server holds, adding up lines of one cell', () => {
    const cells = toCells([
      { day: 1, sex: 'female', ageBand: '18-24', category: 'women', count: 4 },
      { day: 1, sex: 'female', ageBand: '18-24', category: 'women', count: 2 },
      { day: 2, sex: 'male', ageBand: '60+', category: 'other', count: 1 },
    ]);
    expect(cells).toEqual({ [cellKey(1, 'female', '18-24', 'women')]: '6', [cellKey(2, 'male', '60+', 'other')]: '1' });
  });

  it('send whole numbers only, leaving out blanks and zeros', () => {
    const cells = { [cellKey(1, 'female', '18-24', 'women')]: ' 12 ', [cellKey(1, 'male', '18-24', 'youth')]: '', [cellKey(2, 'male', '18-24', 'youth')]: '0' };
    expect(toCounts(cells)).toEqual([{ day: 1, sex: 'female', ageBand: '18-24', category: 'women', count: 12 }]);
    expect(toCounts({ ...cells, [cellKey(1, 'other', 'unknown', 'other')]: '3,5' })).toBeNull();
    expect(toCounts({ [cellKey(1, 'other', 'unknown', 'other')]: '-1' })).toBeNull();
  });

  it('total a day, ignoring other days and boxes still wrong', () => {
    const cells = { [cellKey(1, 'female', '18-24', 'women')]: '4', [cellKey(1, 'male', '15-17', 'youth')]: '3', [cellKey(1, 'male', '25-59', 'youth')]: 'x', [cellKey(11, 'male', '15-17', 'youth')]: '9' };
    expect(dayTotal(cells, 1)).toBe(7);
    expect(dayTotal(cells, 11)).toBe(9);
  });
});

describe('places of import problems', () => {
  it('read a row and a column letter, or a missing column by its header', () => {
    expect(placeOf('row 5 / column C')).toEqual({ row: 5, column: 'C' });
    expect(placeOf('row 1 / column Catégorie')).toEqual({ row: 1, column: 'Catégorie' });
    expect(placeOf('row 12')).toEqual({ row: 12, column: null });
    expect(placeOf('file')).toBeNull();
  });
});

describe('activity days', () => {
  it('number the days from the start date, both ends included', () => {
    expect(activityDayList({ startDate: '2026-02-27', endDate: '2026-03-02' })).toEqual([
      { day: 1, date: '2026-02-27' },
      { day: 2, date: '2026-02-28' },
      { day: 3, date: '2026-03-01' },
      { day: 4, date: '2026-03-02' },
    ]);
    expect(activityDayList({ startDate: '2026-11-23', endDate: '2026-11-23' })).toEqual([{ day: 1, date: '2026-11-23' }]);
  });

  it('open the roll call on today when today is one of them', () => {
    const plan = { startDate: '2026-11-23', endDate: '2026-11-25' };
    expect(todayInActivity(plan, new Date(2026, 10, 24, 9, 0))).toBe(2);
    expect(todayInActivity(plan, new Date(2026, 10, 26, 9, 0))).toBe(1);
  });
});
