import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES, CHILD_STATUSES, RISK_LEVELS, TRAFFICKING_STATUSES } from '../../../src/domain/cases/categories.ts';
import { catalogues } from '../../../src/domain/i18n/translate.ts';
import type { Answers } from '../../../src/domain/forms/answers.ts';
import { evaluateForm } from '../../../src/domain/forms/evaluate.ts';
import { withoutIrrelevant } from '../../../src/domain/forms/prune.ts';
import { childForm } from '../../../src/domain/screening/forms/child.ts';
import { traffickingForm } from '../../../src/domain/screening/forms/trafficking.ts';
import { vulnerabilityForm } from '../../../src/domain/screening/forms/vulnerability.ts';
import { FEW_PROTECTIVE_FACTORS, MANY_RISK_FACTORS, SCREENING_REASONS, SEVERAL_RISK_FACTORS, type ScreeningInput, UNCERTAIN_AGE_LIMIT, screeningOutcome } from '../../../src/domain/screening/outcome.ts';
import { adultByLook, boyWithCousin, deceivedWorker, noTraffickingSigns, returningMan, strandedWoman } from './examples.ts';

const adult = { ageYears: 30, ageUncertain: false };
/** A calm vulnerability screening: nothing urgent, no factor ticked. */
const calm: Answers = { immediate_danger: 'no', urgent_medical: 'no', disability: 'no', migration_situation: 'in_transit', gbv_disclosed: 'no' };
const outcome = (input: Partial<ScreeningInput>) => screeningOutcome({ ...adult, ...input });
const childAnswers = (withParents: string, withRelatives?: string, withCaregiver?: string): Answers => ({
  age_basis: 'estimated',
  appears_under_18: 'yes',
  with_parents: withParents,
  ...(withRelatives ? { with_relatives: withRelatives } : {}),
  ...(withCaregiver ? { with_caregiver: withCaregiver } : {}),
  caregiver_informed: 'no',
});

