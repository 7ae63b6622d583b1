import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { type CurrentUser, hasAbility } from '../identity/session.ts';
import { type OrganisationDetail, command } from './admin-api.ts';
import { OrganisationForm, countryLabel, typeLabel } from './organisation-form.tsx';
import { regionName } from './organisation-regions.ts';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';

interface Props {
  organisation: OrganisationDetail;
  me: CurrentUser;
}

/** One partner: what it is, where it works, whether it is active; edit and (de)activate. */
export function OrganisationRow({ organisation, me }: Props) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const toggle = useMutation({
    mutationFn: () => command('organisation.update', { organisationId: organisation.id, active: !organisation.active }, locale, me.csrfToken),
    onSuccess: async () => {
      setConfirming(false);
      await queries.invalidateQueries({ queryKey: ['admin', 'organisations'] });
    },
  });
  const failure = toggle.error instanceof ApiFailure ? toggle.error.problem : undefined;
  const name = organisation.name;
  // The same rules as the server's policy: anywhere, or (organisation.update:own) one's own.
  const mayDeactivate = hasAbility(me, 'organisation.deactivate');
  const mayEdit = mayDeactivate || (hasAbility(me, 'organisation.update') && organisation.id === me.organisation.id);
  const regions = organisation.regionPcodes.map((p) => regionName(p, organisation.country));
  const confirmText = t(organisation.active ? 'organisations.deactivateConfirm' : 'organisations.reactivateConfirm', { name });

  return (
    <li class="card admin-item">
      <h2 class="admin-item-title">
        {name}
        {organisation.acronym && <span class="organisation-acronym"> ({organisation.acronym})</span>}
      </h2>
      <p>
        {t(typeLabel(organisation.type))} · {t(countryLabel(organisation.country))}
      </p>
      <p>{regions.length > 0 ? t('organisations.regionsList', { regions: regions.join(', ') }) : t('organisations.noRegion')}</p>
      <p class={organisation.active ? 'admin-state' : 'admin-state is-inactive'}>{organisation.active ? t('organisations.active') : t('organisations.inactive')}</p>
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {!mayDeactivate ? null : confirming ? (
        <ConfirmInPlace question={confirmText} yes={t('admin.confirm')} no={t('admin.cancel')} pending={toggle.isPending} onConfirm={() => toggle.mutate()} onCancel={() => setConfirming(false)} />
      ) : (
        <button
          type="button"
          class="button button-secondary button-after"
          aria-label={t(organisation.active ? 'organisations.deactivateName' : 'organisations.reactivateName', { name })}
          onClick={() => setConfirming(true)}
        >
          {organisation.active ? t('organisations.deactivate') : t('organisations.reactivate')}
        </button>
      )}
      {mayEdit && (
        <button type="button" class="button button-secondary button-after" aria-expanded={editing} aria-label={t('organisations.editName', { name })} onClick={() => setEditing(!editing)}>
          {t('organisations.edit')}
        </button>
      )}
      {editing && (
        <div class="admin-details">
          <OrganisationForm me={me} organisation={organisation} onDone={() => setEditing(false)} />
        </div>
      )}
    </li>
  );
}
