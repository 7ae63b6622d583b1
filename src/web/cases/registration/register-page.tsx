import '../messages.ts';
import '../cases.css';
import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useLocation } from 'preact-iso/router';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../../domain/i18n/translate.ts';
import { ApiFailure, type ApiProblem } from '../../api/client.ts';
import { detailMessage, problemMessage } from '../../api/errors.ts';
import { newCommandId } from '../../api/uuid.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { useSession } from '../../identity/session-store.tsx';
import type { CurrentUser } from '../../identity/session.ts';
import { Page } from '../../shell/page.tsx';
import { ConfirmInPlace } from '../../ui/confirm-in-place.tsx';
import { type RegisterResult, caseCommand, checkDuplicates } from '../cases-api.ts';
import { StepConsent } from './step-consent.tsx';
import { StepDuplicates } from './step-duplicates.tsx';
import { StepIdentity } from './step-identity.tsx';
import { StepReview } from './step-review.tsx';
import { StepScreening, useScreeningForms } from './step-screening.tsx';
import { useWizardDraft } from './wizard-draft.ts';
import {
  type ConsentField,
  type IdentityValues,
  STEPS,
  type Step,
  type WizardState,
  consentFieldOfPath,
  identityFieldOfPath,
  newWizard,
  nextStep,
  personOf,
  previousStep,
  registerInput,
  registrationOf,
  screeningKindsFor,
  stepNumber,
  stepOfPath,
} from './wizard-state.ts';

const stepTitle = (step: Step) => `registration.step.${step}` as MessageKey;

/**
 * Registering a person, step by step, on a phone at a border post: identity, duplicate
 * check, screening, consent, review. The whole state is a draft on the device until the
 * server has registered the person. Its own lazy route: the screening step carries ODK's
 * evaluator.
 */
export function RegisterPage() {
  const { state } = useSession();
  const { t } = useI18n();
  if (state.status !== 'signedIn') return null;
  return (
    <Page id="register-title" title={t('registration.title')}>
      <Wizard user={state.user} />
    </Page>
  );
}

