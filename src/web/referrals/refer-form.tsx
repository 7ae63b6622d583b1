import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useLocation } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { OVERRIDE_REASON_MIN } from '../../domain/cases/disclosure.ts';
import { URGENCIES, type Urgency } from '../../domain/referrals/lifecycle.ts';
import { REFERRAL_REASON_MAX } from '../../domain/referrals/schemas.ts';
import { newCommandId } from '../api/uuid.ts';
import type { ServiceDetailView } from '../directory/directory-api.ts';
import type { Vocabulary } from '../directory/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { formatNumber } from '../i18n/format.ts';
import { type CurrentUser, hasAbility } from '../identity/session.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import { ProblemBox } from './problem-box.tsx';
import { type CreatedReferral, checkConsent, referralCommand, referralKeys } from './referrals-api.ts';

interface Props {
  caseId: string;
  service: ServiceDetailView;
  vocabulary: Vocabulary;
  me: CurrentUser;
  onChangeService(): void;
}

const urgencyHintKey = (u: Urgency) => `referrals.create.urgencyHint.${u}` as MessageKey;
const urgencyLabelKey = (u: Urgency) => `referrals.urgency.${u}` as MessageKey;

/**
 * The referral itself, once a service is chosen. Before sending, the server says whether the
 * person's consent covers this organisation and service: if not, the screen says so and only a
 * role that may override can go on, with a reason the coordinator will review.
 */
