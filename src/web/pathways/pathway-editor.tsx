import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_STEPS } from '../../domain/referrals/pathways.ts';
import { command } from '../admin/admin-api.ts';
import { ApiFailure, apiGet } from '../api/client.ts';
import { detailMessage, problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useSession } from '../identity/session-store.tsx';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';
import type { Vocabulary } from '../directory/labels.ts';
import { type EditStep, move, newKey, stepNumberOf, toEditSteps, toSaveInput } from './edit-state.ts';
import { PathwayStepFields } from './pathway-step.tsx';
import { type OrganisationRef, type PathwayItem, pathwayKeys } from './pathways-api.ts';

interface Props {
  pathway: PathwayItem;
  /** Organisations the pathway already names (they stay nameable even if the list below fails). */
  known: readonly OrganisationRef[];
  vocabulary: Vocabulary;
  onDone(message: string): void;
}

/**
 * The coordinator's editor. Steps move with buttons, not by dragging: that works with a
 * keyboard, a screen reader and a thumb on a small phone alike. The save names the version
 * the editor started from, so a save over another coordinator's newer one is refused.
 */
export function PathwayEditor({ pathway, known, vocabulary, onDone }: Props) {
  const { locale, t } = useI18n();
  const { state } = useSession();
  const queries = useQueryClient();
  const [steps, setSteps] = useState<EditStep[]>(() => toEditSteps(pathway));
  // The version this copy started from, kept even when the list refreshes underneath: saving
  // over a newer version must be refused, not done silently.
  const [baseVersion] = useState(pathway.version);
  const pendingFocus = useRef('');
  const [moved, setMoved] = useState('');
  const [confirmingReset, setConfirmingReset] = useState(false);
  const listed = useQuery({ queryKey: ['pathways', 'organisations'], queryFn: () => apiGet<{ items: OrganisationRef[] }>('/api/organisations', locale) });
  const byId = new Map([...known, ...(listed.data?.items ?? [])].map((o) => [o.id, o]));
  const organisations = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
  const csrfToken = state.status === 'signedIn' ? state.user.csrfToken : '';

  // After a move the pressed button has gone elsewhere: focus follows the step.
  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = '';
  });
  const focusNext = (id: string) => {
    pendingFocus.current = id;
  };

  const save = useMutation({
    mutationFn: () => command('pathway.save', toSaveInput(pathway.targetGroup, steps, baseVersion), locale, csrfToken),
    onMutate: (): void => restore.reset(),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: pathwayKeys.list });
      onDone(t('pathways.editor.saved'));
    },
    // Someone saved meanwhile: fetch their version, for when this editor is closed and opened again.
    onError: (error) => {
      if (error instanceof ApiFailure && error.problem.kind === 'error' && error.problem.error.code === 'CONFLICT') void queries.invalidateQueries({ queryKey: pathwayKeys.list });
    },
  });
  const restore = useMutation({
    mutationFn: () => command('pathway.reset', { targetGroup: pathway.targetGroup }, locale, csrfToken),
    onMutate: (): void => save.reset(),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: pathwayKeys.list });
      onDone(t('pathways.editor.restored'));
    },
  });
  const failure = [save.error, restore.error].find((e) => e instanceof ApiFailure)?.problem;
  const details = failure?.kind === 'error' ? (failure.error.details ?? []) : [];

  const update = (index: number, next: EditStep) => setSteps(steps.map((s, i) => (i === index ? next : s)));
  const shift = (index: number, by: -1 | 1) => {
    const to = index + by;
    const step = steps[index]!;
    setSteps(move(steps, index, to));
    // At either end the button just used is disabled: the other one takes the focus.
    const button = by < 0 ? (to === 0 ? 'down' : 'up') : to === steps.length - 1 ? 'up' : 'down';
    focusNext(`step-${step.key}-${button}`);
    setMoved(t('pathways.editor.moved', { number: to + 1 }));
  };
  const remove = (index: number) => {
    const next = steps.filter((_, i) => i !== index);
    setSteps(next);
    focusNext(next.length ? `step-${next[Math.min(index, next.length - 1)]!.key}-service` : 'pathway-add-step');
    setMoved('');
  };
  const add = () => {
    const used = new Set(steps.map((s) => s.serviceType));
    const serviceType = vocabulary.serviceTypes.find((c) => !used.has(c.code))?.code ?? vocabulary.serviceTypes[0]?.code ?? '';
    const step: EditStep = { key: newKey(), serviceType, timing: 'later', responsible: [] };
    setSteps([...steps, step]);
    focusNext(`step-${step.key}-service`);
    setMoved('');
  };

  return (
    <form
      class="card pathway-editor pathway-no-print"
      noValidate
      aria-labelledby="pathway-editor-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="pathway-editor-title">{t('pathways.editor.title')}</h2>
      <p class="hint">{t('pathways.editor.hint', { max: MAX_STEPS })}</p>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && <p>{failure.kind === 'error' && failure.error.code === 'CONFLICT' ? t('pathways.editor.conflict') : problemMessage(failure, locale)}</p>}
        {failure?.kind === 'error' && details.length > 0 && (
          <ul>
            {details.map((d) => {
              const number = stepNumberOf(d.path);
              const message = detailMessage(d, failure.locale, locale);
              return <li key={d.path + d.code}>{number ? t('pathways.editor.stepProblem', { number, message }) : message}</li>;
            })}
          </ul>
        )}
      </div>
      <ol class="pathway-steps">
        {steps.map((step, index) => (
          <PathwayStepFields
            key={step.key}
            step={step}
            index={index}
            count={steps.length}
            vocabulary={vocabulary}
            organisations={organisations}
            onChange={(next) => update(index, next)}
            onMove={(by) => shift(index, by)}
            onRemove={() => remove(index)}
          />
        ))}
      </ol>
      <p class="pathway-moved" role="status">
        {moved}
      </p>
      <button id="pathway-add-step" type="button" class="button button-secondary" disabled={steps.length >= MAX_STEPS} onClick={add}>
        {t('pathways.editor.add')}
      </button>
      <button type="submit" class="button button-primary button-after" disabled={save.isPending || steps.length === 0} aria-busy={save.isPending}>
        {t('pathways.editor.save')}
      </button>
      <button type="button" class="button button-secondary button-after" onClick={() => onDone('')}>
        {t('pathways.editor.cancel')}
      </button>
      {!pathway.isDefault &&
        (confirmingReset ? (
          <ConfirmInPlace
            question={t('pathways.editor.resetQuestion')}
            yes={t('pathways.editor.resetYes')}
            no={t('pathways.editor.resetNo')}
            pending={restore.isPending}
            onConfirm={() => restore.mutate()}
            onCancel={() => setConfirmingReset(false)}
          />
        ) : (
          <button type="button" class="button button-secondary button-after" onClick={() => setConfirmingReset(true)}>
            {t('pathways.editor.reset')}
          </button>
        ))}
    </form>
  );
}
