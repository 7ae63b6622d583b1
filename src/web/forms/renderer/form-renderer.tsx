import type { FormNode, Group, Repeat } from '../../../domain/forms/definition.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { type AnswerScope, MAX_INSTANCES, addInstance, instanceScope, instancesOf, removeInstance } from './answer-scope.ts';
import { fieldId, formText, issueMessage } from './form-text.ts';
import { QuestionView } from './question-view.tsx';
import type { RenderContext } from './render-context.ts';

interface NodesProps {
  nodes: readonly FormNode[];
  scope: AnswerScope;
  ctx: RenderContext;
}

/**
 * The one renderer of every form: what to show, what is required or wrong, which choices
 * remain and what calculations give all come from `evaluateForm` (ctx.evaluation); this
 * code only draws it and writes answers back.
 */
export function FormNodes({ nodes, scope, ctx }: NodesProps) {
  return (
    <>
      {nodes.map((node) =>
        node.kind === 'question' ? (
          <QuestionView key={node.name} question={node} scope={scope} ctx={ctx} />
        ) : node.kind === 'group' ? (
          <GroupView key={node.name} group={node} scope={scope} ctx={ctx} />
        ) : (
          <RepeatView key={node.name} repeat={node} scope={scope} ctx={ctx} />
        ),
      )}
    </>
  );
}

function GroupView({ group, scope, ctx }: { group: Group; scope: AnswerScope; ctx: RenderContext }) {
  const path = scope.prefix + group.name;
  if (ctx.evaluation.relevant[path] === false) return null;
  const label = formText(ctx.form, group.label, ctx.language);
  if (!label) return <FormNodes nodes={group.children} scope={scope} ctx={ctx} />;
  return (
    <fieldset class="form-group" data-path={path}>
      <legend>{label}</legend>
      <FormNodes nodes={group.children} scope={scope} ctx={ctx} />
    </fieldset>
  );
}

function RepeatView({ repeat, scope, ctx }: { repeat: Repeat; scope: AnswerScope; ctx: RenderContext }) {
  const { t } = useI18n();
  const path = scope.prefix + repeat.name;
  const instances = instancesOf(scope, repeat);
  const counts = (ctx.evaluation as { repeatCounts?: Record<string, number> }).repeatCounts;
  // With a repeat_count the form decides how many there are (e.g. one per household member).
  const fixed = repeat.repeatCount !== undefined && counts !== undefined;
  const label = formText(ctx.form, repeat.label, ctx.language) ?? repeat.name;
  const issue = ctx.issues.get(path);
  const error = issue && ctx.shown(path) ? issueMessage(ctx.form, issue, ctx.language, t) : undefined;
  return (
    <section class="form-repeat" data-path={path} aria-labelledby={`${fieldId(path)}-title`}>
      <h2 id={`${fieldId(path)}-title`} class="form-repeat-title">
        {label}
      </h2>
      {instances.length === 0 && <p class="field-hint">{t('formFill.repeat.none')}</p>}
      {instances.map((_, i) => {
        const inner = instanceScope(scope, repeat, i);
        const at = `${path}[${i}]`;
        if (ctx.evaluation.relevant[at] === false) return null;
        const name = t('formFill.repeat.instance', { label, number: i + 1 });
        return (
          <fieldset key={i} class="form-group form-instance" data-path={at}>
            <legend>{name}</legend>
            <FormNodes nodes={repeat.children} scope={inner} ctx={ctx} />
            {!fixed && (
              <button type="button" class="button button-secondary" onClick={() => removeInstance(scope, repeat, i)}>
                {t('formFill.repeat.remove', { name })}
              </button>
            )}
          </fieldset>
        );
      })}
      {error && (
        <p class="field-error" data-issue={issue?.code}>
          {error}
        </p>
      )}
      {!fixed && instances.length < MAX_INSTANCES && (
        <button type="button" class="button button-secondary" onClick={() => addInstance(scope, repeat)}>
          {t('formFill.repeat.add', { label })}
        </button>
      )}
    </section>
  );
}
