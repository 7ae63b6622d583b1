import type { AnswerValue, Answers } from '../../../domain/forms/answers.ts';
import { defaultAnswers } from '../../../domain/forms/defaults.ts';
import type { FormNode, Repeat } from '../../../domain/forms/definition.ts';

/**
 * Where a part of the form reads and writes its answers. Answers are flat across groups and
 * nested only by repeats (one object per instance), so a scope is the answers object of the
 * form or of one repeat instance, with the path prefix `evaluateForm` uses for it
 * (`members[1].`).
 */
export interface AnswerScope {
  prefix: string;
  answers: Answers;
  update(change: (answers: Answers) => Answers): void;
}

export function rootScope(answers: Answers, onChange: (next: Answers) => void): AnswerScope {
  return { prefix: '', answers, update: (change) => onChange(change(answers)) };
}

export function instancesOf(scope: AnswerScope, repeat: Repeat): readonly Answers[] {
  const value = scope.answers[repeat.name];
  return Array.isArray(value) ? (value as readonly Answers[]) : [];
}

export function instanceScope(scope: AnswerScope, repeat: Repeat, index: number): AnswerScope {
  const instances = instancesOf(scope, repeat);
  return {
    prefix: `${scope.prefix}${repeat.name}[${index}].`,
    answers: instances[index] ?? {},
    update: (change) =>
      scope.update((answers) => {
        const list = [...(Array.isArray(answers[repeat.name]) ? (answers[repeat.name] as readonly Answers[]) : [])];
        list[index] = change(list[index] ?? {});
        return { ...answers, [repeat.name]: list };
      }),
  };
}

export function setAnswer(scope: AnswerScope, name: string, value: AnswerValue): void {
  scope.update((answers) => {
    const next: Record<string, Answers[string]> = { ...answers };
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) delete next[name];
    else next[name] = value;
    return next;
  });
}

/** A new instance starts with the defaults of the repeat's questions, as in ODK. */
export function addInstance(scope: AnswerScope, repeat: Repeat): void {
  scope.update((answers) => ({ ...answers, [repeat.name]: [...instancesOfAnswers(answers, repeat), defaultAnswers(repeat.children)] }));
}

export function removeInstance(scope: AnswerScope, repeat: Repeat, index: number): void {
  scope.update((answers) => {
    const list = instancesOfAnswers(answers, repeat).filter((_, i) => i !== index);
    const next: Record<string, Answers[string]> = { ...answers, [repeat.name]: list };
    if (list.length === 0) delete next[repeat.name];
    return next;
  });
}

function instancesOfAnswers(answers: Answers, repeat: Repeat): Answers[] {
  const value = answers[repeat.name];
  return Array.isArray(value) ? [...(value as readonly Answers[])] : [];
}

/** Enough for any household or list a caseworker fills on a phone, and below the API's 500. */
export const MAX_INSTANCES = 200;

/**
 * Gives each repeat with a `repeat_count` the number of instances the form asks for (ODK adds
 * and removes them by itself). Returns the same object when nothing changes, so the caller can
 * tell whether to save.
 */
export function withRepeatCounts(nodes: readonly FormNode[], answers: Answers, counts: Readonly<Record<string, number>>, prefix = ''): Answers {
  let changed = false;
  const next: Record<string, Answers[string]> = { ...answers };
  const visit = (list: readonly FormNode[]): void => {
    for (const node of list) {
      if (node.kind === 'group') visit(node.children);
      if (node.kind !== 'repeat') continue;
      let instances = instancesOfAnswers(answers, node);
      const wanted = counts[prefix + node.name];
      if (wanted !== undefined && Number.isInteger(wanted) && wanted >= 0) {
        const target = Math.min(wanted, MAX_INSTANCES);
        if (target !== instances.length) {
          instances = target < instances.length ? instances.slice(0, target) : [...instances, ...Array.from({ length: target - instances.length }, () => defaultAnswers(node.children))];
          changed = true;
        }
      }
      const inner = instances.map((instance, i) => withRepeatCounts(node.children, instance, counts, `${prefix}${node.name}[${i}].`));
      if (inner.some((v, i) => v !== instances[i])) changed = true;
      if (changed) {
        if (inner.length === 0) delete next[node.name];
        else next[node.name] = inner;
      }
    }
  };
  visit(nodes);
  return changed ? next : answers;
}
