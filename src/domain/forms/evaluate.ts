import { type AnswerIssueCode, type AnswerValue, type Answers, isEmptyAnswer, selectedChoices, serializeAnswer, typeIssue } from './answers.ts';
import { defaultValue } from './defaults.ts';
import type { FormDefinition, FormNode, LocalizedText, Question, Repeat } from './definition.ts';
import { type Evaluator, type NodePath, type PathIndex, ROOT, compile, createEvaluator, pathIndex } from './expressions.ts';
import { type TreeDocument, type TreeElement, appendElement, createDocument, numberNodes, setText } from './xpath-tree.ts';

/**
 * The one validation and skip-logic function: the web renderer calls it as the user types,
 * the server calls it on every submission, so both always agree.
 */
export type { AnswerIssueCode } from './answers.ts';
export interface AnswerIssue {
  /** Where in the answers: `age`, `members[1].age`. */
  path: string;
  code: AnswerIssueCode;
  /** The form author's message (constraint_message, required_message), when there is one. */
  message?: LocalizedText;
}
export interface FormEvaluation {
  /** Relevance of every group, repeat instance and question, by path. */
  relevant: Record<string, boolean>;
  /** Results of `calculate` questions, by path. */
  calculated: Record<string, string>;
  /** Choices left by a `choice_filter`, by path of the select question. */
  choices: Record<string, string[]>;
  /** Instances each repeat with a `repeat_count` must have, by path of the repeat (`members`). */
  repeatCounts: Record<string, number>;
  issues: AnswerIssue[];
}

/** A repeat as a whole: where its instances go, for `repeat_count` and the repeat's relevance. */
interface RepeatSite {
  node: Repeat;
  parent: TreeElement;
  path: string;
  given: number;
}

/** The most instances a repeat may have (the answers schema's own limit). */
const MAX_INSTANCES = 500;

interface Bound {
  node: FormNode;
  element: TreeElement;
  path: string;
  raw: AnswerValue | undefined;
}

function build(form: FormDefinition, answers: Answers, issues: AnswerIssue[]): { doc: TreeDocument; bound: Bound[]; items: Map<string, TreeElement[]>; repeats: RepeatSite[] } {
  const doc = createDocument();
  const root = appendElement(doc, ROOT);
  const bound: Bound[] = [];
  const repeats: RepeatSite[] = [];
  const scope = (nodes: readonly FormNode[], parent: TreeElement, given: Answers, prefix: string): void => {
    const known = new Set<string>();
    const visit = (list: readonly FormNode[], el: TreeElement): void => {
      for (const node of list) {
        const child = node.kind === 'repeat' ? null : appendElement(el, node.name);
        if (node.kind === 'question') {
          known.add(node.name);
          const raw = given[node.name] as AnswerValue | undefined;
          bound.push({ node, element: child!, path: prefix + node.name, raw });
        } else if (node.kind === 'group') {
          bound.push({ node, element: child!, path: prefix + node.name, raw: undefined });
          visit(node.children, child!);
        } else {
          known.add(node.name);
          const value = given[node.name];
          if (value !== undefined && value !== null && !Array.isArray(value)) issues.push({ path: prefix + node.name, code: 'invalid_value' });
          const instances = Array.isArray(value) ? (value as readonly Answers[]) : [];
          repeats.push({ node, parent: el, path: prefix + node.name, given: instances.length });
          instances.forEach((instance, i) => {
            const inst = appendElement(el, node.name);
            const path = `${prefix}${node.name}[${i}]`;
            bound.push({ node, element: inst, path, raw: undefined });
            scope(node.children, inst, typeof instance === 'object' && instance !== null ? instance : {}, `${path}.`);
          });
        }
      }
    };
    visit(nodes, parent);
    for (const key of Object.keys(given)) if (!known.has(key)) issues.push({ path: prefix + key, code: 'unknown_question' });
  };
  scope(form.children, root, answers, '');
  // Choice lists as a second tree, the way ODK exposes them to `choice_filter`.
  const lists = appendElement(doc, '_choices');
  const items = new Map<string, TreeElement[]>();
  for (const [listName, choices] of Object.entries(form.choices)) {
    const list = appendElement(lists, listName);
    items.set(
      listName,
      choices.map((c) => {
        const item = appendElement(list, 'item');
        setText(appendElement(item, 'name'), c.name);
        for (const [k, v] of Object.entries(c.properties ?? {})) setText(appendElement(item, k), v);
        return item;
      }),
    );
  }
  numberNodes(doc);
  return { doc, bound, items, repeats };
}

