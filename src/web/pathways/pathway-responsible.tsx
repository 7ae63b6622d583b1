import { useI18n } from '../i18n/i18n.ts';
import { DIRECTORY_REGIONS } from '../directory/labels.ts';
import { type EditRegion, newKey } from './edit-state.ts';
import type { OrganisationRef } from './pathways-api.ts';

interface Props {
  stepKey: string;
  entries: readonly EditRegion[];
  organisations: readonly OrganisationRef[];
  onChange(next: EditRegion[]): void;
}

const regionName = (pcode: string) => DIRECTORY_REGIONS.find((r) => r.pcode === pcode)?.name ?? pcode;
const organisationName = (o: OrganisationRef) => (o.acronym ? `${o.name} (${o.acronym})` : o.name);

/**
 * Who answers for a step, region by region, in the order a referrer should try them. Closed by
 * default: most of the time a coordinator orders steps, and a phone screen stays short.
 * Organisations are added from a list, one at a time, rather than ticked among all partners.
 */
export function PathwayResponsible({ stepKey, entries, organisations, onChange }: Props) {
  const { t } = useI18n();
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const used = new Set(entries.map((e) => e.admin1Pcode));
  const free = DIRECTORY_REGIONS.filter((r) => !used.has(r.pcode));
  const set = (index: number, next: EditRegion) => onChange(entries.map((e, i) => (i === index ? next : e)));

  return (
    <details class="pathway-responsible">
      <summary>{t('pathways.editor.responsible', { count: entries.length })}</summary>
      {entries.map((entry, index) => {
        const id = `step-${stepKey}-region-${entry.key}`;
        const region = regionName(entry.admin1Pcode);
        const addable = organisations.filter((o) => !entry.organisationIds.includes(o.id));
        return (
          <div key={entry.key} class="pathway-region">
            <div class="field">
              <label for={id}>{t('pathways.editor.region')}</label>
              <select id={id} value={entry.admin1Pcode} onChange={(e) => set(index, { ...entry, admin1Pcode: e.currentTarget.value })}>
                {DIRECTORY_REGIONS.filter((r) => r.pcode === entry.admin1Pcode || !used.has(r.pcode)).map((r) => (
                  <option key={r.pcode} value={r.pcode}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
            <p class="pathway-organisations-title">{t('pathways.editor.organisations')}</p>
            {entry.organisationIds.length === 0 ? (
              <p class="hint">{t('pathways.editor.noOrganisation')}</p>
            ) : (
              <ol class="pathway-organisations">
                {entry.organisationIds.map((organisationId) => {
                  const found = byId.get(organisationId);
                  const name = found ? organisationName(found) : organisationId;
                  return (
                    <li key={organisationId}>
                      <span>{name}</span>
                      <button type="button" class="button button-secondary button-inline" onClick={() => set(index, { ...entry, organisationIds: entry.organisationIds.filter((x) => x !== organisationId) })}>
                        {t('pathways.editor.removeOrganisation', { name })}
                      </button>
                    </li>
                  );
                })}
              </ol>
            )}
            {addable.length > 0 && (
              <div class="field">
                <label for={`${id}-add`}>{t('pathways.editor.addOrganisation', { region })}</label>
                <select
                  id={`${id}-add`}
                  value=""
                  onChange={(e) => {
                    const chosen = e.currentTarget.value;
                    if (chosen) set(index, { ...entry, organisationIds: [...entry.organisationIds, chosen] });
                    e.currentTarget.value = '';
                  }}
                >
                  <option value="">{t('pathways.editor.chooseOrganisation')}</option>
                  {addable.map((o) => (
                    <option key={o.id} value={o.id}>
                      {organisationName(o)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <button type="button" class="button button-secondary" onClick={() => onChange(entries.filter((_, i) => i !== index))}>
              {t('pathways.editor.removeRegion', { region })}
            </button>
          </div>
        );
      })}
      {free.length > 0 && (
        <button type="button" class="button button-secondary button-after" onClick={() => onChange([...entries, { key: newKey(), admin1Pcode: free[0]!.pcode, organisationIds: [] }])}>
          {t('pathways.editor.addRegion')}
        </button>
      )}
    </details>
  );
}
