import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api/client.ts';
import { detailMessage, problemMessage } from '../api/errors.ts';
import { newCommandId } from '../api/uuid.ts';
import { useVocabulary } from '../directory/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { type CurrentUser, hasAbility } from '../identity/session.ts';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';
import { type CaseDetail, caseCommand, caseKeys, listOrganisations } from './cases-api.ts';
import { CHILD_ASSENT_CODES, CONSENT_GIVER_CODES, CONSENT_LANGUAGES, CONSENT_LAYER_CODES, assentKey, decisionKey, givenByKey, languageName, layerKey } from './labels.ts';

interface Props {
  file: CaseDetail;
  me: CurrentUser;
  /** False once the case is merged or anonymised: it can no longer change. */
  editable: boolean;
  orgName(id: string): string;
  term(code: string): string;
}

/** The person's consent decisions, newest first; each can be withdrawn, and a new one recorded. */
export function CaseConsents({ file, me, editable, orgName, term }: Props) {
  const { locale, t } = useI18n();
  const [recording, setRecording] = useState(false);
  const mayChange = editable && hasAbility(me, 'case.register');
  const consents = [...file.consents].sort((a, b) => b.givenAt.localeCompare(a.givenAt));
  return (
    <section class="card" aria-labelledby="case-consents-title">
      <h2 id="case-consents-title">{t('registration.case.consents')}</h2>
      <ul class="case-list">
        {consents.map((c) => (
          <ConsentRow key={c.id} caseId={file.id} consent={c} me={me} mayChange={mayChange} scope={[c.organisationId && orgName(c.organisationId), c.serviceType && term(c.serviceType)].filter(Boolean).join(' · ')} />
        ))}
      </ul>
      {mayChange &&
        (recording ? (
          <RecordConsent file={file} me={me} onDone={() => setRecording(false)} />
        ) : (
          <button type="button" class="button button-secondary button-inline" onClick={() => setRecording(true)}>
            {t('registration.case.recordConsent')}
          </button>
        ))}
      {consents.length === 0 && <p>{t('registration.case.noConsents')}</p>}
    </section>
  );
}

function ConsentRow({ caseId, consent: c, me, mayChange, scope }: { caseId: string; consent: CaseDetail['consents'][number]; me: CurrentUser; mayChange: boolean; scope: string }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => caseCommand('consent.withdraw', { caseId, consentId: c.id }, locale, me.csrfToken),
    onSuccess: async () => {
      setConfirming(false);
      await queries.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    },
  });
  const failure = withdraw.error instanceof ApiFailure ? withdraw.error.problem : undefined;
  const what = `${t(layerKey(c.layer))} · ${t(decisionKey(c.decision))}`;
  return (
    <li class="case-consent">
      <p>
        <strong>{what}</strong>
        {scope && ` · ${scope}`}
        {c.withdrawnAt && <span class="chip tone-warning">{t('registration.case.withdrawn', { date: formatDateTime(locale, c.withdrawnAt) })}</span>}
      </p>
      <p class="hint">
        {t('registration.case.consentBy', { by: t(givenByKey(c.givenBy)), language: languageName(c.language), date: formatDateTime(locale, c.givenAt) })}
        {c.childAssent !== 'not_applicable' && ` · ${t(assentKey(c.childAssent))}`}
      </p>
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {mayChange &&
        !c.withdrawnAt &&
        (confirming ? (
          <ConfirmInPlace question={t('registration.case.withdrawConfirm', { what })} yes={t('registration.case.withdrawYes')} no={t('registration.discardNo')} pending={withdraw.isPending} onConfirm={() => withdraw.mutate()} onCancel={() => setConfirming(false)} />
        ) : (
          <button type="button" class="button button-secondary button-inline" aria-label={t('registration.case.withdrawName', { what })} onClick={() => setConfirming(true)}>
            {t('registration.case.withdraw')}
          </button>
        ))}
    </li>
  );
}

