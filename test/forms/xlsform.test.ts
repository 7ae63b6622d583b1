import { describe, expect, it } from 'vitest';
import { questions } from '../../src/domain/forms/definition.ts';
import { evaluateForm } from '../../src/domain/forms/evaluate.ts';
import { scoreAnswers } from '../../src/domain/forms/scoring.ts';
import { exportXlsForm } from '../../src/server/forms/xlsform-export.ts';
import { type ImportResult, countQuestions, importXlsForm } from '../../src/server/forms/xlsform-import.ts';
import { buildXlsForm } from '../fixtures/xlsforms/build.ts';
import { FIXTURES, childIdentification, householdRepeats, knowledgeTest, satisfactionSurvey, vulnerabilityScreening } from '../fixtures/xlsforms/forms.ts';

async function imported(fixture: Parameters<typeof buildXlsForm>[0]) {
  const result = await importXlsForm(await buildXlsForm(fixture));
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}`);
  return result.form;
}

describe('XLSForm import of the five fixtures', () => {
  it.each([
    [vulnerabilityScreening, 'vulnerability_screening', ['fr', 'en', 'bm'], 9],
    [childIdentification, 'child_identification', ['fr', 'en', 'bm'], 8],
    [knowledgeTest, 'knowledge_test', ['fr', 'en', 'bm'], 5],
    [satisfactionSurvey, 'satisfaction_survey', ['fr', 'bm'], 4],
    [householdRepeats, 'household_repeats', ['fr', 'en', 'bm'], 4],
  ] as const)('imports fixture %# with its id, languages and question count', async (fixture, formId, languages, count) => {
    const form = await imported(fixture);
    expect(form.formId).toBe(formId);
    expect(form.languages.map((l) => l.code)).toEqual(languages);
    expect(form.defaultLanguage).toBe('fr');
    expect(countQuestions(form)).toBe(count);
  });

  it('keeps translations, hints, constraint messages and the filtered list', async () => {
    const form = await imported(vulnerabilityScreening);
    const age = questions(form).find((q) => q.name === 'age')!;
    expect(age.label).toEqual({ fr: 'Âge de la personne', en: 'Age of the person', bm: 'Mɔgɔ in ka si' });
    expect(age.constraintMessage?.bm).toBe('San 0 ni san 110 cɛ');
    expect(questions(form).find((q) => q.name === 'region')?.choiceFilter).toBe('country = ${country}');
    expect(form.choices.region?.[0]).toMatchObject({ name: 'ML01', properties: { country: 'ML' } });
  });

  it('round trip XLSForm → Sira → XLSForm keeps questions, choices, languages and logic', async () => {
    for (const fixture of FIXTURES) {
      const first = await imported(fixture);
      const again = await importXlsForm(await exportXlsForm(first));
      expect(again.ok, fixture.file).toBe(true);
      expect((again as Extract<ImportResult, { ok: true }>).form, fixture.file).toEqual(first);
    }
  });

  it('evaluates the imported logic with the shared domain code', async () => {
    const form = await imported(householdRepeats);
    const result = evaluateForm(form, { household_size: 3, members: [{ member_age: 40 }, { member_age: 9, member_school: 'yes' }, { member_age: 2 }] });
    expect(result.issues).toEqual([]);
    expect(result.calculated).toMatchObject({ minors: '2', mean_age: '17' });
    expect(result.relevant['members[1].member_school']).toBe(true);
    expect(result.relevant['members[2].member_school']).toBe(false);

    const screening = await imported(vulnerabilityScreening);
    const high = evaluateForm(screening, { age: 25, sex: 'female', documents_held: 'no', debt: 'yes', debt_amount: 0, consent: true });
    expect(high.issues.map((i) => `${i.path}:${i.code}`)).toEqual(['debt_amount:constraint']);
    expect(high.relevant.refer_note).toBe(true);
  });

  it('scores the knowledge test from its points and correct_answer columns', async () => {
    const form = await imported(knowledgeTest);
    const score = scoreAnswers(form, { phase: 'post', q_consent: 'true', q_share: 'false', q_child: 'false', q_indicators: ['debt', 'documents'] });
    expect(score).toMatchObject({ total: 4, max: 6, percentage: 66.7 });
  });
});

describe('XLSForm problems are reported precisely and nothing is returned', () => {
  const base = { choices: [{ list_name: 'yn', name: 'yes', label: 'Yes' }], settings: [{ form_id: 'bad' }] };
  it('reports each unsupported type, column and value with sheet, row and cell', async () => {
    const result = await importXlsForm(
      await buildXlsForm({
        ...base,
        survey: [
          { type: 'text', name: 'a', label: 'A' },
          { type: 'range', name: 'b', label: 'B' },
          { type: 'select_one yn or_other', name: 'c', label: 'C' },
          { type: 'text', name: 'd', label: 'D', required: '${a} != ""' },
          { type: 'text', name: 'e', label: 'E', 'media::image': 'e.png' },
          { type: 'start', name: 'start' },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { sheet: 'survey', row: 6, column: 'media::image', cell: 'E6', code: 'unsupported_column' },
      { sheet: 'survey', row: 3, column: 'type', cell: 'A3', code: 'unsupported_type', params: { type: 'range' } },
      { sheet: 'survey', row: 4, column: 'type', cell: 'A4', code: 'unsupported_value', params: { type: 'select_one yn or_other' } },
      { sheet: 'survey', row: 5, column: 'required', cell: 'D5', code: 'unsupported_value', params: { value: '${a} != ""' } },
    ]);
    expect(result.warnings).toEqual([{ sheet: 'survey', row: 7, column: 'type', cell: 'A7', code: 'unsupported_type', params: { type: 'start' } }]);
  });

  it('reports broken references, syntax, names, lists and groups', async () => {
    const result = await importXlsForm(
      await buildXlsForm({
        ...base,
        survey: [
          { type: 'begin group', name: 'g', label: 'G' },
          { type: 'integer', name: 'age', label: 'Age', relevant: '${agee} > 3', constraint: '. >< 2' },
          { type: 'select_one colours', name: 'colour', label: 'Colour' },
          { type: 'text', name: 'age', label: 'Again' },
          { type: 'text', name: '2bad', label: 'Bad' },
          { type: 'text', name: '__proto__', label: 'Proto' },
          { type: 'calculate', name: 'c' },
          { type: 'end repeat' },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.sheet} ${p.row} ${p.column} ${p.cell} ${p.code} ${JSON.stringify(p.params ?? {})}`)).toEqual([
      'survey 5 name B5 duplicate_name {"name":"age"}',
      'survey 6 name B6 invalid_name {"name":"2bad"}',
      'survey 7 name B7 invalid_name {"name":"__proto__"}',
      // The sheet has no calculation column at all: the row and the column name, no cell.
      'survey 8 calculation null missing_calculation {}',
      // A mismatched end closes the open group: one problem, where the author must look.
      'survey 9 type A9 unbalanced_group {"type":"end repeat"}',
      'survey 3 relevant D3 unknown_reference {"reference":"agee"}',
      'survey 3 constraint E3 invalid_expression {}',
      'survey 4 type A4 unknown_list {"list":"colours"}',
    ]);
  });

  it('reports a file that is not a workbook, a survey without its columns, and an empty form', async () => {
    expect(await importXlsForm(new TextEncoder().encode('not a spreadsheet'))).toMatchObject({ ok: false, problems: [{ code: 'invalid_file' }] });
    expect(await importXlsForm(await buildXlsForm({ survey: [], choices: [], settings: [] }))).toMatchObject({
      ok: false,
      problems: [
        { sheet: 'survey', row: 1, column: 'type', code: 'missing_column' },
        { sheet: 'survey', row: 1, column: 'name', code: 'missing_column' },
      ],
    });
    expect(await importXlsForm(await buildXlsForm({ survey: [{ type: '', name: '', label: '' }], choices: [], settings: [] }))).toMatchObject({ ok: false, problems: [{ code: 'empty_form' }] });
  });

  it('reports choices problems and unreadable languages', async () => {
    const result = await importXlsForm(
      await buildXlsForm({
        survey: [{ type: 'select_one yn', name: 'q', 'label::Klingon': 'Q', label: 'Q' }],
        choices: [
          { list_name: 'yn', name: 'yes', label: 'Yes' },
          { list_name: 'yn', name: 'yes', label: 'Oui' },
          { list_name: 'yn', name: 'no' },
        ],
        settings: [],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.sheet}!${p.cell} ${p.code}`)).toEqual(['survey!C1 unknown_language', 'choices!B3 duplicate_choice', 'choices!C4 missing_label']);
  });
});
