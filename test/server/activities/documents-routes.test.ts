import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceTotals } from '../../../src/domain/activities/attendance.ts';
import type { KnowledgeEvaluation } from '../../../src/domain/activities/evaluation.ts';
import { translate } from '../../../src/domain/i18n/translate.ts';
import { formatDecimal, formatGain, formatInteger } from '../../../src/server/activities/documents/words.ts';
import { activityParticipants, auditEvents } from '../../../src/server/db/schema/index.ts';
import { BACKEND } from '../../support/database.ts';
import { type Session, type TestApp, createTestApp } from '../../support/app.ts';
import { readDocx, rowStarting } from '../../support/docx.ts';
import { type ActivityWorld, advance, buildWorld, createActivity, get, knowledgeForm, ok, plan, publishForm, satisfactionForm } from './helpers.ts';

const KNOWLEDGE = 'docs_knowledge_test';
const SATISFACTION = 'docs_satisfaction';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const answers = (q1: string, q2: string, q3: string) => ({ q1, q2, q3 });

describe(`activity documents on ${BACKEND}`, () => {
  let t: TestApp;
  let w: ActivityWorld;
  let activityId: string;
  const codes: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    await publishForm(t, knowledgeForm(KNOWLEDGE));
    await publishForm(t, satisfactionForm(SATISFACTION));
    ({ activityId } = await createActivity(t, w.officerA, { activity: plan([w.orgA, w.orgB], { themes: ['theme_nrm_sop', 'Thème saisi à la main'] }), knowledgeTestFormKey: KNOWLEDGE, satisfactionFormKey: SATISFACTION }));
    await advance(t, w.officerA, activityId, 1, ['confirm']);
    const register = async (fields: Record<string, unknown>) =>
      codes.push((await ok<{ participantCode: string }>(t, w.officerA, 'activity.add_participant', { activityId, ageBand: '25-59', category: 'community_leaders', consentToBeNamed: false, ...fields })).participantCode);
    await register({ sex: 'female', consentToBeNamed: true, name: 'Aminata Ɲaarɛ Koné', days: [1, 2] });
    await register({ sex: 'male', days: [1] });
    await register({ sex: 'female', days: [2] });
    const record = (kind: string, code: string | null, a: Record<string, string>) => ok(t, w.officerA, 'activity.record_evaluation', { activityId, kind, participantCode: code, formVersion: 1, source: 'paper', answers: a });
    await record('pre', codes[0]!, answers('yes', 'no', 'yes'));
    await record('pre', codes[1]!, answers('no', 'no', 'yes'));
    await record('post', codes[0]!, answers('yes', 'yes', 'no'));
    await record('post', codes[1]!, answers('yes', 'no', 'no'));
    await record('satisfaction', null, { useful: 'l5', venue: 'l3' });
  });
  afterAll(async () => {
    await t.close();
  });

  const download = (session: Session, path: string) => get(t, session, `/api/activities/${activityId}/${path}`);

  it('serves the report as DOCX with the figures of the results screen', async () => {
    const res = await download(w.officerA, 'report.docx');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    const docx = readDocx(res.rawPayload);
    const results = (await download(w.officerA, 'results?lang=fr')).json() as { attendance: AttendanceTotals; knowledge: KnowledgeEvaluation };
    const a = results.attendance;
    const total = translate('fr', 'activityReport.participation.total');
    expect(a.overall.total).toBe(3);
    expect(rowStarting(docx.rows, total)).toEqual([total, ...a.days.map((d) => formatInteger('fr', d.total)), formatInteger('fr', a.overall.total)]);
    const women = translate('fr', 'registration.sex.female');
    expect(rowStarting(docx.rows, women)).toEqual([women, ...a.days.map((d) => formatInteger('fr', d.bySex.female)), formatInteger('fr', a.overall.bySex.female)]);
    const k = results.knowledge;
    const figure = (key: string) => rowStarting(docx.rows, translate('fr', `activityReport.evaluation.${key}`))?.[1];
    expect(figure('preMean')).toBe(formatDecimal('fr', k.pre.meanPercent));
    expect(figure('postMean')).toBe(formatDecimal('fr', k.post.meanPercent));
    expect(figure('gainPoints')).toBe(formatGain('fr', k.gain.meanPoints));
    expect(figure('paired')).toBe('2');
    // A library theme prints as its title, a typed one as typed; question labels come from the form.
    expect(docx.text).toContain('Le mécanisme national de référencement et ses procédures');
    expect(docx.text).toContain('Thème saisi à la main');
    expect(docx.rows.flat()).toContain('1. Un enfant seul est-il vulnérable ?');
    // Both charts are embedded.
    expect(docx.media).toHaveLength(2);
    // The running organisation's officer sees the name given with consent; the others have only codes.
    expect(rowStarting(docx.rows, codes[0]!)?.[1]).toBe('Aminata Ɲaarɛ Koné');
    expect(rowStarting(docx.rows, codes[1]!)?.[1]).toBe(translate('fr', 'activityReport.annex.notNamed'));
    const audits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'activity.participants_viewed')));
    expect(audits.some((e) => (e.targetIds as string[]).includes(activityId))).toBe(true);
  });

  it('gives a co-organiser the report without any name, and another organisation nothing', async () => {
    const res = await download(w.officerB, 'report.docx?lang=en');
    expect(res.statusCode).toBe(200);
    const docx = readDocx(res.rawPayload);
    expect(JSON.stringify(docx)).not.toContain('Aminata');
    expect(docx.text).toContain(translate('en', 'activityReport.section.summary'));
    for (const path of ['report.docx', 'report.pdf', 'attendance-sheet.pdf', 'attendance-template.xlsx']) {
      expect((await download(w.officerC, path)).statusCode, path).toBe(404);
    }
  });

  it('serves the report as PDF, in Bambara on request', async () => {
    const res = await download(w.officerA, 'report.pdf?lang=bm');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await extractText(new Uint8Array(res.rawPayload), { mergePages: true })).text;
    expect(text).toContain(translate('bm', 'activityReport.section.participation'));
    expect(text).toContain(translate('bm', 'activityReport.section.evaluation'));
    expect(text).toContain('Aminata Ɲaarɛ Koné');
  });

  it('prints the attendance sheet with the registered codes and fresh ones', async () => {
    const res = await download(w.officerA, 'attendance-sheet.pdf?lang=fr&rows=5');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await extractText(new Uint8Array(res.rawPayload), { mergePages: true })).text;
    for (const code of codes) expect(text).toContain(code);
    expect(text.match(/P-[0-9A-Z]{4}-[0-9A-Z]{2}/g)?.length).toBe(codes.length + 5);
    expect((await download(w.officerA, 'attendance-sheet.pdf?rows=500')).statusCode).toBe(400);
  });

  async function template(session: Session, rows: number): Promise<ExcelJS.Workbook> {
    const res = await download(session, `attendance-template.xlsx?lang=fr&rows=${rows}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    return workbook;
  }
  const upload = async (session: Session, workbook: ExcelJS.Workbook, commandId = uuidv4()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/attendance/import?commandId=${commandId}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': XLSX },
      payload: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
  const stored = async () =>
    (await t.database.db.select().from(activityParticipants).where(eq(activityParticipants.activityId, activityId)))
      .map((r) => ({ code: r.participantCode, sex: r.sex, category: r.category, days: r.days }))
      .sort((x, y) => x.code.localeCompare(y.code));

  it('imports a filled template: a sheet with a problem changes nothing, a good one adds and updates', async () => {
    const before = await stored();
    const workbook = await template(w.officerA, 2);
    const ws = workbook.worksheets[0]!;
    // Rows 2–4 are the registered participants, 5–6 the blank lines.
    ws.getRow(3).getCell(8).value = 'x'; // the man also came on day 2
    const fresh = String(ws.getCell('A5').value);
    Object.entries({ 3: 'non', 4: 'Masculin', 5: '18-24 ans', 6: 'Jeunes', 7: 'x' }).forEach(([c, v]) => (ws.getRow(5).getCell(Number(c)).value = v));
    ws.getRow(6).getCell(4).value = 'Zèbre';
    ws.getRow(6).getCell(6).value = 'Jeunes';

    const refused = await upload(w.officerA, workbook);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'row 6 / column D', code: 'attendance_sheet_sex_unknown', message: translate('fr', 'validation.attendance_sheet_sex_unknown') }] });
    expect(await stored()).toEqual(before);

    ws.getRow(6).getCell(4).value = null;
    ws.getRow(6).getCell(6).value = null;
    const commandId = uuidv4();
    const accepted = await upload(w.officerA, workbook, commandId);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ added: 1, updated: 3 });
    const after = await stored();
    expect(after.find((p) => p.code === codes[1])?.days).toEqual([1, 2]);
    expect(after.find((p) => p.code === fresh)).toEqual({ code: fresh, sex: 'male', category: 'youth', days: [1] });
    // The consenting participant keeps her name: it is in the template the officer downloaded.
    const [named] = await t.database.db.select().from(activityParticipants).where(eq(activityParticipants.participantCode, codes[0]!));
    expect(named?.nameSealed).not.toBeNull();
    // The same command sent again after a lost answer is applied once.
    const again = await upload(w.officerA, workbook, commandId);
    expect(again.json()).toEqual({ added: 1, updated: 3 });
    expect(await stored()).toEqual(after);
  });

  it('lets only the running organisation import', async () => {
    const workbook = await template(w.officerA, 0);
    expect((await upload(w.officerB, workbook)).statusCode).toBe(403);
    expect((await upload(w.officerC, workbook)).statusCode).toBe(404);
    const notExcel = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/attendance/import?commandId=${uuidv4()}`,
      headers: { cookie: w.officerA.cookie, 'x-csrf-token': w.officerA.csrf, 'content-type': 'text/plain' },
      payload: 'code;name',
    });
    expect(notExcel.statusCode).toBe(415);
  });
});
