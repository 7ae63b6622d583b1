import { describe, expect, it } from 'vitest';
import {
  REFERRAL_EVENTS,
  REFERRAL_SIDES,
  REFERRAL_STATES,
  type ReferralEvent,
  type ReferralSide,
  type ReferralState,
  TERMINAL_STATES,
  allowedEvents,
  answerDeadline,
  reminderTime,
  transition,
} from '../../../src/domain/referrals/lifecycle.ts';

/**
 * Every state × every event × every side, against a table written out by hand: the
 * specification the state machine is held to (issue #8 asks for it to be tested exhaustively).
 */
const LEGAL: Partial<Record<ReferralState, Partial<Record<ReferralEvent, [ReferralSide, ReferralState]>>>> = {
  sent: {
    accept: ['receiver', 'accepted'],
    decline: ['receiver', 'declined'],
    cancel: ['referrer', 'cancelled'],
    deadline_passed: ['system', 'overdue'],
    record_paper_outcome: ['referrer', 'completed'],
  },
  overdue: {
    accept: ['receiver', 'accepted'],
    decline: ['receiver', 'declined'],
    cancel: ['referrer', 'cancelled'],
    record_paper_outcome: ['referrer', 'completed'],
  },
  accepted: {
    start: ['receiver', 'in_progress'],
    complete: ['receiver', 'completed'],
    not_complete: ['receiver', 'not_completed'],
    cancel: ['referrer', 'cancelled'],
    record_paper_outcome: ['referrer', 'completed'],
  },
  in_progress: {
    complete: ['receiver', 'completed'],
    not_complete: ['receiver', 'not_completed'],
    record_paper_outcome: ['referrer', 'completed'],
  },
};

/** The side each event belongs to, whatever the state. */
const SIDE: Record<ReferralEvent, ReferralSide> = {
  accept: 'receiver',
  decline: 'receiver',
  cancel: 'referrer',
  start: 'receiver',
  complete: 'receiver',
  not_complete: 'receiver',
  deadline_passed: 'system',
  record_paper_outcome: 'referrer',
};

describe('referral lifecycle', () => {
  const cases = REFERRAL_STATES.flatMap((state) => REFERRAL_EVENTS.flatMap((event) => REFERRAL_SIDES.map((side) => [state, event, side] as const)));
  it(`covers ${REFERRAL_STATES.length} states × ${REFERRAL_EVENTS.length} events × ${REFERRAL_SIDES.length} sides`, () => {
    expect(cases).toHaveLength(8 * 8 * 3);
  });

  it.each(cases)('%s + %s by %s', (state, event, side) => {
    const result = transition(state, event, side, 'completed');
    if (side !== SIDE[event]) {
      expect(result).toEqual({ ok: false, code: 'referral_wrong_side' });
      return;
    }
    const legal = LEGAL[state]?.[event];
    expect(result).toEqual(legal ? { ok: true, to: legal[1] } : { ok: false, code: 'referral_transition_illegal' });
  });

  it('lets a paper outcome be either completed or not completed, and never without one', () => {
    expect(transition('accepted', 'record_paper_outcome', 'referrer', 'not_completed')).toEqual({ ok: true, to: 'not_completed' });
    expect(transition('accepted', 'record_paper_outcome', 'referrer')).toEqual({ ok: false, code: 'referral_transition_illegal' });
  });

  it('offers no action in a terminal state, and exactly the legal ones elsewhere', () => {
    for (const state of TERMINAL_STATES) for (const side of REFERRAL_SIDES) expect(allowedEvents(state, side)).toEqual([]);
    expect(allowedEvents('sent', 'receiver')).toEqual(['accept', 'decline']);
    expect(allowedEvents('sent', 'referrer')).toEqual(['cancel', 'record_paper_outcome']);
    expect(allowedEvents('in_progress', 'receiver')).toEqual(['complete', 'not_complete']);
    expect(allowedEvents('overdue', 'system')).toEqual([]);
  });
});

describe('deadlines', () => {
  const sent = new Date('2026-11-23T08:00:00Z');
  it('gives 24 h, 72 h and 14 days by urgency, or what the country configured', () => {
    expect(answerDeadline(sent, 'emergency').toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(answerDeadline(sent, 'urgent').toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(answerDeadline(sent, 'normal').toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(answerDeadline(sent, 'emergency', { emergency: 12, urgent: 48, normal: 240 }).toISOString()).toBe('2026-11-23T20:00:00.000Z');
  });
  it('reminds a quarter of the time before the deadline', () => {
    expect(reminderTime(sent, answerDeadline(sent, 'emergency')).toISOString()).toBe('2026-11-24T02:00:00.000Z');
    expect(reminderTime(sent, answerDeadline(sent, 'normal')).toISOString()).toBe('2026-12-03T20:00:00.000Z');
  });
});
