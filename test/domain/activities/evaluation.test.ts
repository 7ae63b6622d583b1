import { describe, expect, it } from 'vitest';
import { evaluateKnowledgeTests, summariseLikert, type KnowledgeTest, type TestPhase } from '../../../src/domain/activities/evaluation.ts';

/** Three questions worth 1, 1 and 2 points: a paper marked out of 4. */
function paper(participantCode: string | null, phase: TestPhase, q1: number, q2: number, q3: number): KnowledgeTest {
  return {
    participantCode,
    phase,
    answers: [
      { questionId: 'q1', score: q1, maxScore: 1 },
      { questionId: 'q2', score: q2, maxScore: 1 },
      { questionId: 'q3', score: q3, maxScore: 2 },
    ],
  };
}

// Worked by hand:
//   pre  A 1/4 = 25 %, B 4/4 = 100 %, C 0/4 = 0 % (no post), anonymous 2/4 = 50 %, E 3/4 = 75 %
//   post A 4/4 = 100 %, B 2/4 = 50 % (worse), D 3/4 = 75 % (no pre), E 3/4 = 75 % (same)
const TESTS: KnowledgeTest[] = [
  paper('P-AAAA-A1', 'pre', 0, 0, 1),
  paper('P-BBBB-B1', 'pre', 1, 1, 2),
  paper('P-CCCC-C1', 'pre', 0, 0, 0),
  paper(null, 'pre', 1, 0, 1),
  paper('P-EEEE-E1', 'pre', 1, 0, 2),
  paper('P-AAAA-A1', 'post', 1, 1, 2),
  paper('P-BBBB-B1', 'post', 1, 0, 1),
  paper('P-DDDD-D1', 'post', 1, 1, 1),
  paper('P-EEEE-E1', 'post', 0, 1, 2),
];

