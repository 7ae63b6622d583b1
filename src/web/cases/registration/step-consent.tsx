import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { CHILD_ASSENTS, CONSENT_GIVERS } from '../../../domain/cases/consent.ts';
import type { MessageKey } from '../../../domain/i18n/translate.ts';
import { useVocabulary } from '../../directory/labels.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { caseKeys, listOrganisations } from '../cases-api.ts';
import { CONSENT_LANGUAGES, assentKey, givenByKey, languageName } from '../labels.ts';
import { type ConsentField, type ConsentValues, type Decision, type DisclosureLine, consentProblems } from './wizard-state.ts';

interface Props {
  values: ConsentValues;
  person: { isChild: boolean; ageYears: number | null };
  /** The server's messages by field, after a registration was refused (already translated). */
  serverErrors: Partial<Record<ConsentField, string>>;
  onChange(values: ConsentValues): void;
  onNext(): void;
}

/** The words for a problem code: the server's `validation.*` ones, or this step's own. */
export function consentProblemKey(code: string): MessageKey {
  if (code === 'consent_line_target') return 'registration.consent.lineTarget';
  return `validation.${code}` as MessageKey;
}

/**
 * Step (d): layered consent — services (needed to open a file), sharing with partners (any,
 * and per organisation or per kind of service), anonymous reporting — with who gives it,
 * a child's assent and the language used. The same rules as the server are checked here.
 */
export function StepConsent({ values, person, serverErrors, onChange, onNext }: Props) {
  const { t } = useI18n();
  const [tried, setTried] = useState(false);
  const problems = consentProblems(values, person);
  const error = (field: ConsentField): string | undefined => serverErrors[field] ?? (tried && problems[field] ? t(consentProblemKey(problems[field])) : undefined);
  const set = (patch: Partial<ConsentValues>) => onChange({ ...values, ...patch });
  const setLine = (i: number, patch: Partial<DisclosureLine>) => set({ disclosureLines: values.disclosureLines.map((l, j) => (j === i ? { ...l, ...patch } : l)) });

  const next = (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) onNext();
  };

  return (
    <form noValidate aria-labelledby="step-title" onSubmit={next}>
      <div class="card registration-readout">
        <h2>{t('registration.consent.readOutTitle')}</h2>
        <p>{t('registration.consent.readOut')}</p>
      </div>
      <DecisionField id="consent-services" legend={t('registration.consent.services')} hint={t('registration.consent.servicesHint')} value={values.services} error={error('services')} onChange={(v) => set({ services: v })} />
      <DecisionField id="consent-disclosure" legend={t('registration.consent.disclosureAny')} hint={t('registration.consent.disclosureHint')} value={values.disclosureAny} error={error('disclosureAny')} onChange={(v) => set({ disclosureAny: v })} />
      <fieldset class="field registration-group">
        <legend>{t('registration.consent.lines')}</legend>
        <p class="field-hint">{t('registration.consent.linesHint')}</p>
        {values.disclosureLines.map((line, i) => (
          <DisclosureLineFields key={i} index={i} line={line} error={error(`line.${i}`)} onChange={(patch) => setLine(i, patch)} onRemove={() => set({ disclosureLines: values.disclosureLines.filter((_, j) => j !== i) })} />
        ))}
        {values.disclosureLines.length < 20 && (
          <button type="button" class="button button-secondary button-inline" onClick={() => set({ disclosureLines: [...values.disclosureLines, { organisationId: '', serviceType: '', decision: '' }] })}>
            {t('registration.consent.addLine')}
          </button>
        )}
      </fieldset>
      <DecisionField id="consent-reporting" legend={t('registration.consent.reporting')} hint={t('registration.consent.reportingHint')} value={values.reporting} error={error('reporting')} onChange={(v) => set({ reporting: v })} />
      <SelectBox
        id="consent-given-by"
        label={t('registration.consent.givenBy')}
        value={values.givenBy}
        error={error('givenBy')}
        choices={CONSENT_GIVERS.map((g) => ({ value: g, label: t(givenByKey(g)) }))}
        onChange={(v) => set({ givenBy: v as ConsentValues['givenBy'] })}
      />
      {person.isChild && (
        <fieldset class="field registration-decision" aria-describedby={error('childAssent') ? 'consent-assent-error' : undefined}>
          <legend>{t('registration.consent.childAssent')}</legend>
          {CHILD_ASSENTS.map((a) => (
            <label key={a} class="admin-check">
              <input type="radio" name="consent-assent" value={a} checked={values.childAssent === a} onChange={() => set({ childAssent: a })} />
              <span>{t(assentKey(a))}</span>
            </label>
          ))}
          {error('childAssent') && (
            <p id="consent-assent-error" class="field-error">
              {error('childAssent')}
            </p>
          )}
        </fieldset>
      )}
      <SelectBox id="consent-language" label={t('registration.consent.language')} value={values.language} error={error('language')} choices={CONSENT_LANGUAGES.map((c) => ({ value: c, label: languageName(c) }))} onChange={(v) => set({ language: v })} />
      <button type="submit" class="button button-primary">
        {t('registration.next')}
      </button>
    </form>
  );
}

function DecisionField({ id, legend, hint, value, error, onChange }: { id: string; legend: string; hint: string; value: Decision; error: string | undefined; onChange(v: Decision): void }) {
  const { t } = useI18n();
  const describedBy = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <fieldset class="field registration-decision" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <p id={`${id}-hint`} class="field-hint">
        {hint}
      </p>
      <div class="registration-yes-no">
        {(['granted', 'refused'] as const).map((d) => (
          <label key={d} class="admin-check">
            <input type="radio" name={id} value={d} checked={value === d} aria-invalid={error ? true : undefined} onChange={() => onChange(d)} />
            <span>{t(d === 'granted' ? 'registration.yes' : 'registration.no')}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function SelectBox({ id, label, value, error, choices, onChange, optional }: { id: string; label: string; value: string; error?: string | undefined; choices: { value: string; label: string }[]; onChange(v: string): void; optional?: string }) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{optional ?? t('registration.choose')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function DisclosureLineFields({ index, line, error, onChange, onRemove }: { index: number; line: DisclosureLine; error: string | undefined; onChange(patch: Partial<DisclosureLine>): void; onRemove(): void }) {
  const { locale, t } = useI18n();
  const organisations = useQuery({ queryKey: caseKeys.organisations, queryFn: () => listOrganisations(locale), staleTime: 10 * 60_000 });
  const vocabulary = useVocabulary();
  const n = index + 1;
  return (
    <div class="registration-row">
      <SelectBox
        id={`consent-line-${index}-organisation`}
        label={t('registration.consent.lineOrganisation', { n })}
        value={line.organisationId}
        optional={t('registration.consent.anyOrganisation')}
        choices={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        onChange={(v) => onChange({ organisationId: v })}
      />
      <SelectBox
        id={`consent-line-${index}-service`}
        label={t('registration.consent.lineService', { n })}
        value={line.serviceType}
        optional={t('registration.consent.anyService')}
        choices={vocabulary.serviceTypes.map((s) => ({ value: s.code, label: s.label }))}
        onChange={(v) => onChange({ serviceType: v })}
      />
      <DecisionField id={`consent-line-${index}-decision`} legend={t('registration.consent.lineDecision', { n })} hint={t('registration.consent.lineDecisionHint')} value={line.decision} error={error} onChange={(v) => onChange({ decision: v })} />
      <button type="button" class="button button-secondary" onClick={onRemove}>
        {t('registration.consent.removeLine', { n })}
      </button>
    </div>
  );
}