export function ReferForm({ caseId, service, vocabulary, me, onChangeService }: Props) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const { route } = useLocation();
  // Chosen once per form: a retry after a lost answer creates one referral, not two.
  const [ids] = useState(() => ({ referralId: newCommandId(), commandId: newCommandId() }));
  const [v, setV] = useState({
    locationId: service.locations[0]?.id ?? '',
    serviceType: service.serviceTypes[0] ?? '',
    urgency: 'normal' as Urgency,
    reason: '',
    shareIdentity: false,
    onPaper: false,
    override: '',
  });
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<typeof v>) => setV({ ...v, ...patch });
  const organisationId = service.organisation.id;
  const consent = useQuery({
    queryKey: referralKeys.consent(caseId, organisationId, v.serviceType),
    queryFn: () => checkConsent(caseId, organisationId, v.serviceType, locale),
    enabled: v.serviceType !== '',
  });
  const mayOverride = hasAbility(me, 'consent.override');
  const covered = consent.data?.covered === true;
  const blocked = consent.data?.covered === false && !mayOverride;
  const reasonError = tried && !v.reason.trim() ? t('referrals.create.reasonRequired') : undefined;
  const overrideError = tried && consent.data?.covered === false && v.override.trim().length < OVERRIDE_REASON_MIN ? t('referrals.create.overrideTooShort', { min: OVERRIDE_REASON_MIN }) : undefined;

  const send = useMutation({
    mutationFn: () =>
      referralCommand<CreatedReferral>(
        'referral.create',
        {
          referralId: ids.referralId,
          caseId,
          serviceId: service.id,
          locationId: v.locationId || null,
          serviceType: v.serviceType,
          urgency: v.urgency,
          reason: v.reason.trim(),
          shareIdentity: v.shareIdentity,
          onPaper: v.onPaper,
          ...(consent.data?.covered === false ? { override: { reason: v.override.trim() } } : {}),
        },
        locale,
        me.csrfToken,
        ids.commandId,
      ),
    onSuccess: async (created) => {
      await queries.invalidateQueries({ queryKey: referralKeys.all });
      route(`/referrals/${created.referralId}`);
    },
  });

  return (
    <form
      class="card"
      noValidate
      aria-labelledby="refer-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!v.reason.trim() || blocked || !consent.data) return;
        if (!covered && v.override.trim().length < OVERRIDE_REASON_MIN) return;
        send.mutate();
      }}
    >
      <h2 id="refer-form-title">{t('referrals.create.details')}</h2>
      <p>
        <strong>{service.name}</strong> · {service.organisation.name}
      </p>
      <button type="button" class="button button-secondary button-inline referral-change" onClick={onChangeService}>
        {t('referrals.create.changeService')}
      </button>
      <ProblemBox error={send.error} />
      {service.locations.length > 1 && (
        <div class="field">
          <label for="refer-location">{t('referrals.create.location')}</label>
          <select id="refer-location" value={v.locationId} onChange={(e) => set({ locationId: e.currentTarget.value })}>
            {service.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {[l.name, l.address?.city].filter(Boolean).join(' · ') || t('referrals.create.unnamedPlace')}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for="refer-service-type">{t('referrals.create.requested')}</label>
        <select id="refer-service-type" value={v.serviceType} onChange={(e) => set({ serviceType: e.currentTarget.value })}>
          {service.serviceTypes.map((code) => (
            <option key={code} value={code}>
              {vocabulary.term(code)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="referral-choice">
        <legend>{t('referrals.create.urgency')}</legend>
        {URGENCIES.map((u) => (
          <label key={u} class="admin-check referral-check">
            <input type="radio" name="refer-urgency" value={u} checked={v.urgency === u} onChange={() => set({ urgency: u })} />
            <span>
              {t(urgencyLabelKey(u))} <span class="hint-inline">{t(urgencyHintKey(u))}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="refer-reason">{t('referrals.create.reason')}</label>
        <p id="refer-reason-hint" class="field-hint">
          {t('referrals.create.reasonHint')}
        </p>
        <textarea
          id="refer-reason"
          rows={4}
          maxLength={REFERRAL_REASON_MAX}
          value={v.reason}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? 'refer-reason-hint refer-reason-count refer-reason-error' : 'refer-reason-hint refer-reason-count'}
          onInput={(e) => set({ reason: e.currentTarget.value })}
        />
        <p id="refer-reason-count" class="field-hint" aria-live="polite">
          {t('referrals.create.counter', { used: formatNumber(locale, v.reason.length), max: formatNumber(locale, REFERRAL_REASON_MAX) })}
        </p>
        {reasonError && (
          <p id="refer-reason-error" class="field-error">
            {reasonError}
          </p>
        )}
      </div>
      <label class="admin-check referral-check">
        <input type="checkbox" checked={v.shareIdentity} onChange={(e) => set({ shareIdentity: e.currentTarget.checked })} />
        {t('referrals.create.shareIdentity')}
      </label>
      <label class="admin-check referral-check">
        <input type="checkbox" checked={v.onPaper} onChange={(e) => set({ onPaper: e.currentTarget.checked })} />
        {t('referrals.create.onPaper')}
      </label>
      <ConsentNotice covered={consent.data?.covered} pending={consent.isPending && v.serviceType !== ''} error={consent.error} mayOverride={mayOverride} />
      {consent.data?.covered === false && mayOverride && (
        <div class="field">
          <label for="refer-override">{t('referrals.create.override')}</label>
          <p id="refer-override-hint" class="field-hint">
            {t('referrals.create.overrideHint', { min: OVERRIDE_REASON_MIN })}
          </p>
          <textarea
            id="refer-override"
            rows={3}
            maxLength={2000}
            value={v.override}
            aria-invalid={overrideError ? true : undefined}
            aria-describedby={overrideError ? 'refer-override-hint refer-override-error' : 'refer-override-hint'}
            onInput={(e) => set({ override: e.currentTarget.value })}
          />
          {overrideError && (
            <p id="refer-override-error" class="field-error">
              {overrideError}
            </p>
          )}
        </div>
      )}
      <button type="submit" class="button button-primary" disabled={send.isPending || blocked || !consent.data} aria-busy={send.isPending} aria-describedby={blocked ? 'refer-consent-notice' : undefined}>
        {t('referrals.create.send')}
      </button>
    </form>
  );
}

function ConsentNotice({ covered, pending, error, mayOverride }: { covered: boolean | undefined; pending: boolean; error: unknown; mayOverride: boolean }) {
  const { t } = useI18n();
  if (pending) return <p role="status">{t('referrals.create.consentChecking')}</p>;
  if (error) return <ProblemBox error={error} />;
  if (covered === undefined) return null;
  return (
    <div id="refer-consent-notice" class={covered ? 'referral-consent is-covered' : 'referral-notice'} role="status">
      <p>{covered ? t('referrals.create.consentCovered') : t(mayOverride ? 'referrals.create.consentMissingOverride' : 'referrals.create.consentMissing')}</p>
    </div>
  );
}
