import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvaluations } from '../../../src/server/db/schema/index.ts';
import { BACKEND } from '../../support/database.ts';
import { type TestApp, createTestApp } from '../../support/app.ts';
import { type ActivityWorld, advance, buildWorld, command, createActivity, get, knowledgeForm, ok, plan, publishForm, satisfactionForm } from './helpers.ts';

const KNOWLEDGE = 'test_activity_knowledge';
const SATISFACTION = 'test_activity_satisfaction';

/** Answers to the three questions (right: yes, yes, no). */
const answers = (q1: string, q2: string, q3: string) => ({ q1, q2, q3 });

describe(`activity evaluations and results on ${BACKEND}`, () => {
  let t: TestApp;
  let w: ActivityWorld;
  let activityId: string;
  let codes: string[];
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    await publishForm(t, knowledgeForm(KNOWLEDGE));
    await publishForm(t, satisfactionForm(SATISFACTION));
    ({ activityId } = await createActivity(t, w.officerA, { activity: plan([w.orgA, w.orgB]), knowledgeTestFormKey: KNOWLEDGE, satisfactionFormKey: SATISFACTION }));
  });
  afterAll(async () => {
    await t.close();
  });

  const record = (input: Record<string, unknown>) => command(t, w.officerA, 'activity.record_evaluation', { activityId, participantCode: null, formVersion: 1, source: 'paper', ...input });

  it('takes no evaluation before the activity is confirmed', async () => {
    const res = await record({ kind: 'satisfaction', answers: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].code).toBe('activity_not_running');
    await advance(t, w.officerA, activityId, 1, ['confirm']);
    codes = [];
    for (const sex of ['female', 'male', 'female']) {
      codes.push((await ok<{ participantCode: string }>(t, w.officerA, 'activity.add_participant', { activityId, sex, ageBand: '25-59', category: 'community_leaders', consentToBeNamed: false, days: [1] })).participantCode);
    }
  });

  it('scores a knowledge test with the server, and checks code, version and answers first', async () => {
    const [p1, p2, p3] = codes as [string, string, string];
    const first = await record({ kind: 'pre', participantCode: p1.toLowerCase(), answers: answers('yes', 'no', 'yes') });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().result).toMatchObject({ score: 1, maxScore: 3 });
    const [stored] = await t.database.db.select().from(activityEvaluations).where(eq(activityEvaluations.id, first.json().result.evaluationId));
    expect(stored).toMatchObject({ kind: 'pre', participantCode: p1, formKey: KNOWLEDGE, formVersion: 1, score: 1, maxScore: 3, source: 'paper' });

    const noCode = await record({ kind: 'pre', answers: answers('yes', 'yes', 'no') });
    expect(noCode.json().error.details[0]).toMatchObject({ path: 'input.participantCode', code: 'participant_code_unknown' });
    const badCode = await record({ kind: 'pre', participantCode: 'P-0000-0Z', answers: answers('yes', 'yes', 'no') });
    expect(badCode.json().error.details[0].code).toBe('participant_code_invalid');
    const badVersion = await record({ kind: 'pre', participantCode: p2, formVersion: 2, answers: answers('no', 'no', 'yes') });
    expect(badVersion.statusCode).toBe(400);
    expect(badVersion.json().error.details[0]).toMatchObject({ path: 'input.formVersion', code: 'form_version_unknown' });
    const badAnswer = await record({ kind: 'pre', participantCode: p2, answers: answers('maybe', 'no', 'yes') });
    expect(badAnswer.statusCode).toBe(400);
    expect(badAnswer.json().error.details[0]).toMatchObject({ path: 'input.answers.q1', code: 'invalid_choice' });

    for (const [code, kind, given] of [
      [p2, 'pre', answers('no', 'no', 'yes')],
      [p3, 'pre', answers('yes', 'yes', 'no')],
      [p1, 'post', answers('yes', 'yes', 'no')],
      [p2, 'post', answers('yes', 'yes', 'yes')],
      [p3, 'post', answers('yes', 'yes', 'yes')],
    ] as const) {
      const res = await record({ kind, participantCode: code, answers: given, source: 'online' });
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('computes the results: per question, means before and after, and the paired gain', async () => {
    const res = await get(t, w.officerB, `/api/activities/${activityId}/results?lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    const { knowledge, questions } = res.json();
    // Before: 1/3, 0/3, 3/3 → mean 44.4 %. After: 3/3, 2/3, 2/3 → 77.8 %.
    expect(knowledge.pre.n).toBe(3);
    expect(knowledge.pre.meanPercent).toBeCloseTo((100 / 3 + 0 + 100) / 3, 6);
    expect(knowledge.post.meanPercent).toBeCloseTo((100 + 200 / 3 + 200 / 3) / 3, 6);
    // Gains: +2, +2, −1 points; +66.7, +66.7, −33.3 percentage points.
    expect(knowledge.gain).toMatchObject({ nPaired: 3, improved: 2, same: 0, worse: 1 });
    expect(knowledge.gain.meanPoints).toBeCloseTo(1, 9);
    expect(knowledge.gain.meanPercentagePoints).toBeCloseTo(100 / 3, 6);
    // q1 before: right, wrong, right. q3 after: right, wrong, wrong.
    const q = (phase: 'pre' | 'post', id: string) => knowledge[phase].questions.find((x: { questionId: string }) => x.questionId === id);
    expect(q('pre', 'q1')).toMatchObject({ n: 3, maxScore: 1 });
    expect(q('pre', 'q1').shareCorrect).toBeCloseTo(2 / 3, 9);
    expect(q('post', 'q3').meanScore).toBeCloseTo(1 / 3, 9);
    expect(knowledge.pre.histogram).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
    expect(questions).toEqual([
      { id: 'q1', label: 'Un enfant seul est-il vulnérable ? (en)' },
      { id: 'q2', label: 'Faut-il le consentement pour orienter ? (en)' },
      { id: 'q3', label: 'La traite est-elle légale ? (en)' },
    ]);
    const list = (await get(t, w.officerA, `/api/activities/${activityId}/evaluations`)).json().items;
    expect(list).toHaveLength(6);
    expect(list[0]).toMatchObject({ kind: 'pre', participantCode: codes[0], score: 1, maxScore: 3, source: 'paper' });
    expect(JSON.stringify(list)).not.toContain('answers');
  });

  it('summarises satisfaction on 1–5 items, blank answers apart, without a participant code', async () => {
    await advance(t, w.officerA, activityId, (await get(t, w.officerA, `/api/activities/${activityId}`)).json().version, ['hold']);
    const first = await record({ kind: 'satisfaction', answers: { useful: 'l5', venue: 'l3', comment: 'Très bien' } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().result).toMatchObject({ score: null, maxScore: null });
    await ok(t, w.officerA, 'activity.record_evaluation', { activityId, kind: 'satisfaction', participantCode: null, formVersion: 1, source: 'online', answers: { useful: 'l4' } });
    const { satisfaction } = (await get(t, w.officerA, `/api/activities/${activityId}/results?lang=fr`)).json();
    expect(satisfaction.labels).toEqual([
      { id: 'useful', label: 'Utilité' },
      { id: 'venue', label: 'Salle' },
    ]);
    expect(satisfaction.items).toEqual([
      { itemId: 'useful', n: 2, counts: [0, 0, 0, 1, 1], mean: 4.5, blank: 0 },
      { itemId: 'venue', n: 1, counts: [0, 0, 1, 0, 0], mean: 3, blank: 1 },
    ]);
    const detail = (await get(t, w.officerA, `/api/activities/${activityId}`)).json();
    expect(detail.evaluationCounts).toEqual({ pre: 3, post: 3, satisfaction: 2 });
  });

  it('deletes an evaluation entered by mistake, and no longer counts it', async () => {
    const extra = await ok<{ evaluationId: string }>(t, w.officerA, 'activity.record_evaluation', { activityId, kind: 'satisfaction', participantCode: null, formVersion: 1, source: 'paper', answers: { useful: 'l1' } });
    const byPartner = await command(t, w.officerB, 'activity.delete_evaluation', { activityId, evaluationId: extra.evaluationId });
    expect(byPartner.statusCode).toBe(403);
    await ok(t, w.officerA, 'activity.delete_evaluation', { activityId, evaluationId: extra.evaluationId });
    const again = await command(t, w.officerA, 'activity.delete_evaluation', { activityId, evaluationId: extra.evaluationId });
    expect(again.statusCode).toBe(404);
    expect((await get(t, w.officerA, `/api/activities/${activityId}`)).json().evaluationCounts.satisfaction).toBe(2);
  });

  it('keeps the questionnaires once answers to them are entered', async () => {
    const { version } = (await get(t, w.officerA, `/api/activities/${activityId}`)).json();
    const update = (knowledgeTestFormKey: string | null, satisfactionFormKey: string | null) =>
      command(t, w.officerA, 'activity.update', { activityId, expectedVersion: version, activity: plan([w.orgA, w.orgB]), attendanceMode: 'named', knowledgeTestFormKey, satisfactionFormKey });
    const swapped = await update(null, SATISFACTION);
    expect(swapped.statusCode).toBe(409);
    expect(swapped.json().error.details).toEqual([expect.objectContaining({ path: 'input.knowledgeTestFormKey', code: 'activity_form_in_use' })]);
    const kept = await update(KNOWLEDGE, SATISFACTION);
    expect(kept.statusCode, kept.body).toBe(200);
  });

  it('pairs tests through an optional code in anonymous mode, and needs a chosen questionnaire', async () => {
    const anon = (await createActivity(t, w.officerA, { activity: plan([w.orgA]), attendanceMode: 'anonymous', knowledgeTestFormKey: KNOWLEDGE })).activityId;
    await advance(t, w.officerA, anon, 1, ['confirm']);
    const noCode = await command(t, w.officerA, 'activity.record_evaluation', { activityId: anon, kind: 'pre', participantCode: null, formVersion: 1, source: 'paper', answers: answers('yes', 'no', 'no') });
    expect(noCode.statusCode, noCode.body).toBe(200);
    expect(noCode.json().result).toMatchObject({ score: 2, maxScore: 3 });
    const noForm = await command(t, w.officerA, 'activity.record_evaluation', { activityId: anon, kind: 'satisfaction', participantCode: null, formVersion: 1, source: 'paper', answers: {} });
    expect(noForm.statusCode).toBe(400);
    expect(noForm.json().error.details[0].code).toBe('activity_form_missing');
    const results = (await get(t, w.officerA, `/api/activities/${anon}/results`)).json();
    expect(results.knowledge.pre.n).toBe(1);
    expect(results.knowledge.gain.nPaired).toBe(0);
    expect(results.satisfaction).toBeNull();
  });

  it('refuses a questionnaire key that is not in the forms library', async () => {
    const res = await command(t, w.officerA, 'activity.create', { activity: plan([w.orgA]), knowledgeTestFormKey: 'no_such_form' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'input.knowledgeTestFormKey', code: 'form_unknown' })]);
  });
});
