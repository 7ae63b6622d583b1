import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../domain/forms/answers.ts';
import type { FormNode, Repeat } from '../../../domain/forms/definition.ts';
import { addInstance, instanceScope, removeInstance, rootScope, setAnswer, withRepeatCounts } from './answer-scope.ts';

const members: Repeat = {
  kind: 'repeat',
  name: 'members',
  children: [
    { kind: 'question', name: 'age', type: 'integer' },
    { kind: 'question', name: 'country', type: 'text', default: 'ML' },
  ],
};
const nodes: FormNode[] = [{ kind: 'question', name: 'size', type: 'integer' }, { kind: 'group', name: 'g', children: [members] }];

/** A scope whose writes land in `state.answers`, as the page's draft does. */
function harness(start: Answers) {
  const state = { answers: start };
  const scope = () => rootScope(state.answers, (next) => (state.answers = next));
  return { state, scope };
}

describe('answer scopes', () => {
  it('writes a repeat instance in place, starting new instances with their defaults', () => {
    const { state, scope } = harness({ size: '2' });
    addInstance(scope(), members);
    addInstance(scope(), members);
    setAnswer(instanceScope(scope(), members, 1), 'age', '40');
    expect(state.answers).toEqual({ size: '2', members: [{ country: 'ML' }, { country: 'ML', age: '40' }] });
    removeInstance(scope(), members, 0);
    expect(state.answers).toEqual({ size: '2', members: [{ country: 'ML', age: '40' }] });
    removeInstance(scope(), members, 0);
    expect(state.answers).toEqual({ size: '2' });
  });

  it('drops an emptied answer rather than keeping an empty string', () => {
    const { state, scope } = harness({ size: '2' });
    setAnswer(scope(), 'size', '');
    expect(state.answers).toEqual({});
  });

  it('follows repeat_count up and down, keeping what was typed in the instances that stay', () => {
    const typed: Answers = { size: '3', members: [{ age: '30' }] };
    const grown = withRepeatCounts(nodes, typed, { members: 3 });
    expect(grown).toEqual({ size: '3', members: [{ age: '30' }, { country: 'ML' }, { country: 'ML' }] });
    expect(withRepeatCounts(nodes, grown, { members: 1 })).toEqual({ size: '3', members: [{ age: '30' }] });
    expect(withRepeatCounts(nodes, grown, { members: 0 })).toEqual({ size: '3' });
  });

  it('returns the same answers when the count already matches, so nothing is saved for nothing', () => {
    const typed: Answers = { members: [{ age: '30' }] };
    expect(withRepeatCounts(nodes, typed, { members: 1 })).toBe(typed);
    expect(withRepeatCounts(nodes, typed, {})).toBe(typed);
  });
});
