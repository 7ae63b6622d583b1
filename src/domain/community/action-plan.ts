import { z } from 'zod';

/**
 * A community's action plan (issue #10): recommendations of the diagnostic turned into actions,
 * each with who answers for it, what it needs, when it is due, its status and its progress
 * notes. An action is overdue when its due day has passed and it is neither done nor dropped;
 * "today" is the caller's calendar day, so the server and a phone agree on a day's boundary.
 */
export const ACTION_STATUSES = ['planned', 'in_progress', 'blocked', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
const CLOSED: readonly ActionStatus[] = ['done', 'dropped'];

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

export const progressNoteSchema = z.object({ date: isoDate, text: text(2000) }).strict();

export const actionSchema = z
  .object({
    /** The recommendation of the diagnostic it answers. */
    recommendation: text(1000),
    action: text(1000),
    /** Partners answering for it: organisations of Sira by id, others by name. */
    responsibleOrganisationIds: z.array(z.uuid()).max(20).default([]),
    responsibleOthers: z.array(text(200)).max(20).default([]),
    resources: z.string().trim().max(2000).default(''),
    startDate: isoDate.optional(),
    dueDate: isoDate,
    status: z.enum(ACTION_STATUSES).default('planned'),
    /** Why it is blocked or dropped. */
    statusReason: z.string().trim().max(2000).optional(),
    progress: z.array(progressNoteSchema).max(200).default([]),
  })
  .strict()
  .refine((a) => a.responsibleOrganisationIds.length + a.responsibleOthers.length > 0, { params: { code: 'action_responsible_required' }, path: ['responsibleOrganisationIds'] })
  .refine((a) => !a.startDate || !isoDate.safeParse(a.dueDate).success || a.startDate <= a.dueDate, { params: { code: 'action_due_before_start' }, path: ['dueDate'] })
  .refine((a) => (a.status !== 'blocked' && a.status !== 'dropped') || !!a.statusReason, { params: { code: 'action_reason_required' }, path: ['statusReason'] });
export type ActionInput = z.input<typeof actionSchema>;
export type Action = z.output<typeof actionSchema>;

export function isActionOverdue(action: Pick<Action, 'dueDate' | 'status'>, today: string): boolean {
  return !CLOSED.includes(action.status) && action.dueDate < today;
}

/** Whole days late (0 when not overdue). */
export function daysLate(action: Pick<Action, 'dueDate' | 'status'>, today: string): number {
  if (!isActionOverdue(action, today)) return 0;
  return Math.round((Date.parse(today) - Date.parse(action.dueDate)) / 86_400_000);
}

export interface PlanSummary {
  total: number;
  byStatus: Record<ActionStatus, number>;
  overdue: number;
  /** Share (0–1) of the actions not dropped that are done; null when there are none. */
  completion: number | null;
}

export function summarisePlan(actions: readonly Pick<Action, 'dueDate' | 'status'>[], today: string): PlanSummary {
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const a of actions) byStatus[a.status] += 1;
  const live = actions.length - byStatus.dropped;
  return { total: actions.length, byStatus, overdue: actions.filter((a) => isActionOverdue(a, today)).length, completion: live === 0 ? null : byStatus.done / live };
}

/** Overdue first (the latest first), then by due day: the order a coordinator reads them in. */
export function actionsInReadingOrder<A extends Pick<Action, 'dueDate' | 'status'>>(actions: readonly A[], today: string): A[] {
  return [...actions].sort((a, b) => {
    const lateA = daysLate(a, today);
    const lateB = daysLate(b, today);
    if (lateA !== lateB) return lateB - lateA;
    return a.dueDate.localeCompare(b.dueDate);
  });
}
