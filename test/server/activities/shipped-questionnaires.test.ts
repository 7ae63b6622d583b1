import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_FORM_KEYS, knowledgeNrmForm, SATISFACTION_ITEMS } from '../../../src/domain/activities/forms/index.ts';
import { questions } from '../../../src/domain/forms/definition.ts';
import { BACKEND } from '../../support/database.ts';
import { type TestApp, createTestApp, systemCommand } from '../../support/app.ts';
import { type ActivityWorld, advance, buildWorld, createActivity, get, ok, plan } from './helpers.ts';

/** The questionnaires Sira ships, seeded with the other built-in forms, entered and read back through an activity. */
describe(`shipped activity questionnaires on ${BACKEND}`, () => {
  let t: TestApp;
  let w: ActivityWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    await systemCommand(t, 'form.seed_builtin', {});
  });
  afterAll(async () => {
    await t.close();
  });

  it('scores the knowledge test and summarises the satisfaction survey, labelled in Bambara', async () => {
    const { activityId } = await createActivity(t, w.officerA, {
      activity: plan([w.orgA]),
      attendanceMode: 'anonymous',
      knowledgeTestFormKey: ACTIVITY_FORM_KEYS.knowledgeTest,
      satisfactionFormKey: ACTIVITY_FORM_KEYS.satisfaction,
    });
    await advance(t, w.officerA, activityId, 1, ['confirm']);
    const scored = questions(knowledgeNrmForm).filter((q) => q.scoring);
    const right = Object.fromEntries(scored.map((q) => [q.name, q.scoring!.correct[0]!]));
    const max = scored.reduce((sum, q) => sum + q.scoring!.points, 0);
    const result = await ok<{ score: number; maxScore: number }>(t, w.officerA, 'activity.record_evaluation', { activityId, kind: 'post', participantCode: null, formVersion: 1, source: 'paper', answers: right });
    expect(result).toMatchObject({ score: max, maxScore: max });

    const allFive = Object.fromEntries(SATISFACTION_ITEMS.map((name) => [name, '5']));
    await ok(t, w.officerA, 'activity.record_evaluation', { activityId, kind: 'satisfaction', participantCode: null, formVersion: 1, source: 'online', answers: allFive });

    const res = await get(t, w.officerA, `/api/activities/${activityId}/results?lang=bm`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.knowledge.post).toMatchObject({ n: 1, meanPercent: 100 });
    expect(body.questions.map((q: { id: string }) => q.id)).toEqual(scored.map((q) => q.name));
    expect(body.questions[0].label).toBe(scored[0]!.label!.bm);
    expect(body.satisfaction.items.map((i: { itemId: string; mean: number }) => [i.itemId, i.mean])).toEqual(SATISFACTION_ITEMS.map((name) => [name, 5]));
    expect(body.satisfaction.labels.map((l: { id: string }) => l.id)).toEqual([...SATISFACTION_ITEMS]);
  });
});
