import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a person reads comes from the catalogues (src/domain/i18n), through translate().
 * This test parses every TSX file of the web app with the TypeScript compiler and fails on
 * text written into the markup: JSX text, string literals placed as children, and string
 * values of the attributes people read or hear (aria-label, title, placeholder, alt…).
 * Strings given to a function (t('key'), translate(code, key)) are keys, not text.
 */
const WEB_ROOT = path.resolve(import.meta.dirname, '..');

/** Attributes whose value is read or heard by a person. */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'value']);

/** A letter in any script: punctuation, digits and separators (" · ", "/") are not words. */
const HAS_LETTER = /\p{L}/u;

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Literal strings reachable from a JSX child or attribute without passing through a call. */
function literalsIn(node: ts.Node, out: ts.Node[]): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    out.push(node);
    return;
  }
  if (ts.isTemplateExpression(node)) {
    if (HAS_LETTER.test(node.head.text) || node.templateSpans.some((s) => HAS_LETTER.test(s.literal.text))) out.push(node);
    return;
  }
  // t('key'), formatDate(...), translate(...): their arguments are keys and values, not text.
  if (ts.isCallExpression(node) || ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return;
  // Comparisons and lookups (state.kind === 'available', STATUSES['done']) are code.
  if (ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken && node.operatorToken.kind !== ts.SyntaxKind.BarBarToken && node.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) return;
  if (ts.isConditionalExpression(node)) {
    literalsIn(node.whenTrue, out);
    literalsIn(node.whenFalse, out);
    return;
  }
  if (ts.isElementAccessExpression(node) || ts.isPropertyAccessExpression(node)) return;
  ts.forEachChild(node, (child) => literalsIn(child, out));
}

export function findHardCodedText(fileName: string, source: string): Finding[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    findings.push({ file: fileName, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const literals: ts.Node[] = [];
      literalsIn(node.expression, literals);
      for (const literal of literals) if (HAS_LETTER.test(literal.getText(sf))) report(literal, literal.getText(sf));
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init) && HAS_LETTER.test(init.text)) report(init, init.text);
      if (ts.isJsxExpression(init) && init.expression) {
        const literals: ts.Node[] = [];
        literalsIn(init.expression, literals);
        for (const literal of literals) if (HAS_LETTER.test(literal.getText(sf))) report(literal, literal.getText(sf));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function tsxFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tsx'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('no hard-coded user-facing text in src/web', () => {
  it('finds text in JSX, in child expressions and in read attributes (the checker works)', () => {
    const sample = `
      export const A = () => <p title="Ouvrir" aria-label={'Fermer'}>Bonjour {cond ? 'Oui' : t('no')} {' · '} {t('a.b')} {x === 'kind' && <b>{name}</b>}</p>;
      export const B = () => <img alt={\`Photo de \${name}\`} class="big" data-x="Ignored" />;
    `;
    expect(findHardCodedText('sample.tsx', sample).map((f) => f.text)).toEqual(['Ouvrir', "'Fermer'", 'Bonjour', "'Oui'", '`Photo de ${name}`']);
  });

  it('every TSX file takes its text from the catalogues', () => {
    const files = tsxFiles(WEB_ROOT);
    expect(files.length).toBeGreaterThan(10);
    const findings = files.flatMap((file) => findHardCodedText(path.relative(WEB_ROOT, file), fs.readFileSync(file, 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });
});
