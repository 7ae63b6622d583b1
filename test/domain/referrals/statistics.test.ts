import { describe, expect, it } from 'vitest';
import { MIN_PERSONS, type ReferralFact, median, referralStatistics } from '../../../src/domain/referrals/statistics.ts';

const sent = new Date('2026-10-01T08:00:00Z');
const hours = (h: number) => new Date(sent.getTime() + h * 3_600_000);
let n = 0;
const fact = (over: Partial<ReferralFact> = {}): ReferralFact => ({
  caseId: `case-${++n}`,
  toOrganisationId: 'shelter',
  serviceType: 'shelter',
  regionPcode: 'ML01',
  state: 'sent',
  sentAt: sent,
  answeredAt: null,
  completedAt: null,
  wentOverdue: false,
  ...over,
});
const many = (count: number, over: Partial<ReferralFact>) => Array.from({ length: count }, () => fact(over));

describe('referral statistics', () => {
  it('computes acceptance among answered referrals, medians of answer and completion times, and overdue counts', () => {
    const facts = [
      ...many(6, { state: 'completed', answeredAt: hours(2), completedAt: hours(48) }),
      ...many(4, { state: 'accepted', answeredAt: hours(10) }),
      ...many(2, { state: 'declined', answeredAt: hours(30), wentOverdue: true }),
      ...many(3, { state: 'overdue', wentOverdue: true }),
    ];
    const { cells, total } = referralStatistics(facts, 'toOrganisationId');
    expect(cells).toHaveLength(1);
    expect(total.figures).toEqual({ referrals: 15, persons: 15, acceptanceRate: 10 / 12, medianHoursToAnswer: 6, medianHoursToCompletion: 48, overdue: 5 });
  });

  it('counts persons, not referrals, toward the threshold', () => {
    const person = 'same-person';
    const facts = many(MIN_PERSONS + 5, { caseId: person, state: 'accepted', answeredAt: hours(1) });
    expect(referralStatistics(facts, 'serviceType').total.figures).toBeNull();
  });

  it(`hides a cell of fewer than ${MIN_PERSONS} persons, and the next smallest so the total does not give it away`, () => {
    const facts = [...many(30, { toOrganisationId: 'a' }), ...many(15, { toOrganisationId: 'b' }), ...many(12, { toOrganisationId: 'c' }), ...many(3, { toOrganisationId: 'd' })];
    const { cells, total } = referralStatistics(facts, 'toOrganisationId');
    expect(cells.map((c) => [c.key, c.figures?.persons ?? null])).toEqual([
      ['a', 30],
      ['b', 15],
      ['c', null],
      ['d', null],
    ]);
    expect(total.figures?.persons).toBe(60);
  });

  it('needs no second hidden cell when two are small already', () => {
    const facts = [...many(20, { regionPcode: 'ML01' }), ...many(4, { regionPcode: 'ML03' }), ...many(2, { regionPcode: 'ML07' })];
    expect(referralStatistics(facts, 'regionPcode').cells.map((c) => c.figures === null)).toEqual([false, true, true]);
  });

  it('takes the middle of an even list', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
