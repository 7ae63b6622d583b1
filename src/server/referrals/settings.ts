import { DEFAULT_ANSWER_HOURS, type Urgency } from '../../domain/referrals/lifecycle.ts';

/**
 * Answer times per urgency. National procedures differ (a country may give an emergency 12 hours),
 * so `SIRA_REFERRAL_ANSWER_HOURS` sets them at start-up; commands read them from here.
 */
let answerHours: Record<Urgency, number> = { ...DEFAULT_ANSWER_HOURS };

export function configureAnswerHours(hours: Record<Urgency, number>): void {
  answerHours = { ...hours };
}

export function currentAnswerHours(): Record<Urgency, number> {
  return answerHours;
}
