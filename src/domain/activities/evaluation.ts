/**
 * Figures of an activity's evaluation: knowledge tests taken before and after (per question,
 * mean totals, gain on the participants who took both, distribution) and satisfaction surveys
 * on 1–5 scales. Nothing is rounded here: the report and the screens round when they print, so
 * a sum of rounded shares never drifts from the data. A figure over nothing is null, never NaN.
 */

export type TestPhase = 'pre' | 'post';
export const TEST_PHASES: readonly TestPhase[] = ['pre', 'post'];

export interface TestAnswer {
  questionId: string;
  score: number;
  maxScore: number;
}

export interface KnowledgeTest {
  /** Normalised participant code, or null for a test handed in without one. */
  participantCode: string | null;
  phase: TestPhase;
  answers: readonly TestAnswer[];
}

export interface QuestionResult {
  questionId: string;
  n: number;
  meanScore: number;
  maxScore: number;
  /** Share (0–1) of answers given full marks. */
  shareCorrect: number;
}

export interface PhaseSummary {
  /** Tests of this phase with at least one answer. */
  n: number;
  /** Mean of each test's total as a percentage (0–100) of its maximum. */
  meanPercent: number | null;
  questions: QuestionResult[];
  /** Ten bins of total percentage: [0,10), [10,20) … [90,100], full marks in the last. */
  histogram: number[];
}

export interface KnowledgeGain {
  /** Participants with exactly one pre and one post test. */
  nPaired: number;
  /** Mean of (post total − pre total), in raw points. */
  meanPoints: number | null;
  /** Mean of (post % − pre %), in percentage points. */
  meanPercentagePoints: number | null;
  improved: number;
  same: number;
  worse: number;
}

export interface KnowledgeEvaluation {
  pre: PhaseSummary;
  post: PhaseSummary;
  gain: KnowledgeGain;
  /** Codes with several tests in one phase: counted in the means, left out of the pairing. */
  ambiguousCodes: string[];
}

export const HISTOGRAM_BINS = 10;
/** Percentages are ratios of sums of decimals: two equal results may differ in the last bit. */
const EPSILON = 1e-9;

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function checkAnswer(answer: TestAnswer): void {
  if (!(answer.maxScore > 0) || !(answer.score >= 0) || !(answer.score <= answer.maxScore)) {
    throw new RangeError(`Score ${answer.score} out of ${answer.maxScore} for question ${answer.questionId}`);
  }
}

interface Totals {
  score: number;
  max: number;
  percent: number;
}

function totals(test: KnowledgeTest): Totals {
  let score = 0;
  let max = 0;
  for (const answer of test.answers) {
    score += answer.score;
    max += answer.maxScore;
  }
  return { score, max, percent: (score / max) * 100 };
}

/** Bin from score·10 / max, not from the percentage: 8.1 / 9 · 100 gives 89.999… and would drop 90 % a bin. */
function histogramBin(t: Totals): number {
  return Math.min(HISTOGRAM_BINS - 1, Math.floor((t.score * HISTOGRAM_BINS) / t.max + EPSILON));
}

function summarisePhase(tests: readonly KnowledgeTest[]): PhaseSummary {
  const byQuestion = new Map<string, TestAnswer[]>();
  const histogram = new Array<number>(HISTOGRAM_BINS).fill(0);
  const percents: number[] = [];
  for (const test of tests) {
    for (const answer of test.answers) {
      const list = byQuestion.get(answer.questionId);
      if (list) list.push(answer);
      else byQuestion.set(answer.questionId, [answer]);
    }
    const t = totals(test);
    percents.push(t.percent);
    histogram[histogramBin(t)]! += 1;
  }
  const questions = [...byQuestion].map(([questionId, answers]): QuestionResult => ({
    questionId,
    n: answers.length,
    meanScore: mean(answers.map((a) => a.score))!,
    // Questions keep their marks between the pre and post papers; the largest guards a typo.
    maxScore: Math.max(...answers.map((a) => a.maxScore)),
    shareCorrect: answers.filter((a) => a.score >= a.maxScore).length / answers.length,
  }));
  return { n: tests.length, meanPercent: mean(percents), questions, histogram };
}