function RecordConsent({ file, me, onDone }: { file: CaseDetail; me: CurrentUser; onDone(): void }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const organisations = useQuery({ queryKey: caseKeys.organisations, queryFn: () => listOrganisations(locale), staleTime: 10 * 60_000 });
  const vocabulary = useVocabulary();
  const [v, setV] = useState({ layer: 'disclosure', decision: 'granted', organisationId: '', serviceType: '', givenBy: 'self', childAssent: file.isChild ? 'given' : 'not_applicable', language: file.preferredLanguage ?? locale });
  const set = (patch: Partial<typeof v>) => setV({ ...v, ...patch });
  const record = useMutation({
    mutationFn: () => {
      const scoped = v.layer === 'disclosure';
      const consent = {
        layer: v.layer,
        decision: v.decision,
        ...(scoped && v.organisationId ? { organisationId: v.organisationId } : {}),
        ...(scoped && v.serviceType ? { serviceType: v.serviceType } : {}),
        givenBy: v.givenBy,
        childAssent: file.isChild ? v.childAssent : 'not_applicable',
        language: v.language,
        givenAt: new Date().toISOString(),
      };
      return caseCommand('consent.record', { caseId: file.id, consentId: newCommandId(), consent }, locale, me.csrfToken);
    },
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: caseKeys.detail(file.id) });
      onDone();
    },
  });
  const problem = record.error instanceof ApiFailure ? record.error.problem : undefined;
  const detail = problem?.kind === 'error' ? problem.error.details?.[0] : undefined;
  const fieldError = detail && problem?.kind === 'error' ? detailMessage(detail, problem.locale, locale) : undefined;
  const select = (id: string, label: string, value: string, choices: { value: string; label: string }[], onChange: (x: string) => void, error?: string) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.currentTarget.value)}>
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
  return (
    <form
      class="admin-section"
      noValidate
      aria-labelledby="record-consent-title"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate();
      }}
    >
      <h3 id="record-consent-title">{t('registration.case.recordConsent')}</h3>
      <div class={problem && !detail ? 'form-error' : 'form-error is-empty'} role="alert">
        {problem && !detail && problemMessage(problem, locale)}
      </div>
      {select('record-layer', t('registration.case.layer'), v.layer, CONSENT_LAYER_CODES.map((l) => ({ value: l, label: t(layerKey(l)) })), (layer) => set({ layer }))}
      {select('record-decision', t('registration.case.decision'), v.decision, (['granted', 'refused'] as const).map((d) => ({ value: d, label: t(decisionKey(d)) })), (decision) => set({ decision }))}
      {v.layer === 'disclosure' &&
        select('record-organisation', t('registration.case.organisation'), v.organisationId, [{ value: '', label: t('registration.consent.anyOrganisation') }, ...(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))], (organisationId) => set({ organisationId }))}
      {v.layer === 'disclosure' &&
        select('record-service', t('registration.case.serviceType'), v.serviceType, [{ value: '', label: t('registration.consent.anyService') }, ...vocabulary.serviceTypes.map((s) => ({ value: s.code, label: s.label }))], (serviceType) => set({ serviceType }))}
      {select('record-given-by', t('registration.consent.givenBy'), v.givenBy, CONSENT_GIVER_CODES.map((g) => ({ value: g, label: t(givenByKey(g)) })), (givenBy) => set({ givenBy }), fieldError)}
      {file.isChild && select('record-assent', t('registration.consent.childAssent'), v.childAssent, CHILD_ASSENT_CODES.map((a) => ({ value: a, label: t(assentKey(a)) })), (childAssent) => set({ childAssent }))}
      {select('record-language', t('registration.consent.language'), v.language, CONSENT_LANGUAGES.map((c) => ({ value: c, label: languageName(c) })), (language) => set({ language }))}
      <button type="submit" class="button button-primary" disabled={record.isPending} aria-busy={record.isPending}>
        {t('registration.case.saveConsent')}
      </button>
      <button type="button" class="button button-secondary button-after" onClick={onDone}>
        {t('registration.discardNo')}
      </button>
    </form>
  );
}
