import type { StepTiming } from '../../domain/referrals/pathways.ts';
import type { PathwayItem } from './pathways-api.ts';

/**
 * The editor's working copy of a pathway. Steps and regions carry a key of their own so that
 * moving a step keeps its fields (and the focus) with it; the key never leaves the browser.
 */
export interface EditRegion {
  key: string;
  admin1Pcode: string;
  organisationIds: string[];
}

export interface EditStep {
  key: string;
  serviceType: string;
  timing: StepTiming;
  responsible: EditRegion[];
}

let counter = 0;
export const newKey = () => `k${++counter}`;

export function toEditSteps(pathway: PathwayItem): EditStep[] {
  return pathway.steps.map((s) => ({
    key: newKey(),
    serviceType: s.serviceType,
    timing: s.timing,
    responsible: s.responsible.map((r) => ({ key: newKey(), admin1Pcode: r.admin1Pcode, organisationIds: [...r.organisationIds] })),
  }));
}

/** The `pathway.save` input: the working copy without its keys. */
export function toSaveInput(targetGroup: string, steps: readonly EditStep[], expectedVersion: number) {
  return {
    targetGroup,
    steps: steps.map((s) => ({ serviceType: s.serviceType, timing: s.timing, responsible: s.responsible.map((r) => ({ admin1Pcode: r.admin1Pcode, organisationIds: r.organisationIds })) })),
    expectedVersion,
  };
}

/** A copy with the item at `from` moved to `to`; out-of-range moves change nothing. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** The step number a server error detail is about (`input.steps.2.serviceType` → 3), if any. */
export function stepNumberOf(path: string): number | undefined {
  const match = /^input\.steps\.(\d+)(\.|$)/.exec(path);
  return match ? Number(match[1]) + 1 : undefined;
}