/** Relevance and calculations, in document order (what ODK recomputes on each change). */
function settle(bound: Bound[], ev: Evaluator, index: PathIndex, out: FormEvaluation): Map<TreeElement, boolean> {
  const relevantByElement = new Map<TreeElement, boolean>();
  for (const b of bound) {
    if (b.node.kind === 'question' && b.node.type !== 'calculate') setText(b.element, serializeAnswer(b.node, b.raw));
  }
  for (const b of bound) {
    const parentRelevant = relevantByElement.get(b.element.parent as TreeElement) ?? true;
    const context = index.get(b.node.name) ?? null;
    const relevant = parentRelevant && (!b.node.relevant || ev.boolean(compile(b.node.relevant, index, context), b.element));
    relevantByElement.set(b.element, relevant);
    out.relevant[b.path] = relevant;
    if (b.node.kind !== 'question') continue;
    // A question that does not apply holds no value, so expressions that read it see it empty.
    if (!relevant) setText(b.element, '');
    else if (b.node.type === 'calculate' && b.node.calculation) {
      const value = ev.string(compile(b.node.calculation, index, context), b.element);
      setText(b.element, value);
      out.calculated[b.path] = value;
    }
  }
  return relevantByElement;
}

/**
 * `repeat_count` as ODK reads it: evaluated where the instances live (the repeat's parent),
 * its number truncated, and only when the repeat applies at all.
 */
function checkRepeatCounts(repeats: RepeatSite[], relevantByElement: Map<TreeElement, boolean>, ev: Evaluator, index: PathIndex, out: FormEvaluation): void {
  for (const site of repeats) {
    const { node } = site;
    if (!node.repeatCount || relevantByElement.get(site.parent) === false) continue;
    const own = index.get(node.name);
    const context: NodePath | null = own ? { segments: own.segments.slice(0, -1), repeats: own.repeats.slice(0, -1) } : null;
    if (node.relevant && !ev.boolean(compile(node.relevant, index, context), site.parent)) continue;
    const n = Math.trunc(Number(ev.string(compile(node.repeatCount, index, context), site.parent)));
    const expected = Number.isFinite(n) ? Math.min(Math.max(n, 0), MAX_INSTANCES) : 0;
    out.repeatCounts[site.path] = expected;
    if (site.given !== expected) out.issues.push({ path: site.path, code: 'repeat_count' });
  }
}

/** A read-only question keeps the value the form gives it (its default), whatever is sent. */
function changesReadOnly(q: Question, raw: AnswerValue): boolean {
  if (!q.readOnly || q.calculation) return false;
  return serializeAnswer(q, raw) !== serializeAnswer(q, defaultValue(q));
}

/** As ODK does: the filter is a predicate on the list's items, `current()` being the question. */
function allowedChoices(form: FormDefinition, q: Question, element: TreeElement, items: Map<string, TreeElement[]>, ev: Evaluator, index: PathIndex): string[] {
  const list = q.listName ?? '';
  const choices = form.choices[list] ?? [];
  if (!q.choiceFilter) return choices.map((c) => c.name);
  const filter = compile(q.choiceFilter, index, index.get(q.name) ?? null, 'predicate');
  const kept = new Set(ev.nodes(`/_choices/${list}/item[${filter}]`, element));
  const elements = items.get(list) ?? [];
  return choices.filter((_, i) => kept.has(elements[i]!)).map((c) => c.name);
}

export function evaluateForm(form: FormDefinition, answers: Answers): FormEvaluation {
  const out: FormEvaluation = { relevant: {}, calculated: {}, choices: {}, repeatCounts: {}, issues: [] };
  const { doc, bound, items, repeats } = build(form, answers, out.issues);
  const ev = createEvaluator(doc);
  const index = pathIndex(form);
  // Twice, so that a relevance or calculation reading a later calculation sees its value.
  settle(bound, ev, index, { ...out, issues: [] });
  const relevantByElement = settle(bound, ev, index, out);
  checkRepeatCounts(repeats, relevantByElement, ev, index, out);
  for (const b of bound) {
    const q = b.node;
    if (q.kind !== 'question' || q.type === 'note' || q.type === 'calculate' || !out.relevant[b.path]) continue;
    if (SELECT.has(q.type)) out.choices[b.path] = allowedChoices(form, q, b.element, items, ev, index);
    if (isEmptyAnswer(b.raw)) {
      if (q.required) out.issues.push({ path: b.path, code: 'required', ...(q.requiredMessage ? { message: q.requiredMessage } : {}) });
      continue;
    }
    const raw = b.raw as AnswerValue;
    if (changesReadOnly(q, raw)) {
      out.issues.push({ path: b.path, code: 'read_only' });
      continue;
    }
    const shape = typeIssue(q, raw);
    if (shape) {
      out.issues.push({ path: b.path, code: shape });
      continue;
    }
    if (SELECT.has(q.type)) {
      const picked = selectedChoices(raw);
      const allowed = new Set(out.choices[b.path]);
      if ((q.type === 'select_one' && picked.length !== 1) || picked.some((c) => !allowed.has(c))) {
        out.issues.push({ path: b.path, code: 'invalid_choice' });
        continue;
      }
    }
    if (q.constraint && !ev.boolean(compile(q.constraint, index, index.get(q.name) ?? null), b.element)) {
      out.issues.push({ path: b.path, code: 'constraint', ...(q.constraintMessage ? { message: q.constraintMessage } : {}) });
    }
  }
  return out;
}

const SELECT = new Set(['select_one', 'select_multiple']);
