import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { NamedParticipant } from '../../../domain/activities/attendance.ts';
import { newParticipantCode, normaliseParticipantCode } from '../../../domain/activities/participant-code.ts';
import {
  importAttendanceInput,
  importAttendanceResult,
  markAttendanceInput,
  newParticipantInput,
  removeParticipantInput,
  saveParticipantInput,
  saveParticipantResult,
} from '../../../domain/activities/schemas.ts';
import { type ErrorDetail, SiraError } from '../../../domain/errors/catalogue.ts';
import { type CommandContext, defineCommand } from '../../commands/define.ts';
import { activityParticipants } from '../../db/schema/index.ts';
import { type ActivityRow, checkMode, checkRunning, daysOf, lockActivityToManage, touch } from '../load.ts';
import { sealParticipantName } from '../participant-name.ts';

type ParticipantRow = typeof activityParticipants.$inferSelect;

/** Attendance is recorded once the activity is confirmed, in named mode, by the running organisation. */
async function lockForAttendance(ctx: CommandContext, activityId: string): Promise<ActivityRow> {
  const row = await lockActivityToManage(ctx, activityId);
  checkMode(row, 'named');
  checkRunning(row);
  return row;
}

function checkDays(row: ActivityRow, days: readonly number[], path: string): void {
  const last = daysOf(row);
  const problems = days.flatMap((d, i) => (d > last ? [{ path: `${path}.${i}`, code: 'activity_day_outside_dates' }] : []));
  if (problems.length) throw new SiraError('VALIDATION_FAILED', problems);
}

const sortedDays = (days: readonly number[]) => [...new Set(days)].sort((a, b) => a - b);

async function participantsOf(ctx: CommandContext, activityId: string): Promise<Map<string, ParticipantRow>> {
  const rows = await ctx.tx.select().from(activityParticipants).where(eq(activityParticipants.activityId, activityId));
  return new Map(rows.map((r) => [r.participantCode, r]));
}

/**
 * Writes one participant, new or known by its code. The name is sealed to the row only with
 * consent; saving without consent (a withdrawal) deletes the name.
 */
async function writeParticipant(ctx: CommandContext, activityId: string, p: NamedParticipant, existing: ParticipantRow | undefined): Promise<void> {
  const id = existing?.id ?? uuidv7();
  const nameSealed = p.consentToBeNamed && p.name ? sealParticipantName(ctx.secrets(), id, p.name) : null;
  const values = { sex: p.sex, ageBand: p.ageBand, category: p.category, consentToBeNamed: p.consentToBeNamed, nameSealed, days: sortedDays(p.days), updatedAt: ctx.now };
  if (existing) await ctx.tx.update(activityParticipants).set(values).where(eq(activityParticipants.id, id));
  else await ctx.tx.insert(activityParticipants).values({ id, activityId, participantCode: p.participantCode, ...values, createdAt: ctx.now });
}

export const addParticipant = defineCommand({
  name: 'activity.add_participant',
  summary: 'Register a participant on the spot: the server draws a new participant code, to write on their tests.',
  input: newParticipantInput,
  result: saveParticipantResult,
  async authorize(ctx, input) {
    await lockActivityToManage(ctx, input.activityId);
  },
  async handle(ctx, input) {
    const row = await lockForAttendance(ctx, input.activityId);
    if (!input.consentToBeNamed && input.name !== undefined) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.name', code: 'attendance_name_without_consent' }]);
    checkDays(row, input.days, 'input.days');
    const taken = async (code: string) =>
      (await ctx.tx.select({ id: activityParticipants.id }).from(activityParticipants).where(and(eq(activityParticipants.activityId, row.id), eq(activityParticipants.participantCode, code)))).length > 0;
    let participantCode = newParticipantCode((n) => randomBytes(n));
    // About 29 million codes: a clash within one activity is rare, and simply drawn again.
    while (await taken(participantCode)) participantCode = newParticipantCode((n) => randomBytes(n));
    const { activityId: _a, ...fields } = input;
    await writeParticipant(ctx, row.id, { ...fields, participantCode }, undefined);
    await touch(ctx, row);
    return { result: { participantCode }, audit: { targetType: 'activity', targetIds: [row.id], fields: ['participant', ...(input.name ? ['participant.name'] : [])] } };
  },
});

export const saveParticipant = defineCommand({
  name: 'activity.save_participant',
  summary: 'Change a named participant found by their code (a new code adds one); without consent to be named, the name is deleted.',
  input: saveParticipantInput,
  result: saveParticipantResult,
  async authorize(ctx, input) {
    await lockActivityToManage(ctx, input.activityId);
  },
  async handle(ctx, input) {
    const row = await lockForAttendance(ctx, input.activityId);
    checkDays(row, input.participant.days, 'input.participant.days');
    const known = await participantsOf(ctx, row.id);
    await writeParticipant(ctx, row.id, input.participant, known.get(input.participant.participantCode));
    await touch(ctx, row);
    return {
      result: { participantCode: input.participant.participantCode },
      audit: { targetType: 'activity', targetIds: [row.id], fields: ['participant', ...(input.participant.name ? ['participant.name'] : [])] },
    };
  },
});

