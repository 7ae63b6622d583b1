/**
 * The life of a community activity, shared by the server (which applies it in the commands)
 * and the browser (which offers only the actions it allows).
 *
 *   planned ──confirm──▶ confirmed ──hold──▶ held ──report──▶ reported
 *      │                    │
 *      └──────cancel────────┴──▶ cancelled
 *
 * "hold" records that the activity took place (attendance and evaluations are entered from
 * then on); "report" closes it once its report is produced. An activity that has taken place
 * cannot be cancelled: it happened. Terminal states accept nothing: another session of a forum
 * is a new activity, built from the library.
 */
export const ACTIVITY_STATES = ['planned', 'confirmed', 'held', 'reported', 'cancelled'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export const ACTIVITY_EVENTS = ['confirm', 'hold', 'report', 'cancel'] as const;
export type ActivityEvent = (typeof ACTIVITY_EVENTS)[number];

export const ACTIVITY_TERMINAL_STATES: readonly ActivityState[] = ['reported', 'cancelled'];

interface Rule {
  from: readonly ActivityState[];
  to: ActivityState;
}

const RULES: Record<ActivityEvent, Rule> = {
  confirm: { from: ['planned'], to: 'confirmed' },
  hold: { from: ['confirmed'], to: 'held' },
  report: { from: ['held'], to: 'reported' },
  cancel: { from: ['planned', 'confirmed'], to: 'cancelled' },
};

/** Events that carry a reason kept with the activity (why it was called off). */
export const ACTIVITY_EVENTS_NEEDING_A_REASON: readonly ActivityEvent[] = ['cancel'];

export type ActivityTransitionResult = { ok: true; to: ActivityState } | { ok: false; code: 'activity_transition_illegal' };

export function activityTransition(from: ActivityState, event: ActivityEvent): ActivityTransitionResult {
  const rule = RULES[event];
  if (!rule.from.includes(from)) return { ok: false, code: 'activity_transition_illegal' };
  return { ok: true, to: rule.to };
}

/** What may be done now: the buttons a screen shows. */
export function allowedActivityEvents(from: ActivityState): ActivityEvent[] {
  return ACTIVITY_EVENTS.filter((e) => RULES[e].from.includes(from));
}

export function isActivityTerminal(state: ActivityState): boolean {
  return ACTIVITY_TERMINAL_STATES.includes(state);
}
