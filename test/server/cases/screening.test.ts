import { eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENING_FORM_KEYS } from '../../../src/domain/screening/forms/index.ts';
import { cases, formSubmissions } from '../../../src/server/db/schema/index.ts';
import { builtinFormId } from '../../../src/server/forms/builtin.ts';
import { BACKEND } from '../../support/database.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand, systemCommand } from '../../support/app.ts';
import { registerCase, registrationInput } from '../../support/cases.ts';
import { deceivedWorker, strandedWoman } from '../../domain/screening/examples.ts';

/** Screening at registration: answers are checked by the forms engine, stored encrypted, and set category and risk. */
describe(`screening at registration on ${BACKEND}`, () => {
  let t: TestApp;
  let identifier: Session;
  const trafficking = () => builtinFormId(SCREENING_FORM_KEYS.trafficking);
  const vulnerability = () => builtinFormId(SCREENING_FORM_KEYS.vulnerability);
  beforeAll(async () => {
    t = await createTestApp();
    identifier = await login(t, (await createOrganisationAndUser(t, ['frontline_identifier'])).email);
    await systemCommand(t, 'form.seed_builtin', {});
  });
  afterAll(async () => {
    await t.close();
  });

  it('sets the category and risk from the answers, and keeps the answers encrypted', async () => {
    const { caseId, category, riskLevel } = await registerCase(t, identifier, { screening: [{ formId: trafficking(), version: 1, answers: deceivedWorker }] });
    expect(category).toBe('victim_of_trafficking');
    expect(['high', 'medium']).toContain(riskLevel);
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ category: 'victim_of_trafficking', traffickingStatus: expect.stringMatching(/possible|actual/) });
    const [stored] = await t.database.db.select().from(formSubmissions).where(eq(formSubmissions.caseId, caseId));
    expect(stored!.answers).toMatch(/^d1\./);
    const file = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { cookie: identifier.cookie } })).json() as { screenings: { kind: string; answers: Record<string, unknown> }[] };
    expect(file.screenings).toEqual([expect.objectContaining({ kind: 'trafficking', answers: expect.objectContaining(Object.fromEntries(Object.entries(deceivedWorker).slice(0, 1))) })]);
  });

  it('refuses answers the form refuses, naming the question, and stores nothing', async () => {
    const before = (await t.database.db.select().from(cases)).length;
    const res = await postCommand(t, identifier, 'case.register', uuidv4(), registrationInput({ screening: [{ formId: vulnerability(), version: 1, answers: { ...strandedWoman, no_such_question: 'x' } }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: expect.stringMatching(/^input\.screening\.0\.answers\./) })] } });
    expect((await t.database.db.select().from(cases)).length).toBe(before);
  });

  it('takes answers only on a published screening form, not a draft version or another form', async () => {
    await systemCommand(t, 'form.add_version', { formId: vulnerability(), definition: (await import('../../../src/domain/screening/forms/vulnerability.ts')).vulnerabilityForm });
    const draft = await postCommand(t, identifier, 'case.register', uuidv4(), registrationInput({ screening: [{ formId: vulnerability(), version: 2, answers: strandedWoman }] }));
    expect(draft.json()).toMatchObject({ error: { details: [{ path: 'input.screening.0.formId', code: 'screening_form_unknown' }] } });
    const twice = await postCommand(t, identifier, 'case.register', uuidv4(), registrationInput({ screening: [{ formId: vulnerability(), version: 1, answers: strandedWoman }, { formId: vulnerability(), version: 1, answers: strandedWoman }] }));
    expect(twice.json()).toMatchObject({ error: { details: [{ path: 'input.screening.1.formId', code: 'screening_form_unknown' }] } });
  });
});
