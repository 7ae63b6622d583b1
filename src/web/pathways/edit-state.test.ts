import { describe, expect, it } from 'vitest';
import { move, stepNumberOf, toEditSteps, toSaveInput } from './edit-state.ts';

describe('pathway editor state', () => {
  it('moves an item up or down and ignores moves past either end', () => {
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
  });

  it('sends back exactly the pathway it was given, without its editing keys', () => {
    const pathway = {
      targetGroup: 'returnee',
      steps: [{ serviceType: 'food', timing: 'immediate' as const, responsible: [{ admin1Pcode: 'ML01', organisationIds: ['00000000-0000-4000-8000-000000000001'] }] }],
      version: 3,
      isDefault: false,
      updatedAt: '2026-11-20T10:00:00.000Z',
    };
    const steps = toEditSteps(pathway);
    expect(new Set([steps[0]!.key, steps[0]!.responsible[0]!.key]).size).toBe(2);
    expect(toSaveInput('returnee', steps, 3)).toEqual({ targetGroup: 'returnee', steps: pathway.steps, expectedVersion: 3 });
  });

  it('reads the step number a server error is about', () => {
    expect(stepNumberOf('input.steps.2.serviceType')).toBe(3);
    expect(stepNumberOf('input.steps.0.responsible.1.organisationIds.0')).toBe(1);
    expect(stepNumberOf('input.steps')).toBeUndefined();
    expect(stepNumberOf('input.targetGroup')).toBeUndefined();
  });
});
