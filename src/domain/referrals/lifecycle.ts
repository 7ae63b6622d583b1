/**
 * The life of a referral, as a state machine shared by the server (which applies it in the
 * commands) and the browser (which offers only the actions it allows).
 *
 *   sent ──accept──▶ accepted ──start──▶ in_progress ──complete──▶ completed
 *    │  ╲                │  ╲                 ╲──not_complete──▶ not_completed
 *    │   decline▶ declined   complete / not_complete (a one-off service needs no "start")
 *    │
 *    ├─deadline_passed─▶ overdue (still answerable: accept, decline, cancel)
 *    └─cancel─▶ cancelled (by the referrer, until the service is under way)
 *
 * The receiving organisation answers; the referrer cancels and, for a partner on paper,
 * records the outcome received on paper; only the system marks a referral overdue. Anything
 * else is refused with a reason the screen can say, so an illegal transition never reaches the
 * database. Terminal states accept nothing: a new need is a new referral.
 */
export const REFERRAL_STATES = ['sent', 'overdue', 'accepted', 'declined', 'cancelled', 'in_progress', 'completed', 'not_completed'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export const REFERRAL_EVENTS = ['accept', 'decline', 'cancel', 'start', 'complete', 'not_complete', 'deadline_passed', 'record_paper_outcome'] as const;
export type ReferralEvent = (typeof REFERRAL_EVENTS)[number];

/** Who acts: the organisation that referred, the one that receives, or Sira's own jobs. */
export const REFERRAL_SIDES = ['referrer', 'receiver', 'system'] as const;
export type ReferralSide = (typeof REFERRAL_SIDES)[number];

export const TERMINAL_STATES: readonly ReferralState[] = ['declined', 'cancelled', 'completed', 'not_completed'];

/** Still waiting for the receiver's answer. */
const UNANSWERED: readonly ReferralState[] = ['sent', 'overdue'];

interface Rule {
  side: ReferralSide;
  from: readonly ReferralState[];
  /** The state reached; for a paper outcome, the outcome decides. */
  to: ReferralState | 'outcome';
}

const RULES: Record<ReferralEvent, Rule> = {
  accept: { side: 'receiver', from: UNANSWERED, to: 'accepted' },
  decline: { side: 'receiver', from: UNANSWERED, to: 'declined' },
  cancel: { side: 'referrer', from: [...UNANSWERED, 'accepted'], to: 'cancelled' },
  start: { side: 'receiver', from: ['accepted'], to: 'in_progress' },
  complete: { side: 'receiver', from: ['accepted', 'in_progress'], to: 'completed' },
  not_complete: { side: 'receiver', from: ['accepted', 'in_progress'], to: 'not_completed' },
  deadline_passed: { side: 'system', from: ['sent'], to: 'overdue' },
  // A partner without Sira answers on paper: the referrer records what came back.
  record_paper_outcome: { side: 'referrer', from: [...UNANSWERED, 'accepted', 'in_progress'], to: 'outcome' },
};

/** Events that carry a reason the other side reads (free text, kept with the referral). */
export const EVENTS_NEEDING_A_REASON: readonly ReferralEvent[] = ['decline', 'not_complete', 'cancel'];

export type TransitionResult =
  | { ok: true; to: ReferralState }
  /** `referral_wrong_side`: this side may never do it; `referral_transition_illegal`: not from this state. */
  | { ok: false; code: 'referral_wrong_side' | 'referral_transition_illegal' };

export function transition(from: ReferralState, event: ReferralEvent, side: ReferralSide, outcome?: 'completed' | 'not_completed'): TransitionResult {
  const rule = RULES[event];
  if (rule.side !== side) return { ok: false, code: 'referral_wrong_side' };
  if (!rule.from.includes(from)) return { ok: false, code: 'referral_transition_illegal' };
  if (rule.to === 'outcome') return outcome ? { ok: true, to: outcome } : { ok: false, code: 'referral_transition_illegal' };
  return { ok: true, to: rule.to };
}

/** What a side may do now: the buttons a screen shows. */
export function allowedEvents(from: ReferralState, side: ReferralSide): ReferralEvent[] {
  return REFERRAL_EVENTS.filter((e) => RULES[e].side === side && RULES[e].from.includes(from));
}

export function isTerminal(state: ReferralState): boolean {
  return TERMINAL_STATES.includes(state);
}

/** Urgency of a referral (the inter-agency referral form's priorities). */
export const URGENCIES = ['emergency', 'urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Hours to answer by urgency: 24 h, 72 h, 14 days by default; national procedures may differ. */
export const DEFAULT_ANSWER_HOURS: Record<Urgency, number> = { emergency: 24, urgent: 72, normal: 14 * 24 };

export function answerDeadline(sentAt: Date, urgency: Urgency, hours: Record<Urgency, number> = DEFAULT_ANSWER_HOURS): Date {
  return new Date(sentAt.getTime() + hours[urgency] * 3_600_000);
}

/**
 * When to remind the receiver: a quarter of the time before the deadline, so an emergency is
 * recalled 6 hours ahead and a normal referral three and a half days ahead.
 */
export function reminderTime(sentAt: Date, deadline: Date): Date {
  return new Date(deadline.getTime() - (deadline.getTime() - sentAt.getTime()) / 4);
}
