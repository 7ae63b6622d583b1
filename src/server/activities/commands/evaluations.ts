import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { normaliseParticipantCode } from '../../../domain/activities/participant-code.ts';
import { deleteEvaluationInput, recordEvaluationInput, recordEvaluationResult } from '../../../domain/activities/schemas.ts';
import { SiraError } from '../../../domain/errors/catalogue.ts';
import { answersSchema } from '../../../domain/forms/answers.ts';
import { scoreAnswers } from '../../../domain/forms/scoring.ts';
import { defineCommand } from '../../commands/define.ts';
import { zodToSiraError } from '../../commands/validation.ts';
import { activityEvaluations, activityParticipants } from '../../db/schema/index.ts';
import { answerableVersion } from '../forms.ts';
import { checkRunning, lockActivityToManage, touch } from '../load.ts';

const invalid = (path: string, code: string) => new SiraError('VALIDATION_FAILED', [{ path, code }]);

export const recordEvaluation = defineCommand({
  name: 'activity.record_evaluation',
  summary: "A questionnaire filled in: the activity's knowledge test (before or after) or its satisfaction survey; answers checked by the forms engine, tests scored by the server.",
  input: recordEvaluationInput,
  result: recordEvaluationResult,
  async authorize(ctx, input) {
    await lockActivityToManage(ctx, input.activityId);
  },
  async handle(ctx, input) {
    const row = await lockActivityToManage(ctx, input.activityId);
    checkRunning(row);
    const isTest = input.kind !== 'satisfaction';
    const formKey = isTest ? row.knowledgeTestFormKey : row.satisfactionFormKey;
    if (!formKey) throw invalid('input.kind', 'activity_form_missing');
    const definition = await answerableVersion(ctx.tx, formKey, input.formVersion);
    if (!definition) throw invalid('input.formVersion', 'form_version_unknown');

    let participantCode: string | null = null;
    if (input.participantCode !== null && input.participantCode.trim() !== '') {
      participantCode = normaliseParticipantCode(input.participantCode);
      if (!participantCode) throw invalid('input.participantCode', 'participant_code_invalid');
    }
    // With named attendance a test is paired through a registered participant's code.
    if (isTest && row.attendanceMode === 'named') {
      if (!participantCode) throw invalid('input.participantCode', 'participant_code_unknown');
      const [known] = await ctx.tx
        .select({ id: activityParticipants.id })
        .from(activityParticipants)
        .where(and(eq(activityParticipants.activityId, row.id), eq(activityParticipants.participantCode, participantCode)));
      if (!known) throw invalid('input.participantCode', 'participant_code_unknown');
    }

    const parsed = answersSchema.safeParse(input.answers, { reportInput: true });
    if (!parsed.success) throw zodToSiraError(parsed.error, 'input.answers');
    const { evaluateForm } = await import('../../../domain/forms/evaluate.ts');
    const { withoutIrrelevant } = await import('../../../domain/forms/prune.ts');
    const evaluation = evaluateForm(definition, parsed.data);
    if (evaluation.issues.length) throw new SiraError('VALIDATION_FAILED', evaluation.issues.map((i) => ({ path: `input.answers.${i.path}`, code: i.code })));
    const answers = withoutIrrelevant(definition, parsed.data, evaluation);

    const score = isTest ? scoreAnswers(definition, answers) : null;
    const evaluationId = uuidv7();
    await ctx.tx.insert(activityEvaluations).values({
      id: evaluationId,
      activityId: row.id,
      kind: input.kind,
      participantCode,
      formKey,
      formVersion: input.formVersion,
      answers,
      // The column holds whole points (tests give whole points per question); the exact figure is recomputed from the answers.
      score: score ? score.total : null,
      maxScore: score ? score.max : null,
      source: input.source,
      enteredBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      createdAt: ctx.now,
    });
    await touch(ctx, row);
    return {
      result: { evaluationId, score: score?.total ?? null, maxScore: score?.max ?? null },
      audit: { targetType: 'activity', targetIds: [row.id, evaluationId], fields: ['kind', 'answers', 'source', ...(participantCode ? ['participantCode'] : [])] },
    };
  },
});

export const deleteEvaluation = defineCommand({
  name: 'activity.delete_evaluation',
  summary: 'Delete a questionnaire entered by mistake (twice, or under the wrong code).',
  input: deleteEvaluationInput,
  result: z.object({ evaluationId: z.uuid() }),
  async authorize(ctx, input) {
    await lockActivityToManage(ctx, input.activityId);
  },
  async handle(ctx, input) {
    const row = await lockActivityToManage(ctx, input.activityId);
    checkRunning(row);
    const deleted = await ctx.tx
      .delete(activityEvaluations)
      .where(and(eq(activityEvaluations.id, input.evaluationId), eq(activityEvaluations.activityId, row.id)))
      .returning({ id: activityEvaluations.id });
    if (deleted.length === 0) throw new SiraError('NOT_FOUND');
    await touch(ctx, row);
    return { result: { evaluationId: input.evaluationId }, audit: { targetType: 'activity', targetIds: [row.id, input.evaluationId], fields: ['evaluation'] } };
  },
});