describe('screeningOutcome', () => {
  describe('category', () => {
    it('an adult with nothing specific is an other vulnerable migrant, at low risk', () => {
      expect(outcome({ vulnerability: calm })).toEqual({
        category: 'other_vulnerable_migrant',
        riskLevel: 'low',
        isChild: false,
        traffickingStatus: null,
        childStatus: null,
        exploitationTypes: [],
        reasons: [],
      });
    });

    it('follows the migration situation: stranded, returnee, deportee', () => {
      expect(outcome({ vulnerability: { ...calm, migration_situation: 'stranded' } })).toMatchObject({ category: 'stranded_migrant', reasons: ['stranded'] });
      expect(outcome({ vulnerability: { ...calm, migration_situation: 'returnee' } })).toMatchObject({ category: 'returnee', reasons: ['returnee'] });
      expect(outcome({ vulnerability: { ...calm, migration_situation: 'deportee' } })).toMatchObject({ category: 'returnee', reasons: ['deportee'] });
    });

    it('possible or actual trafficking makes a victim of trafficking, even a stranded child alone', () => {
      const stranded = { ...calm, migration_situation: 'stranded' };
      const possible = outcome({ vulnerability: stranded, trafficking: { ...noTraffickingSigns, trafficking_assessment: 'possible' }, child: childAnswers('no', 'no', 'no') });
      expect(possible).toMatchObject({ category: 'victim_of_trafficking', traffickingStatus: 'possible', childStatus: 'unaccompanied', isChild: true });
      expect(possible.reasons).toEqual(expect.arrayContaining(['possible_trafficking', 'unaccompanied_child', 'stranded']));
      expect(outcome({ trafficking: { ...noTraffickingSigns, trafficking_assessment: 'actual' } })).toMatchObject({ category: 'victim_of_trafficking', traffickingStatus: 'actual', riskLevel: 'high' });
      expect(outcome({ trafficking: noTraffickingSigns })).toMatchObject({ category: 'other_vulnerable_migrant', traffickingStatus: 'not_a_victim' });
    });

    it('an unaccompanied or separated child comes before a GBV disclosure', () => {
      const gbv = { ...calm, gbv_disclosed: 'yes' };
      expect(outcome({ vulnerability: gbv, child: childAnswers('no', 'yes') })).toMatchObject({ category: 'unaccompanied_separated_child', childStatus: 'separated' });
      expect(outcome({ vulnerability: gbv, child: childAnswers('no', 'no', 'no') })).toMatchObject({ category: 'unaccompanied_separated_child', childStatus: 'unaccompanied' });
    });

    it('a GBV disclosure comes before being a child with a parent, and before the situation', () => {
      const gbv = { ...calm, gbv_disclosed: 'yes', migration_situation: 'stranded' };
      expect(outcome({ vulnerability: gbv })).toMatchObject({ category: 'gbv_survivor', riskLevel: 'medium', reasons: ['gbv_disclosed', 'stranded'] });
      expect(outcome({ vulnerability: gbv, child: childAnswers('yes') })).toMatchObject({ category: 'gbv_survivor', childStatus: 'other_vulnerable', isChild: true });
      expect(outcome({ vulnerability: { ...calm, gbv_disclosed: 'not_asked' } }).category).toBe('other_vulnerable_migrant');
    });

    it('any other child is an other vulnerable child, before the migration situation', () => {
      const stranded = { ...calm, migration_situation: 'stranded' };
      expect(outcome({ vulnerability: stranded, child: childAnswers('yes') })).toMatchObject({ category: 'other_vulnerable_child', childStatus: 'other_vulnerable', riskLevel: 'low' });
      // A child by age whose carers were not asked: a child all the same, status unknown.
      expect(screeningOutcome({ vulnerability: stranded, child: adultByLook, ageYears: 15, ageUncertain: false })).toMatchObject({ category: 'other_vulnerable_child', isChild: true, childStatus: null, reasons: ['child', 'stranded'] });
      expect(screeningOutcome({ vulnerability: stranded, ageYears: 12, ageUncertain: false })).toMatchObject({ category: 'other_vulnerable_child', childStatus: null });
    });
  });

  describe('who is a child', () => {
    const cases: [string, Partial<ScreeningInput>, boolean][] = [
      ['17 years old', { ageYears: 17 }, true],
      ['18 years old', { ageYears: 18 }, false],
      ['age uncertain, none given', { ageYears: null, ageUncertain: true }, true],
      [`age uncertain, about ${UNCERTAIN_AGE_LIMIT - 1}`, { ageYears: UNCERTAIN_AGE_LIMIT - 1, ageUncertain: true }, true],
      [`age uncertain, about ${UNCERTAIN_AGE_LIMIT}`, { ageYears: UNCERTAIN_AGE_LIMIT, ageUncertain: true }, false],
      ['no age, not uncertain', { ageYears: null, ageUncertain: false }, false],
      ['an adult by age whom the child form finds looking under 18', { ageYears: 19, child: { age_basis: 'estimated', appears_under_18: 'yes', with_parents: 'yes' } }, true],
      ['an adult by age whose age the child form finds uncertain', { ageYears: 30, child: { age_basis: 'uncertain', with_parents: 'yes' } }, true],
      ['an adult by age and by look', { ageYears: 30, child: adultByLook }, false],
    ];
    it.each(cases)('%s → %s', (_, input, isChild) => {
      const result = outcome(input);
      expect(result.isChild).toBe(isChild);
      expect(result.category === 'other_vulnerable_child').toBe(isChild);
    });

    it('says when the child was assumed because the age is uncertain', () => {
      expect(screeningOutcome({ ageYears: null, ageUncertain: true }).reasons).toEqual(['child', 'age_uncertain']);
      expect(screeningOutcome({ ageYears: 15, ageUncertain: false }).reasons).toEqual(['child']);
      expect(outcome({ child: adultByLook })).toMatchObject({ isChild: false, childStatus: 'not_a_child' });
    });
  });

  describe('risk level', () => {
    const high: [string, Partial<ScreeningInput>, string][] = [
      ['immediate danger', { vulnerability: { ...calm, immediate_danger: 'yes' } }, 'immediate_danger'],
      ['urgent medical need', { vulnerability: { ...calm, urgent_medical: 'yes' } }, 'urgent_medical_need'],
      ['still under the exploiters’ control', { trafficking: { ...deceivedWorker, under_control: 'yes' } }, 'under_control'],
      ['an unaccompanied child', { child: childAnswers('no', 'no', 'no') }, 'unaccompanied_child'],
      ['actual trafficking', { trafficking: { ...deceivedWorker, trafficking_assessment: 'actual' } }, 'actual_trafficking'],
    ];
    it.each(high)('high for %s', (_, input, reason) => {
      const result = outcome(input);
      expect(result.riskLevel).toBe('high');
      expect(result.reasons).toContain(reason);
    });

    const medium: [string, Partial<ScreeningInput>, string][] = [
      ['possible trafficking', { trafficking: deceivedWorker }, 'possible_trafficking'],
      ['a separated child', { child: childAnswers('no', 'no', 'yes') }, 'separated_child'],
      ['a GBV disclosure', { vulnerability: { ...calm, gbv_disclosed: 'yes' } }, 'gbv_disclosed'],
    ];
    it.each(medium)('medium for %s', (_, input, reason) => {
      const result = outcome(input);
      expect(result.riskLevel).toBe('medium');
      expect(result.reasons).toContain(reason);
    });

    const risks = ['no_documents', 'no_money', 'cannot_read', 'pregnant', 'past_abuse', 'chronic_illness'];
    const withFactors = (riskCount: number, protectiveCount: number): Answers => ({
      ...calm,
      individual_risks: risks.slice(0, Math.min(riskCount, risks.length)),
      household_strengths: ['family_contact', 'family_support', 'trusted_companion'].slice(0, protectiveCount),
    });

    it('weighs risk factors against protective ones', () => {
      expect(outcome({ vulnerability: withFactors(MANY_RISK_FACTORS, FEW_PROTECTIVE_FACTORS) })).toMatchObject({ riskLevel: 'high', reasons: ['many_risk_factors'] });
      expect(outcome({ vulnerability: withFactors(MANY_RISK_FACTORS, FEW_PROTECTIVE_FACTORS + 1) })).toMatchObject({ riskLevel: 'medium', reasons: ['several_risk_factors'] });
      expect(outcome({ vulnerability: withFactors(SEVERAL_RISK_FACTORS, 0) })).toMatchObject({ riskLevel: 'medium', reasons: ['several_risk_factors'] });
      expect(outcome({ vulnerability: withFactors(SEVERAL_RISK_FACTORS - 1, 0) })).toMatchObject({ riskLevel: 'low', reasons: [] });
    });

    it('counts factors at every level, and a disability as one', () => {
      const spread = { ...calm, disability: 'yes', individual_risks: ['no_money'], household_risks: ['family_debt'], community_risks: ['no_network'], structural_risks: ['irregular_status'] };
      expect(outcome({ vulnerability: spread })).toMatchObject({ riskLevel: 'high', reasons: ['many_risk_factors'] });
      expect(outcome({ vulnerability: { ...spread, disability: 'no' } })).toMatchObject({ riskLevel: 'medium' });
    });

    it('takes the highest level that applies', () => {
      const result = outcome({ vulnerability: { ...calm, gbv_disclosed: 'yes', immediate_danger: 'yes' }, trafficking: deceivedWorker });
      expect(result).toMatchObject({ riskLevel: 'high', category: 'victim_of_trafficking' });
      expect(result.reasons).toEqual(['possible_trafficking', 'gbv_disclosed', 'immediate_danger']);
    });
  });

  describe('with the real forms’ example answers', () => {
    it('a stranded woman deceived into forced work: possible victim of trafficking, medium risk', () => {
      expect(screeningOutcome({ vulnerability: strandedWoman, trafficking: deceivedWorker, ageYears: 22, ageUncertain: false })).toEqual({
        category: 'victim_of_trafficking',
        riskLevel: 'medium',
        isChild: false,
        traffickingStatus: 'possible',
        childStatus: null,
        exploitationTypes: ['forced_labour', 'sexual_exploitation'],
        reasons: ['possible_trafficking', 'several_risk_factors', 'stranded'],
      });
    });

    it('a boy travelling with his cousin: separated child', () => {
      expect(screeningOutcome({ vulnerability: { ...calm, migration_situation: 'in_transit' }, trafficking: noTraffickingSigns, child: boyWithCousin, ageYears: 15, ageUncertain: true })).toMatchObject({
        category: 'unaccompanied_separated_child',
        riskLevel: 'medium',
        isChild: true,
        childStatus: 'separated',
        traffickingStatus: 'not_a_victim',
        reasons: ['separated_child'],
      });
    });

    it('a returnee doing well: returnee, low risk', () => {
      expect(screeningOutcome({ vulnerability: returningMan, trafficking: noTraffickingSigns, child: adultByLook, ageYears: 34, ageUncertain: false })).toMatchObject({
        category: 'returnee',
        riskLevel: 'low',
        childStatus: 'not_a_child',
        reasons: ['returnee'],
      });
    });

    it('reads answers the way the forms hold them after pruning, select_multiple sent space-separated too', () => {
      const pruned = withoutIrrelevant(traffickingForm, deceivedWorker, evaluateForm(traffickingForm, deceivedWorker));
      expect(outcome({ trafficking: pruned }).exploitationTypes).toEqual(['forced_labour', 'sexual_exploitation']);
      expect(outcome({ trafficking: { ...deceivedWorker, exploitation_types: 'forced_begging child_labour' } }).exploitationTypes).toEqual(['forced_begging', 'child_labour']);
      const vulnerable = withoutIrrelevant(vulnerabilityForm, strandedWoman, evaluateForm(vulnerabilityForm, strandedWoman));
      expect(outcome({ vulnerability: vulnerable }).category).toBe('stranded_migrant');
    });

    it('decides the child status exactly as the child form’s calculation does, for every combination of answers', () => {
      const options = [undefined, 'yes', 'no'];
      let compared = 0;
      const seen = new Set<string | null>();
      for (const ageBasis of ['known', 'estimated', 'uncertain'])
        for (const under18 of options)
          for (const withParents of options)
            for (const withRelatives of options)
              for (const withCaregiver of options) {
                const raw: Record<string, string> = { age_basis: ageBasis };
                for (const [k, v] of Object.entries({ appears_under_18: under18, with_parents: withParents, with_relatives: withRelatives, with_caregiver: withCaregiver })) if (v) raw[k] = v;
                const evaluation = evaluateForm(childForm, raw);
                const answers = withoutIrrelevant(childForm, raw, evaluation);
                const formStatus = evaluation.calculated.child_status || null;
                // With no age from the identity step, the form alone decides who is a child.
                expect(screeningOutcome({ child: answers, ageYears: null, ageUncertain: false }).childStatus, JSON.stringify(raw)).toBe(formStatus);
                seen.add(formStatus);
                compared++;
              }
      expect(compared).toBe(3 * 3 ** 4);
      expect(seen).toEqual(new Set([...CHILD_STATUSES, null]));
    });
  });

  it('has words for every category, risk level, status and reason it can give, in the cases catalogue', () => {
    const keys = [
      ...CASE_CATEGORIES.map((c) => `cases.category.${c}`),
      ...RISK_LEVELS.map((r) => `cases.risk.${r}`),
      ...TRAFFICKING_STATUSES.map((s) => `cases.traffickingStatus.${s}`),
      ...CHILD_STATUSES.map((s) => `cases.childStatus.${s}`),
      ...SCREENING_REASONS.map((r) => `cases.reason.${r}`),
    ];
    const missing = keys.filter((k) => !(k in catalogues.fr));
    expect(missing).toEqual([]);
    expect(Object.keys(catalogues.fr).filter((k) => k.startsWith('cases.')).sort()).toEqual([...keys].sort());
  });
});
