import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_EVENTS,
  ACTIVITY_STATES,
  type ActivityEvent,
  type ActivityState,
  activityTransition,
  allowedActivityEvents,
  isActivityTerminal,
} from '../../../src/domain/activities/lifecycle.ts';

/** Every state × every event against a table written out by hand: the specification. */
const LEGAL: Partial<Record<ActivityState, Partial<Record<ActivityEvent, ActivityState>>>> = {
  planned: { confirm: 'confirmed', cancel: 'cancelled' },
  confirmed: { hold: 'held', cancel: 'cancelled' },
  held: { report: 'reported' },
};

describe('activity lifecycle', () => {
  const cases = ACTIVITY_STATES.flatMap((state) => ACTIVITY_EVENTS.map((event) => [state, event] as const));
  it(`covers ${ACTIVITY_STATES.length} states × ${ACTIVITY_EVENTS.length} events`, () => {
    expect(cases).toHaveLength(5 * 4);
  });

  it.each(cases)('%s + %s', (state, event) => {
    const to = LEGAL[state]?.[event];
    expect(activityTransition(state, event)).toEqual(to ? { ok: true, to } : { ok: false, code: 'activity_transition_illegal' });
  });

  it('offers exactly the legal events in each state', () => {
    for (const state of ACTIVITY_STATES) {
      expect(allowedActivityEvents(state)).toEqual(ACTIVITY_EVENTS.filter((e) => LEGAL[state]?.[e] !== undefined));
    }
  });

  it('ends in reported or cancelled, which accept nothing', () => {
    expect(ACTIVITY_STATES.filter(isActivityTerminal)).toEqual(['reported', 'cancelled']);
    expect(allowedActivityEvents('reported')).toEqual([]);
    expect(allowedActivityEvents('cancelled')).toEqual([]);
  });
});
