import { type FormDefinition, walk } from './definition.ts';
import { checkExpression } from './expressions.ts';

/**
 * Problems in a definition's expressions that the schema cannot see: references to names the
 * form does not have, and XPath the evaluator cannot parse. Paths point into the definition
 * (`children.3.relevant`), for a definition sent as JSON rather than as a spreadsheet.
 */
export interface DefinitionIssue {
  path: string;
  code: 'form_unknown_reference' | 'form_invalid_expression';
  params?: { reference: string };
}

export function definitionIssues(form: FormDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  for (const { node, path } of walk(form.children)) {
    const fields: [string, string | undefined][] = [['relevant', node.relevant]];
    if (node.kind === 'question') fields.push(['constraint', node.constraint], ['calculation', node.calculation], ['choiceFilter', node.choiceFilter]);
    if (node.kind === 'repeat') fields.push(['repeatCount', node.repeatCount]);
    for (const [field, expression] of fields) {
      if (!expression) continue;
      const problem = checkExpression(form, expression, node.name, field === 'choiceFilter' ? 'predicate' : 'plain');
      if (!problem) continue;
      const at = ['children', ...path, field].join('.');
      issues.push(problem.reference ? { path: at, code: 'form_unknown_reference', params: { reference: problem.reference } } : { path: at, code: 'form_invalid_expression' });
    }
  }
  return issues;
}
