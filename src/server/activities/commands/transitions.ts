import { ACTIVITY_EVENTS_NEEDING_A_REASON, type ActivityEvent, type ActivityState, activityTransition } from '../../../domain/activities/lifecycle.ts';
import { transitionActivityInput, transitionActivityResult } from '../../../domain/activities/schemas.ts';
import { SiraError } from '../../../domain/errors/catalogue.ts';
import { defineCommand } from '../../commands/define.ts';
import { checkVersion, lockActivityToManage, touch } from '../load.ts';

function transitionCommand(event: ActivityEvent, summary: string) {
  return defineCommand({
    name: `activity.${event}`,
    summary,
    input: transitionActivityInput,
    result: transitionActivityResult,
    async authorize(ctx, input) {
      await lockActivityToManage(ctx, input.activityId);
    },
    async handle(ctx, input) {
      const row = await lockActivityToManage(ctx, input.activityId);
      checkVersion(row, input.expectedVersion);
      const needsReason = ACTIVITY_EVENTS_NEEDING_A_REASON.includes(event);
      if (needsReason && !input.reason) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.reason', code: 'activity_reason_required' }]);
      const step = activityTransition(row.state as ActivityState, event);
      if (!step.ok) throw new SiraError('ACTIVITY_TRANSITION_ILLEGAL', [{ path: 'input.activityId', code: step.code }]);
      const version = await touch(ctx, row, {
        state: step.to,
        ...(step.to === 'held' ? { heldAt: ctx.now } : {}),
        ...(step.to === 'reported' ? { reportedAt: ctx.now } : {}),
        ...(needsReason ? { cancelReason: input.reason } : {}),
      });
      return {
        result: { activityId: row.id, state: step.to, version },
        audit: { targetType: 'activity', targetIds: [row.id], fields: ['state', ...(needsReason ? ['cancelReason'] : [])] },
      };
    },
  });
}

export const confirmActivity = transitionCommand('confirm', 'The activity will take place as planned (venue, dates and participants arranged).');
export const holdActivity = transitionCommand('hold', 'The activity took place: attendance and evaluations go on being entered until it is reported.');
export const reportActivity = transitionCommand('report', 'Close the activity once its report is produced; nothing changes afterwards.');
export const cancelActivity = transitionCommand('cancel', 'Call off a planned or confirmed activity, with the reason.');

export const ACTIVITY_TRANSITION_COMMANDS = [confirmActivity, holdActivity, reportActivity, cancelActivity];
