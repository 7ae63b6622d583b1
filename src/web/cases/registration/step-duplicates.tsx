import type { ApiProblem } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { Icon } from '../../ui/icons.tsx';
import type { DuplicateCandidate } from './wizard-state.ts';

interface Props {
  candidates: DuplicateCandidate[] | null;
  checking: boolean;
  problem: ApiProblem | undefined;
  linkTo: readonly string[];
  onToggle(token: string, on: boolean): void;
  onRetry(): void;
}

/**
 * Step (b): is this person perhaps known already? The own organisation's records are named by
 * their case code; another organisation's only by that organisation's name, with the choice
 * to ask the coordinator to compare (the API gives nothing else about them). Never blocking.
 */
export function StepDuplicates({ candidates, checking, problem, linkTo, onToggle, onRetry }: Props) {
  const { locale, t } = useI18n();
  return (
    <div aria-labelledby="step-title" aria-busy={checking}>
      {checking ? (
        <p class="card" role="status">
          {t('registration.duplicates.checking')}
        </p>
      ) : problem ? (
        <div class="form-error" role="alert">
          <p>{problemMessage(problem, locale)}</p>
          <p>{t('registration.duplicates.failedHint')}</p>
          <button type="button" class="button button-secondary button-after" onClick={onRetry}>
            {t('registration.duplicates.retry')}
          </button>
        </div>
      ) : !candidates || candidates.length === 0 ? (
        <p class="card" role="status">
          {t('registration.duplicates.none')}
        </p>
      ) : (
        <div role="status">
          <ul class="registration-candidates">
            {candidates.map((c) =>
              c.heldBy === 'own' ? (
                <li key={c.caseId} class="card case-notice">
                  <Icon name="warning" />
                  <p>
                    {t(c.likely ? 'registration.duplicates.ownLikely' : 'registration.duplicates.ownPossible')} <a href={`/cases/${c.caseId}`}>{c.caseCode}</a>
                  </p>
                </li>
              ) : (
                <li key={c.organisationId} class="card case-notice">
                  <Icon name="warning" />
                  <div>
                    <p>{t(c.likely ? 'registration.duplicates.otherLikely' : 'registration.duplicates.otherPossible', { organisation: c.organisationName })}</p>
                    <label class="admin-check">
                      <input type="checkbox" checked={linkTo.includes(c.token)} onChange={(e) => onToggle(c.token, e.currentTarget.checked)} />
                      <span>{t('registration.duplicates.askCoordinator')}</span>
                    </label>
                  </div>
                </li>
              ),
            )}
          </ul>
        </div>
      )}
      <p class="hint">{t('registration.duplicates.continueHint')}</p>
    </div>
  );
}
