import { describe, expect, it } from 'vitest';
import { SERVICE_TYPES, TARGET_GROUPS } from '../../../src/domain/directory/taxonomy.ts';
import { DEFAULT_PATHWAYS } from '../../../src/domain/referrals/default-pathways.ts';
import { type Pathway, pathwayInput, pathwaySchema, responsibleFor } from '../../../src/domain/referrals/pathways.ts';

const ORG_A = '0b9e3c56-2f1d-4a8e-9c47-6d5f1e2a3b4c';
const ORG_B = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

/** The refinement codes of a failed parse, with where they point. */
function refusals(input: unknown, schema = pathwayInput) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join('.'), code: i.code === 'custom' ? (i.params as { code?: string } | undefined)?.code : i.code }));
}

const valid = (): Pathway => ({ targetGroup: 'returnee', steps: [{ serviceType: 'medical', timing: 'immediate', responsible: [] }] });

describe('default pathways', () => {
  it('cover the five main target groups, once each', () => {
    expect(DEFAULT_PATHWAYS.map((p) => p.targetGroup).sort()).toEqual(['gbv_survivor', 'returnee', 'stranded_migrant', 'unaccompanied_separated_child', 'victim_of_trafficking']);
  });

  it.each(DEFAULT_PATHWAYS.map((p) => [p.targetGroup, p] as const))('%s passes the schema unchanged', (_group, pathway) => {
    const result = pathwayInput.safeParse(pathway);
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toEqual(pathway);
  });

  it('name no organisation: the coordinator does, per region', () => {
    expect(DEFAULT_PATHWAYS.flatMap((p) => p.steps.flatMap((s) => s.responsible))).toEqual([]);
  });

  it('start with immediate help and never go back to an earlier timing', () => {
    const rank = { immediate: 0, within_72h: 1, later: 2 } as const;
    for (const pathway of DEFAULT_PATHWAYS) {
      const ranks = pathway.steps.map((s) => rank[s.timing]);
      expect(ranks[0], pathway.targetGroup).toBe(0);
      expect(ranks, pathway.targetGroup).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('put family tracing before the best-interests procedure for a child, and health first for a GBV survivor', () => {
    const child = DEFAULT_PATHWAYS.find((p) => p.targetGroup === 'unaccompanied_separated_child')!.steps.map((s) => s.serviceType);
    expect(child.indexOf('family_tracing')).toBeGreaterThan(-1);
    expect(child.indexOf('family_tracing')).toBeLessThan(child.indexOf('best_interests_procedure'));
    expect(child.indexOf('best_interests_procedure')).toBeLessThan(child.indexOf('voluntary_return'));
    expect(DEFAULT_PATHWAYS.find((p) => p.targetGroup === 'gbv_survivor')!.steps[0]!.serviceType).toBe('medical');
  });
});

describe('pathway schema', () => {
  it('accepts every seed code and fills in an empty responsible list', () => {
    expect(pathwayInput.parse({ targetGroup: 'returnee', steps: [{ serviceType: 'shelter', timing: 'later' }] }).steps[0]!.responsible).toEqual([]);
    for (const group of TARGET_GROUPS.terms) expect(pathwayInput.safeParse({ ...valid(), targetGroup: group.code }).success, group.code).toBe(true);
    for (const type of SERVICE_TYPES.terms) expect(pathwayInput.safeParse({ ...valid(), steps: [{ serviceType: type.code, timing: 'later' }] }).success, type.code).toBe(true);
  });

  it('refuses an unknown target group with a code, not an English message', () => {
    expect(refusals({ ...valid(), targetGroup: 'tourist' })).toEqual([{ path: 'targetGroup', code: 'unknown_target_group' }]);
    const issue = pathwayInput.safeParse({ ...valid(), targetGroup: 'tourist' }).error!.issues[0]!;
    expect(issue.message).not.toMatch(/target group/i);
  });

  it('refuses an unknown service type, pointing at its step', () => {
    const input = { ...valid(), steps: [valid().steps[0], { serviceType: 'spa_day', timing: 'later' }] };
    expect(refusals(input)).toEqual([{ path: 'steps.1.serviceType', code: 'unknown_service_type' }]);
  });

  it('does not take a target group for a service type, nor the reverse', () => {
    expect(refusals({ ...valid(), targetGroup: 'medical' })).toEqual([{ path: 'targetGroup', code: 'unknown_target_group' }]);
    expect(refusals({ ...valid(), steps: [{ serviceType: 'returnee', timing: 'later' }] })).toEqual([{ path: 'steps.0.serviceType', code: 'unknown_service_type' }]);
  });

  it('checks against the codes it is given, so a term the coordinator added is accepted', () => {
    const schema = pathwaySchema({ serviceTypes: new Set(['medical', 'cash_transfer']), targetGroups: new Set(['returnee']) });
    expect(schema.safeParse({ ...valid(), steps: [{ serviceType: 'cash_transfer', timing: 'within_72h' }] }).success).toBe(true);
    expect(refusals({ ...valid(), steps: [{ serviceType: 'shelter', timing: 'later' }] }, schema)).toEqual([{ path: 'steps.0.serviceType', code: 'unknown_service_type' }]);
  });

  it('refuses an unknown timing, no steps, too many steps and unknown fields', () => {
    expect(refusals({ ...valid(), steps: [{ serviceType: 'medical', timing: 'tomorrow' }] })).toEqual([{ path: 'steps.0.timing', code: 'invalid_value' }]);
    expect(refusals({ ...valid(), steps: [] })).toEqual([{ path: 'steps', code: 'too_small' }]);
    expect(refusals({ ...valid(), steps: Array.from({ length: 13 }, () => valid().steps[0]) })).toEqual([{ path: 'steps', code: 'too_big' }]);
    expect(refusals({ ...valid(), colour: 'red' })).toEqual([{ path: '', code: 'unrecognized_keys' }]);
  });

  it('takes responsible organisations per known admin-1 P-code, once per region', () => {
    const step = { serviceType: 'shelter', timing: 'immediate', responsible: [{ admin1Pcode: 'ML07', organisationIds: [ORG_A, ORG_B] }] };
    const parsed = pathwayInput.parse({ ...valid(), steps: [step] });
    expect(responsibleFor(parsed.steps[0]!, 'ML07')).toEqual([ORG_A, ORG_B]);
    expect(responsibleFor(parsed.steps[0]!, 'ML02')).toEqual([]);

    expect(refusals({ ...valid(), steps: [{ ...step, responsible: [{ admin1Pcode: 'ZZ99', organisationIds: [] }] }] })).toEqual([{ path: 'steps.0.responsible.0.admin1Pcode', code: 'unknown_pcode' }]);
    expect(refusals({ ...valid(), steps: [{ ...step, responsible: [{ admin1Pcode: 'ML07', organisationIds: ['not-a-uuid'] }] }] })).toEqual([{ path: 'steps.0.responsible.0.organisationIds.0', code: 'invalid_format' }]);
    const twice = { ...step, responsible: [{ admin1Pcode: 'ML07', organisationIds: [ORG_A] }, { admin1Pcode: 'ML07', organisationIds: [ORG_B] }] };
    expect(refusals({ ...valid(), steps: [twice] })).toEqual([{ path: 'steps.0.responsible', code: 'duplicate_region' }]);
  });
});