function knownCode(text: string, known: ReadonlyMap<string, ParticipantRow>, path: string): string {
  const code = normaliseParticipantCode(text);
  if (!code) throw new SiraError('VALIDATION_FAILED', [{ path, code: 'participant_code_invalid' }]);
  if (!known.has(code)) throw new SiraError('VALIDATION_FAILED', [{ path, code: 'participant_code_unknown' }]);
  return code;
}

export const removeParticipant = defineCommand({
  name: 'activity.remove_participant',
  summary: 'Take a participant off the list (registered by mistake); their tests stay, under the code.',
  input: removeParticipantInput,
  result: saveParticipantResult,
  async authorize(ctx, input) {
    await lockActivityToManage(ctx, input.activityId);
  },
  async handle(ctx, input) {
    const row = await lockForAttendance(ctx, input.activityId);
    const code = knownCode(input.participantCode, await participantsOf(ctx, row.id), 'input.participantCode');
    await ctx.tx.delete(activityParticipants).where(and(eq(activityParticipants.activityId, row.id), eq(activityParticipants.participantCode, code)));
    await touch(ctx, row);
    return { result: { participantCode: code }, audit: { targetType: 'activity', targetIds: [row.id], fields: ['participant'] } };
  },
});

export const markAttendance = defineCommand({
  name: 'activity.mark_attendance',
  summary: "The roll call of one day: exactly these participant codes were present that day, the others absent.",
  input: markAttendanceInput,
  result: z.object({ present: z.number().int() }),
  async authorize(ctx, input) {
    await lockActivityToManage(ctx, input.activityId);
  },
  async handle(ctx, input) {
    const row = await lockForAttendance(ctx, input.activityId);
    checkDays(row, [input.day], 'input.day');
    const known = await participantsOf(ctx, row.id);
    const problems: ErrorDetail[] = [];
    const present = new Set<string>();
    input.presentCodes.forEach((text, i) => {
      const code = normaliseParticipantCode(text);
      if (!code) problems.push({ path: `input.presentCodes.${i}`, code: 'participant_code_invalid' });
      else if (!known.has(code)) problems.push({ path: `input.presentCodes.${i}`, code: 'participant_code_unknown' });
      else present.add(code);
    });
    if (problems.length) throw new SiraError('VALIDATION_FAILED', problems);
    for (const p of known.values()) {
      const days = p.days as number[];
      const was = days.includes(input.day);
      const is = present.has(p.participantCode);
      if (was === is) continue;
      const next = is ? sortedDays([...days, input.day]) : days.filter((d) => d !== input.day);
      await ctx.tx.update(activityParticipants).set({ days: next, updatedAt: ctx.now }).where(eq(activityParticipants.id, p.id));
    }
    await touch(ctx, row);
    return { result: { present: present.size }, audit: { targetType: 'activity', targetIds: [row.id], fields: ['attendance'] } };
  },
});

export const importAttendance = defineCommand({
  name: 'activity.import_attendance',
  summary: 'A filled attendance sheet typed into Excel: every row is valid or nothing changes; known codes are updated, new ones added.',
  input: importAttendanceInput,
  result: importAttendanceResult,
  async authorize(ctx, input) {
    await lockActivityToManage(ctx, input.activityId);
  },
  async handle(ctx, input) {
    const row = await lockForAttendance(ctx, input.activityId);
    const last = daysOf(row);
    const problems: ErrorDetail[] = [];
    const seen = new Set<string>();
    input.participants.forEach((p, i) => {
      if (seen.has(p.participantCode)) problems.push({ path: `input.participants.${i}.participantCode`, code: 'attendance_duplicate_participant' });
      seen.add(p.participantCode);
      p.days.forEach((d, j) => {
        if (d > last) problems.push({ path: `input.participants.${i}.days.${j}`, code: 'activity_day_outside_dates' });
      });
    });
    if (problems.length) throw new SiraError('VALIDATION_FAILED', problems);
    const known = await participantsOf(ctx, row.id);
    let added = 0;
    let updated = 0;
    for (const p of input.participants) {
      const existing = known.get(p.participantCode);
      if (existing) updated++;
      else added++;
      await writeParticipant(ctx, row.id, p, existing);
    }
    await touch(ctx, row);
    return {
      result: { added, updated },
      audit: { targetType: 'activity', targetIds: [row.id], fields: ['attendance', ...(input.participants.some((p) => p.name) ? ['participant.name'] : [])] },
    };
  },
});

export const PARTICIPANT_COMMANDS = [addParticipant, saveParticipant, removeParticipant, markAttendance, importAttendance];
