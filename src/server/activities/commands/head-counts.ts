import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { HeadCount } from '../../../domain/activities/attendance.ts';
import { setHeadCountsInput } from '../../../domain/activities/schemas.ts';
import { SiraError } from '../../../domain/errors/catalogue.ts';
import { defineCommand } from '../../commands/define.ts';
import { activityHeadCounts } from '../../db/schema/index.ts';
import { checkMode, checkRunning, daysOf, lockActivityToManage, touch } from '../load.ts';

export const setHeadCounts = defineCommand({
  name: 'activity.set_head_counts',
  summary: 'Anonymous attendance: replace every head count of the activity (per day, by sex, age band and category).',
  input: setHeadCountsInput,
  result: z.object({ total: z.number().int() }),
  async authorize(ctx, input) {
    await lockActivityToManage(ctx, input.activityId);
  },
  async handle(ctx, input) {
    const row = await lockActivityToManage(ctx, input.activityId);
    checkMode(row, 'anonymous');
    checkRunning(row);
    const last = daysOf(row);
    const problems = input.counts.flatMap((c, i) => (c.day > last ? [{ path: `input.counts.${i}.day`, code: 'activity_day_outside_dates' }] : []));
    if (problems.length) throw new SiraError('VALIDATION_FAILED', problems);
    // Several lines for one cell are added up: a sheet may be typed in page by page.
    const cells = new Map<string, HeadCount>();
    for (const c of input.counts) {
      const key = `${c.day}|${c.sex}|${c.ageBand}|${c.category}`;
      const cell = cells.get(key);
      if (cell) cell.count += c.count;
      else cells.set(key, { ...c });
    }
    await ctx.tx.delete(activityHeadCounts).where(eq(activityHeadCounts.activityId, row.id));
    const values = [...cells.values()].filter((c) => c.count > 0).map((c) => ({ activityId: row.id, ...c }));
    if (values.length) await ctx.tx.insert(activityHeadCounts).values(values);
    await touch(ctx, row);
    const total = values.reduce((sum, c) => sum + c.count, 0);
    return { result: { total }, audit: { targetType: 'activity', targetIds: [row.id], fields: ['headCounts'] } };
  },
});