function pairedGain(tests: readonly KnowledgeTest[]): { gain: KnowledgeGain; ambiguousCodes: string[] } {
  const byCode = new Map<string, { pre: KnowledgeTest[]; post: KnowledgeTest[] }>();
  for (const test of tests) {
    if (test.participantCode === null) continue;
    let entry = byCode.get(test.participantCode);
    if (!entry) byCode.set(test.participantCode, (entry = { pre: [], post: [] }));
    entry[test.phase].push(test);
  }
  const points: number[] = [];
  const percentagePoints: number[] = [];
  const ambiguousCodes: string[] = [];
  let improved = 0;
  let same = 0;
  let worse = 0;
  for (const [code, { pre, post }] of byCode) {
    if (pre.length > 1 || post.length > 1) {
      ambiguousCodes.push(code);
      continue;
    }
    if (pre.length === 0 || post.length === 0) continue;
    const before = totals(pre[0]!);
    const after = totals(post[0]!);
    const difference = after.percent - before.percent;
    points.push(after.score - before.score);
    percentagePoints.push(difference);
    if (difference > EPSILON) improved++;
    else if (difference < -EPSILON) worse++;
    else same++;
  }
  return {
    gain: {
      nPaired: points.length,
      meanPoints: mean(points),
      meanPercentagePoints: mean(percentagePoints),
      improved,
      same,
      worse,
    },
    ambiguousCodes: ambiguousCodes.sort(),
  };
}

/**
 * Every test counts in its phase's figures, with or without a code; the gain uses only the
 * participants whose code appears on exactly one pre and one post test. A test without any
 * answer (a blank sheet) has no total and is left out. Scores outside 0–max throw: the forms
 * layer validates what people enter, so such a score is a bug, not data.
 */
export function evaluateKnowledgeTests(tests: readonly KnowledgeTest[]): KnowledgeEvaluation {
  for (const test of tests) test.answers.forEach(checkAnswer);
  const answered = tests.filter((t) => t.answers.length > 0);
  const { gain, ambiguousCodes } = pairedGain(answered);
  return {
    pre: summarisePhase(answered.filter((t) => t.phase === 'pre')),
    post: summarisePhase(answered.filter((t) => t.phase === 'post')),
    gain,
    ambiguousCodes,
  };
}

export const LIKERT_LEVELS = [1, 2, 3, 4, 5] as const;

export interface LikertAnswer {
  itemId: string;
  /** 1 (not at all satisfied) to 5 (very satisfied); null when left blank. */
  value: number | null;
}

export interface LikertItemResult {
  itemId: string;
  n: number;
  /** counts[0] is the number of 1s … counts[4] the number of 5s. */
  counts: number[];
  mean: number | null;
  /** Answers left blank, so that n + blank is the number of forms that showed the item. */
  blank: number;
}

/** One result per item, in the order items first appear. */
export function summariseLikert(answers: readonly LikertAnswer[]): LikertItemResult[] {
  const items = new Map<string, { counts: number[]; blank: number; sum: number }>();
  for (const { itemId, value } of answers) {
    let item = items.get(itemId);
    if (!item) items.set(itemId, (item = { counts: LIKERT_LEVELS.map(() => 0), blank: 0, sum: 0 }));
    if (value === null) {
      item.blank++;
      continue;
    }
    if (!Number.isInteger(value) || value < 1 || value > LIKERT_LEVELS.length) {
      throw new RangeError(`Likert answer ${value} for item ${itemId} is not 1–5`);
    }
    item.counts[value - 1]! += 1;
    item.sum += value;
  }
  return [...items].map(([itemId, { counts, blank, sum }]) => {
    const n = counts.reduce((a, b) => a + b, 0);
    return { itemId, n, counts, mean: n === 0 ? null : sum / n, blank };
  });
}
