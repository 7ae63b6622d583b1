import type { SessionTimeouts } from '../identity/sessions.ts';
import { purgeSessions } from '../identity/sessions.ts';
import { purgePasswordResets } from '../identity/password-reset.ts';
import { purgeLoginChallenges } from '../identity/totp-login.ts';
import { now } from '../clock.ts';
import { enqueueJob } from './queue.ts';
import type { JobHandler } from './worker.ts';
import type { DbOrTx } from '../db/client.ts';
import { type RetentionSettings, runRetention } from '../cases/rights/retention.ts';
import { type DeliverySettings, NO_DELIVERY } from '../notifications/channels.ts';
import { deliverNotificationHandler } from '../notifications/deliver.ts';
import { DELIVER_JOB } from '../notifications/notify.ts';
import { referralJobHandlers } from '../referrals/deadlines.ts';

const DAY_MS = 86_400_000;
// Schedules count from the clock the worker compares with (src/server/clock.ts), or a test that
// moves it forward would find every recurring job due again at once, forever.

/** The job kinds Sira runs. Features add theirs here (referral deadlines, retention…). */
export function builtInJobHandlers(timeouts: SessionTimeouts, retention: RetentionSettings, delivery: DeliverySettings = NO_DELIVERY): Map<string, JobHandler> {
  return new Map<string, JobHandler>([
    [DELIVER_JOB, deliverNotificationHandler(delivery)],
    ...referralJobHandlers,
    [
      'sessions.purge',
      async ({ db }) => {
        await purgeSessions(db, timeouts);
        // Expired sign-in challenges and reset links can never be used again: nothing to keep.
        await purgeLoginChallenges(db);
        await purgePasswordResets(db);
        return { rescheduleAt: new Date(now().getTime() + DAY_MS) };
      },
    ],
    [
      'cases.retention',
      async ({ db }) => {
        const { more } = await runRetention(db, retention);
        // A backlog (the first run on an old register) is worked through in runs a minute apart.
        return { rescheduleAt: new Date(now().getTime() + (more ? 60_000 : DAY_MS)) };
      },
    ],
  ]);
}

/** Recurring jobs exist once; calling this at every start-up is harmless. */
export async function ensureRecurringJobs(db: DbOrTx): Promise<void> {
  await enqueueJob(db, { kind: 'sessions.purge', dedupeKey: 'sessions.purge', runAt: new Date(now().getTime() + 60_000) });
  await enqueueJob(db, { kind: 'cases.retention', dedupeKey: 'cases.retention', runAt: new Date(now().getTime() + 5 * 60_000) });
}