describe('knowledge test evaluation', () => {
  const result = evaluateKnowledgeTests(TESTS);

  it('counts every pre test, paired or not, in the pre figures', () => {
    expect(result.pre.n).toBe(5);
    expect(result.pre.meanPercent).toBeCloseTo((25 + 100 + 0 + 50 + 75) / 5, 12);
    expect(result.pre.questions).toEqual([
      { questionId: 'q1', n: 5, meanScore: 3 / 5, maxScore: 1, shareCorrect: 3 / 5 },
      { questionId: 'q2', n: 5, meanScore: 1 / 5, maxScore: 1, shareCorrect: 1 / 5 },
      { questionId: 'q3', n: 5, meanScore: 6 / 5, maxScore: 2, shareCorrect: 2 / 5 },
    ]);
    expect(result.pre.histogram).toEqual([1, 0, 1, 0, 0, 1, 0, 1, 0, 1]);
  });

  it('counts every post test, paired or not, in the post figures', () => {
    expect(result.post.n).toBe(4);
    expect(result.post.meanPercent).toBeCloseTo((100 + 50 + 75 + 75) / 4, 12);
    expect(result.post.questions).toEqual([
      { questionId: 'q1', n: 4, meanScore: 3 / 4, maxScore: 1, shareCorrect: 3 / 4 },
      { questionId: 'q2', n: 4, meanScore: 3 / 4, maxScore: 1, shareCorrect: 3 / 4 },
      { questionId: 'q3', n: 4, meanScore: 6 / 4, maxScore: 2, shareCorrect: 2 / 4 },
    ]);
    expect(result.post.histogram).toEqual([0, 0, 0, 0, 0, 1, 0, 2, 0, 1]);
  });

  it('measures the gain on paired participants only (A +3, B −2, E 0)', () => {
    expect(result.gain.nPaired).toBe(3);
    expect(result.gain.meanPoints).toBeCloseTo(1 / 3, 12);
    expect(result.gain.meanPercentagePoints).toBeCloseTo((75 - 50 + 0) / 3, 12);
    expect(result.gain).toMatchObject({ improved: 1, same: 1, worse: 1 });
    expect(result.ambiguousCodes).toEqual([]);
  });

  it('keeps full precision: nothing is rounded', () => {
    expect(result.gain.meanPoints).toBe(1 / 3);
    expect(result.gain.meanPercentagePoints).toBe(25 / 3);
  });

  it('gives nulls and zeros, never NaN, for no tests or blank sheets', () => {
    for (const tests of [[], [{ participantCode: 'P-AAAA-A1', phase: 'pre', answers: [] }] as KnowledgeTest[]]) {
      const empty = evaluateKnowledgeTests(tests);
      for (const phase of [empty.pre, empty.post]) {
        expect(phase).toEqual({ n: 0, meanPercent: null, questions: [], histogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
      }
      expect(empty.gain).toEqual({ nPaired: 0, meanPoints: null, meanPercentagePoints: null, improved: 0, same: 0, worse: 0 });
    }
  });

  it('has a gain of null with tests but nobody paired', () => {
    const unpaired = evaluateKnowledgeTests([paper('P-AAAA-A1', 'pre', 1, 1, 1), paper('P-BBBB-B1', 'post', 1, 1, 1)]);
    expect(unpaired.pre.meanPercent).toBe(75);
    expect(unpaired.gain.nPaired).toBe(0);
    expect(unpaired.gain.meanPercentagePoints).toBeNull();
  });

  it('leaves a code used on two papers of one phase out of the pairing but in the means', () => {
    const twice = evaluateKnowledgeTests([...TESTS, paper('P-AAAA-A1', 'post', 0, 0, 0)]);
    expect(twice.ambiguousCodes).toEqual(['P-AAAA-A1']);
    expect(twice.gain).toMatchObject({ nPaired: 2, improved: 0, same: 1, worse: 1 });
    expect(twice.post.n).toBe(5);
  });

  it('puts each total in its ten-point bin, full marks in the last', () => {
    const bins = (score: number, maxScore: number) =>
      evaluateKnowledgeTests([{ participantCode: null, phase: 'pre', answers: [{ questionId: 'q', score, maxScore }] }]).pre.histogram.indexOf(1);
    expect(bins(0, 10)).toBe(0);
    expect(bins(0.99, 10)).toBe(0);
    expect(bins(1, 10)).toBe(1);
    expect(bins(2.9, 10)).toBe(2);
    expect(bins(3, 10)).toBe(3);
    expect(bins(0.7, 1)).toBe(7);
    expect(bins(29, 100)).toBe(2);
    expect(bins(8.1, 9)).toBe(9);
    expect(bins(9.99, 10)).toBe(9);
    expect(bins(10, 10)).toBe(9);
  });

  it('refuses scores outside 0 to the maximum', () => {
    for (const [score, maxScore] of [[-1, 2], [3, 2], [1, 0], [Number.NaN, 2]] as const) {
      expect(() => evaluateKnowledgeTests([{ participantCode: null, phase: 'pre', answers: [{ questionId: 'q', score, maxScore }] }])).toThrow(RangeError);
    }
  });
});

describe('satisfaction (Likert 1–5)', () => {
  it('counts each level and the mean per item, blanks apart', () => {
    const result = summariseLikert([
      { itemId: 'useful', value: 5 },
      { itemId: 'useful', value: 4 },
      { itemId: 'clear', value: 3 },
      { itemId: 'useful', value: 4 },
      { itemId: 'useful', value: null },
      { itemId: 'useful', value: 2 },
      { itemId: 'venue', value: null },
    ]);
    expect(result).toEqual([
      { itemId: 'useful', n: 4, counts: [0, 1, 0, 2, 1], mean: 15 / 4, blank: 1 },
      { itemId: 'clear', n: 1, counts: [0, 0, 1, 0, 0], mean: 3, blank: 0 },
      { itemId: 'venue', n: 0, counts: [0, 0, 0, 0, 0], mean: null, blank: 1 },
    ]);
  });

  it('gives nothing for no answers', () => {
    expect(summariseLikert([])).toEqual([]);
  });

  it('refuses values off the scale', () => {
    for (const value of [0, 6, 2.5, Number.NaN]) {
      expect(() => summariseLikert([{ itemId: 'useful', value }])).toThrow(RangeError);
    }
  });
});
