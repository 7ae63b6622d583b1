import './runtime-env.ts';
import { XFormsXPathEvaluator } from '@getodk/xpath';
import { type FormDefinition, type FormNode, walk } from './definition.ts';
import { type TreeDocument, type TreeElement, type TreeNode, appendElement, createDocument, numberNodes, treeAdapter } from './xpath-tree.ts';

/**
 * XLSForm expressions are XPath 1.0 with ODK functions and `${name}` references. We rewrite
 * the references into paths of the submission's XML instance, as pyxform does, and let ODK's
 * own evaluator (the one ODK Web Forms runs) decide, so a form behaves here as its author
 * saw it behave in ODK Collect or KoboToolbox.
 */

export const ROOT = 'data';
const REFERENCE = /\$\{([^}]*)\}/g;

/** Where each named node sits in the instance: element names from the root, and which are repeats. */
export interface NodePath {
  segments: string[];
  repeats: boolean[];
}
export type PathIndex = Map<string, NodePath>;

export function pathIndex(form: Pick<FormDefinition, 'children'>): PathIndex {
  const index: PathIndex = new Map();
  for (const { node, ancestors } of walk(form.children)) {
    const chain: FormNode[] = [...ancestors, node];
    index.set(node.name, { segments: [ROOT, ...chain.map((n) => n.name)], repeats: [false, ...chain.map((n) => n.kind === 'repeat')] });
  }
  return index;
}

export class UnknownReferenceError extends Error {
  constructor(readonly reference: string) {
    super(`unknown reference \${${reference}}`);
    this.name = 'UnknownReferenceError';
  }
}

/** The names an expression refers to with `${name}`. */
export function references(expression: string): string[] {
  return [...expression.matchAll(REFERENCE)].map((m) => m[1]!);
}

/**
 * Rewrites `${name}` into a path. Inside the same repeat instance as the context the path is
 * relative (`../age`), so a reference means "this member's age"; elsewhere it is absolute,
 * so `sum(${age})` outside the repeat adds every member's age. This is pyxform's rule.
 */
export function compile(expression: string, index: PathIndex, context: NodePath | null, mode: 'plain' | 'predicate' = 'plain'): string {
  return expression.replace(REFERENCE, (_, name: string) => {
    const target = index.get(name);
    if (!target) throw new UnknownReferenceError(name);
    if (context) {
      let common = 0;
      while (common < target.segments.length && common < context.segments.length && target.segments[common] === context.segments[common]) common++;
      const sharesRepeat = target.repeats.slice(0, common).some(Boolean);
      if (sharesRepeat) {
        const ups = context.segments.length - common;
        const down = target.segments.slice(common);
        const parts = [...Array<string>(ups).fill('..'), ...down];
        // Inside a choice_filter predicate the context is the choice item; `current()` is the question.
        if (mode === 'predicate') return ['current()', ...parts].join('/');
        return parts.length === 0 ? '.' : parts.join('/');
      }
    }
    return `/${target.segments.join('/')}`;
  });
}

export interface Evaluator {
  boolean(expression: string, context: TreeNode): boolean;
  string(expression: string, context: TreeNode): string;
  nodes(expression: string, context: TreeNode): TreeNode[];
}

export function createEvaluator(doc: TreeDocument): Evaluator {
  const evaluator = new XFormsXPathEvaluator<TreeNode>({
    domAdapter: treeAdapter,
    rootNode: doc,
    itextTranslationsByLanguage: new Map(),
    secondaryInstancesById: new Map(),
  });
  return {
    boolean: (expression, context) => evaluator.evaluateBoolean(expression, { contextNode: context }),
    string: (expression, context) => evaluator.evaluateString(expression, { contextNode: context }),
    nodes: (expression, context) => evaluator.evaluateNodes<TreeNode>(expression, { contextNode: context }),
  };
}

/**
 * Checks an expression when a form is imported: every reference exists and the evaluator can
 * parse and run it on an empty submission. Returns the problem, or null.
 */
export function checkExpression(
  form: Pick<FormDefinition, 'children'>,
  expression: string,
  contextName: string | null,
  mode: 'plain' | 'predicate' = 'plain',
): { code: 'unknown_reference' | 'invalid_expression'; reference?: string } | null {
  const index = pathIndex(form);
  let compiled: string;
  try {
    compiled = compile(expression, index, contextName ? (index.get(contextName) ?? null) : null, mode);
    if (mode === 'predicate') compiled = `count(/*[${compiled}])`;
  } catch (err) {
    if (err instanceof UnknownReferenceError) return { code: 'unknown_reference', reference: err.reference };
    throw err;
  }
  const doc = createDocument();
  const root = appendElement(doc, ROOT);
  let context: TreeElement = root;
  for (const { node, ancestors } of walk(form.children)) {
    if (ancestors.length > 0) continue;
    const el = appendElement(root, node.name);
    if (node.name === contextName) context = el;
  }
  numberNodes(doc);
  try {
    createEvaluator(doc).string(compiled, context);
    return null;
  } catch {
    return { code: 'invalid_expression' };
  }
}
