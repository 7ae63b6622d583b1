import { useQuery } from '@tanstack/preact-query';
import { screeningOutcome } from '../../../domain/screening/outcome.ts';
import type { ApiProblem } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { useVocabulary } from '../../directory/labels.ts';
import { CaseChips } from '../case-chips.tsx';
import { caseKeys, listOrganisations } from '../cases-api.ts';
import { countryName, decisionKey, layerKey, regionName, sexKey } from '../labels.ts';
import { type WizardState, ageOf, consentDecisions, personOf, registrationOf } from './wizard-state.ts';

interface Props {
  state: WizardState;
  pending: boolean;
  problem: ApiProblem | undefined;
  onRegister(): void;
}

/** Step (e): what will be recorded, the expected category and risk, and "Register". */
export function StepReview({ state, pending, problem, onRegister }: Props) {
  const { locale, t } = useI18n();
  const registration = registrationOf(state.identity);
  const now = new Date();
  const person = personOf(state, now);
  const byKind = Object.fromEntries(state.submissions.map((s) => [s.kind, s.answers]));
  const outcome = screeningOutcome({ ...byKind, ageYears: ageOf(state.identity, now), ageUncertain: state.identity.ageUncertain });
  const identity = registration?.identity;
  const name = [identity?.givenName, identity?.familyName].filter(Boolean).join(' ');
  const age = ageOf(state.identity, now);
  const consents = consentDecisions(state.consent, person.isChild);
  const organisations = useQuery({ queryKey: caseKeys.organisations, queryFn: () => listOrganisations(locale), staleTime: 10 * 60_000 });
  const orgName = (id: string) => organisations.data?.items.find((o) => o.id === id)?.name ?? '';
  const vocabulary = useVocabulary();

  return (
    <div aria-labelledby="step-title">
      <dl class="facts card">
        <dt>{t('registration.review.name')}</dt>
        <dd>{name}</dd>
        <dt>{t('registration.identity.region')}</dt>
        <dd>{regionName(state.identity.regionPcode)}</dd>
        <dt>{t('registration.identity.sex')}</dt>
        <dd>{state.identity.sex ? t(sexKey(state.identity.sex)) : ''}</dd>
        <dt>{t('registration.review.age')}</dt>
        <dd>{age === null ? t('registration.review.ageUnknown') : t('registration.review.years', { age })}</dd>
        {state.identity.nationality && (
          <>
            <dt>{t('registration.identity.nationality')}</dt>
            <dd>{countryName(locale, state.identity.nationality)}</dd>
          </>
        )}
        {identity?.phone && (
          <>
            <dt>{t('registration.identity.phone')}</dt>
            <dd>{identity.phone}</dd>
          </>
        )}
        <dt>{t('registration.review.screenings')}</dt>
        <dd>{t('registration.review.screeningCount', { count: state.submissions.length })}</dd>
        <dt>{t('registration.review.links')}</dt>
        <dd>{t('registration.review.linkCount', { count: state.linkTo.length })}</dd>
      </dl>
      <div class="card">
        <h2>{t('registration.review.expected')}</h2>
        <CaseChips category={outcome.category} riskLevel={outcome.riskLevel} isChild={person.isChild} />
        <p class="hint">{t('registration.review.expectedHint')}</p>
      </div>
      <div class="card">
        <h2>{t('registration.review.consents')}</h2>
        <ul class="registration-consents">
          {consents.map((c, i) => (
            <li key={i}>
              {t(layerKey(c.layer))} · {t(decisionKey(c.decision))}
              {c.organisationId && ` · ${orgName(c.organisationId)}`}
              {c.serviceType && ` · ${vocabulary.term(c.serviceType)}`}
            </li>
          ))}
        </ul>
      </div>
      <div class={problem ? 'form-error' : 'form-error is-empty'} role="alert">
        {problem && problemMessage(problem, locale)}
      </div>
      <button type="button" class="button button-primary" disabled={pending || !registration} aria-busy={pending} onClick={onRegister}>
        {t('registration.review.register')}
      </button>
    </div>
  );
}
