import { type XPathDOMAdapter, XPathNodeKindKey } from '@getodk/xpath';

/**
 * A minimal XML tree of a submission, and the adapter that lets ODK's evaluator walk it.
 * The evaluator works on any tree through this adapter, so neither the server nor the
 * browser needs a DOM implementation to evaluate a form's expressions.
 */
export interface TreeDocument {
  readonly [XPathNodeKindKey]: 'document';
  children: TreeElement[];
  order: number;
}
export interface TreeElement {
  readonly [XPathNodeKindKey]: 'element';
  name: string;
  parent: TreeElement | TreeDocument;
  children: (TreeElement | TreeText)[];
  order: number;
}
export interface TreeText {
  readonly [XPathNodeKindKey]: 'text';
  parent: TreeElement;
  value: string;
  order: number;
}
export type TreeNode = TreeDocument | TreeElement | TreeText;

export function createDocument(): TreeDocument {
  return { [XPathNodeKindKey]: 'document', children: [], order: 0 };
}

export function appendElement(parent: TreeElement | TreeDocument, name: string): TreeElement {
  const el: TreeElement = { [XPathNodeKindKey]: 'element', name, parent, children: [], order: 0 };
  (parent.children as TreeElement[]).push(el);
  return el;
}

/** Sets the element's text (a leaf of the instance), replacing what it held. */
export function setText(el: TreeElement, value: string): void {
  el.children = value === '' ? [] : [{ [XPathNodeKindKey]: 'text', parent: el, value, order: 0 }];
}

export function textOf(node: TreeNode): string {
  if (node[XPathNodeKindKey] === 'text') return node.value;
  return node.children.map((c) => textOf(c)).join('');
}

/** Numbers nodes in document order; call after the tree is built (order comparisons use it). */
export function numberNodes(doc: TreeDocument): void {
  let n = 0;
  const visit = (node: TreeNode): void => {
    node.order = n++;
    if (node[XPathNodeKindKey] !== 'text') for (const c of node.children) visit(c);
  };
  visit(doc);
}

const kindOf = (node: TreeNode) => node[XPathNodeKindKey];
const isElement = (node: TreeNode): node is TreeElement => kindOf(node) === 'element';
const childrenOf = (node: TreeNode): (TreeElement | TreeText)[] => (kindOf(node) === 'text' ? [] : (node as TreeDocument | TreeElement).children);
const parentOf = (node: TreeNode): TreeElement | TreeDocument | null => (kindOf(node) === 'document' ? null : (node as TreeElement | TreeText).parent);

function sibling(node: TreeNode, step: 1 | -1, elementsOnly: boolean): TreeElement | TreeText | null {
  const parent = parentOf(node);
  if (!parent) return null;
  const list = parent.children as (TreeElement | TreeText)[];
  for (let i = list.indexOf(node as TreeElement) + step; i >= 0 && i < list.length; i += step) {
    const candidate = list[i]!;
    if (!elementsOnly || isElement(candidate)) return candidate;
  }
  return null;
}

export const treeAdapter: XPathDOMAdapter<TreeNode> = {
  isXPathNode: (value: unknown): value is TreeNode => typeof value === 'object' && value !== null && XPathNodeKindKey in value,
  getNodeKind: (node) => kindOf(node),
  getNamespaceURI: () => null,
  getQualifiedName: (node) => (node as TreeElement).name,
  getLocalName: (node) => (node as TreeElement).name,
  getProcessingInstructionName: () => '',
  resolveNamespaceURI: () => null,
  getNodeValue: (node) => textOf(node),
  getContainingDocument: (node) => {
    let current: TreeNode = node;
    for (let p = parentOf(current); p; p = parentOf(current)) current = p;
    return current as TreeDocument;
  },
  getNamespaceDeclarations: () => [],
  getAttributes: () => [],
  getParentNode: (node) => parentOf(node),
  getChildNodes: (node) => childrenOf(node),
  getChildElements: (node) => childrenOf(node).filter(isElement),
  getPreviousSiblingNode: (node) => sibling(node, -1, false),
  getPreviousSiblingElement: (node) => sibling(node, -1, true) as TreeElement | null,
  getNextSiblingNode: (node) => sibling(node, 1, false),
  getNextSiblingElement: (node) => sibling(node, 1, true) as TreeElement | null,
  compareDocumentOrder: (a, b) => (a.order === b.order ? 0 : a.order < b.order ? -1 : 1),
  isDescendantNode: (ancestor, node) => {
    for (let p = parentOf(node); p; p = parentOf(p)) if (p === ancestor) return true;
    return false;
  },
};
