import { describe, expect, it } from 'vitest';
import { type ActionInput, actionSchema, actionsInReadingOrder, daysLate, isActionOverdue, summarisePlan } from '../../../src/domain/community/action-plan.ts';

const action = (over: Partial<ActionInput> = {}): ActionInput => ({
  recommendation: 'Faire connaître les services de protection aux transporteurs',
  action: 'Afficher les numéros utiles à la gare routière de Kayes',
  responsibleOthers: ['Syndicat des transporteurs (démo)'],
  dueDate: '2026-12-15',
  ...over,
});
const codes = (input: ActionInput) => (actionSchema.safeParse(input).error?.issues ?? []).map((i) => (i as { params?: { code?: string } }).params?.code ?? i.code);

describe('an action of a community action plan', () => {
  it('needs someone to answer for it, a due day not before its start, and a reason to be blocked or dropped', () => {
    expect(codes(action())).toEqual([]);
    expect(codes(action({ responsibleOthers: [] }))).toEqual(['action_responsible_required']);
    expect(codes(action({ startDate: '2026-12-20' }))).toEqual(['action_due_before_start']);
    expect(codes(action({ status: 'blocked' }))).toEqual(['action_reason_required']);
    expect(codes(action({ status: 'dropped', statusReason: 'Le syndicat a refusé' }))).toEqual([]);
    expect(codes(action({ dueDate: '15/12/2026' }))).toEqual(['invalid_format']);
  });

  it('is overdue once its due day has passed, unless done or dropped, and says by how many days', () => {
    expect(isActionOverdue({ dueDate: '2026-12-15', status: 'in_progress' }, '2026-12-15')).toBe(false);
    expect(isActionOverdue({ dueDate: '2026-12-15', status: 'in_progress' }, '2026-12-16')).toBe(true);
    expect(daysLate({ dueDate: '2026-12-15', status: 'blocked' }, '2027-01-04')).toBe(20);
    for (const status of ['done', 'dropped'] as const) expect(daysLate({ dueDate: '2026-12-15', status }, '2027-01-04')).toBe(0);
  });

  it('sums a plan up: counts by status, overdue, completion without the dropped ones', () => {
    const today = '2027-01-10';
    const plan = [
      { dueDate: '2026-12-01', status: 'done' as const },
      { dueDate: '2026-12-20', status: 'in_progress' as const },
      { dueDate: '2027-02-01', status: 'planned' as const },
      { dueDate: '2026-11-01', status: 'dropped' as const },
      { dueDate: '2026-10-01', status: 'blocked' as const },
    ];
    const summary = summarisePlan(plan, today);
    expect(summary.total).toBe(5);
    expect(summary.byStatus).toEqual({ planned: 1, in_progress: 1, blocked: 1, done: 1, dropped: 1 });
    expect(summary.overdue).toBe(2);
    expect(summary.completion).toBe(1 / 4);
    expect(summarisePlan([], today).completion).toBeNull();
    expect(actionsInReadingOrder(plan, today).map((a) => a.dueDate)).toEqual(['2026-10-01', '2026-12-20', '2026-11-01', '2026-12-01', '2027-02-01']);
  });
});