function Wizard({ user }: { user: CurrentUser }) {
  const { locale, t } = useI18n();
  const { route } = useLocation();
  const fresh = useCallback(() => newWizard({ caseId: newCommandId(), commandId: newCommandId() }, locale), [locale]);
  const draft = useWizardDraft(user.id, fresh);
  const queries = useQueryClient();
  const wizard = draft.state;
  const [identityErrors, setIdentityErrors] = useState<Partial<Record<string, string>>>({});
  const [consentErrors, setConsentErrors] = useState<Partial<Record<ConsentField, string>>>({});
  // Why the identifier was sent back to a step after "Register" (already translated).
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [sentBack, setSentBack] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<Step | undefined>(undefined);
  const restoredStep = useRef<Step | undefined>(undefined);
  const screening = useScreeningForms(screeningKindsFor(wizard.identity));

  const onIdentityChange = useCallback((identity: IdentityValues) => draft.change((s) => ({ ...s, identity })), [draft.change]);
  const go = (step: Step) => draft.change((s) => ({ ...s, step }));
  const leave = (update: (s: WizardState) => WizardState) => {
    setNotice(undefined);
    draft.change(update);
  };
  // A new step is announced: focus moves to its heading (not on the first display).
  useEffect(() => {
    if (!draft.ready) return;
    if (shownStep.current !== undefined && shownStep.current !== wizard.step) headingRef.current?.focus();
    shownStep.current = wizard.step;
  }, [draft.ready, wizard.step]);

  const duplicates = useMutation({
    mutationFn: (values: IdentityValues) => {
      const registration = registrationOf(values);
      if (!registration) throw new Error('identity not valid');
      return checkDuplicates(registration, locale, user.csrfToken);
    },
    onSuccess: (candidates) =>
      draft.change((s) => {
        // A new check issues new tokens: keep the identifier's choice by organisation.
        const before = new Set((s.candidates ?? []).flatMap((c) => (c.heldBy === 'other' && s.linkTo.includes(c.token) ? [c.organisationId] : [])));
        const linkTo = candidates.flatMap((c) => (c.heldBy === 'other' && before.has(c.organisationId) ? [c.token] : []));
        return { ...s, candidates, linkTo };
      }),
  });

  // A registration restored at this step, whose check never answered: check now.
  useEffect(() => {
    if (draft.ready && wizard.step === 'duplicates' && wizard.candidates === null && duplicates.isIdle) duplicates.mutate(wizard.identity);
  }, [draft.ready, wizard.step]);

  const register = useMutation({
    mutationFn: () => {
      const input = registerInput(wizard);
      if (!input) throw new Error('identity not valid');
      return caseCommand<RegisterResult>('case.register', input, locale, user.csrfToken, wizard.commandId);
    },
    onSuccess: async (result) => {
      await draft.discard();
      void queries.invalidateQueries({ queryKey: ['cases', 'list'] });
      route(`/cases/${result.caseId}`);
    },
    onError: (error) => {
      const problem = error instanceof ApiFailure ? error.problem : undefined;
      if (problem?.kind !== 'error' || !problem.error.details?.length) return;
      const details = problem.error.details;
      const first = STEPS.find((step) => details.some((d) => stepOfPath(d.path) === step)) ?? 'review';
      const message = (d: (typeof details)[number]) => detailMessage(d, problem.locale, locale);
      if (first === 'review') return;
      setSentBack(true);
      setNotice(problemMessage(problem, locale));
      if (first === 'identity') {
        setIdentityErrors(Object.fromEntries(details.filter((d) => stepOfPath(d.path) === 'identity').map((d) => [identityFieldOfPath(d.path), message(d)])));
      }
      if (first === 'consent') {
        setConsentErrors(Object.fromEntries(details.filter((d) => stepOfPath(d.path) === 'consent').map((d) => [consentFieldOfPath(d.path), message(d)])));
      }
      if (first === 'duplicates') {
        // The tokens expired (the identifier took long): check again for fresh ones.
        setNotice(message(details.find((d) => stepOfPath(d.path) === 'duplicates')!));
        duplicates.mutate(wizard.identity);
      }
      go(first);
    },
  });

  if (!draft.ready) return <p role="status">{t('app.loading')}</p>;
  // The "restored" notice speaks of the step the identifier came back to, not of the next ones.
  if (draft.restored && restoredStep.current === undefined) restoredStep.current = wizard.step;
  const step = wizard.step;
  const problemOf = (error: unknown): ApiProblem | undefined => (error instanceof ApiFailure ? error.problem : error ? { kind: 'network' } : undefined);
  const registerProblem = sentBack ? undefined : problemOf(register.error);

  return (
    <>
      {draft.restored && wizard.step === restoredStep.current && <p class="card case-notice">{t('registration.restored')}</p>}
      {draft.failed && (
        <p class="form-error" role="alert">
          {t('registration.draftFailed')}
        </p>
      )}
      <p class="registration-progress">
        <span>{t('registration.progress', { n: stepNumber(step), total: STEPS.length })}</span>
        <progress max={STEPS.length} value={stepNumber(step)} aria-hidden="true" />
      </p>
      <h2 id="step-title" class="registration-step-title" tabIndex={-1} ref={headingRef}>
        {t(stepTitle(step))}
      </h2>
      <div class={notice ? 'form-error' : 'form-error is-empty'} role="alert">
        {notice}
      </div>
      {step === 'identity' && (
        <StepIdentity
          key={wizard.caseId}
          values={wizard.identity}
          serverErrors={identityErrors}
          onChange={onIdentityChange}
          onNext={(identity) => {
            setIdentityErrors({});
            leave((s) => ({ ...s, identity, step: 'duplicates' }));
            duplicates.mutate(identity);
          }}
        />
      )}
      {step === 'duplicates' && (
        <>
          <StepDuplicates
            candidates={wizard.candidates}
            checking={duplicates.isPending}
            problem={problemOf(duplicates.error)}
            linkTo={wizard.linkTo}
            onToggle={(token, on) => draft.change((s) => ({ ...s, linkTo: on ? [...s.linkTo.filter((x) => x !== token), token] : s.linkTo.filter((x) => x !== token) }))}
            onRetry={() => duplicates.mutate(wizard.identity)}
          />
          <button type="button" class="button button-primary" disabled={duplicates.isPending} onClick={() => leave((s) => ({ ...s, step: nextStep(step) }))}>
            {t('registration.next')}
          </button>
        </>
      )}
      {step === 'screening' && (
        <StepScreening
          forms={screening.forms}
          pending={screening.pending}
          problem={screening.problem}
          answers={wizard.screening}
          onChange={(kind, answers) => draft.change((s) => ({ ...s, screening: { ...s.screening, [kind]: answers } }))}
          onNext={(submissions) => leave((s) => ({ ...s, submissions, step: 'consent' }))}
        />
      )}
      {step === 'consent' && (
        <StepConsent
          values={wizard.consent}
          person={personOf(wizard)}
          serverErrors={consentErrors}
          onChange={(consent) => {
            setConsentErrors({});
            draft.change((s) => ({ ...s, consent }));
          }}
          // The consent is given now; the server checks it is not dated in its future.
          onNext={() => leave((s) => ({ ...s, consent: { ...s.consent, givenAt: new Date().toISOString() }, step: 'review' }))}
        />
      )}
      {step === 'review' && <StepReview state={wizard} pending={register.isPending} problem={registerProblem} onRegister={() => {
            setSentBack(false);
            register.mutate();
          }} />}
      {step !== 'identity' && (
        <button type="button" class="button button-secondary button-after" onClick={() => leave((s) => ({ ...s, step: previousStep(s.step) }))}>
          {t('registration.back')}
        </button>
      )}
      <div class="registration-discard">
        {discarding ? (
          <ConfirmInPlace
            question={t('registration.discardConfirm')}
            yes={t('registration.discardYes')}
            no={t('registration.discardNo')}
            pending={false}
            onConfirm={() => {
              setDiscarding(false);
              void draft.discard();
            }}
            onCancel={() => setDiscarding(false)}
          />
        ) : (
          <button type="button" class="button button-secondary button-after" onClick={() => setDiscarding(true)}>
            {t('registration.discard')}
          </button>
        )}
      </div>
    </>
  );
}
