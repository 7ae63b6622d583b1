import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { type ServiceSummaryView, directoryKeys, searchServices } from '../directory/directory-api.ts';
import type { Vocabulary } from '../directory/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { QueryView } from '../ui/query-view.tsx';
import { RegionOptions } from '../directory/region-options.tsx';

/** Finds a service in the directory, by words, type and region, and hands the chosen one back. */
export function ServicePicker({ vocabulary, onPick }: { vocabulary: Vocabulary; onPick(service: ServiceSummaryView): void }) {
  const { locale, t } = useI18n();
  const [draft, setDraft] = useState({ q: '', serviceType: '', region: '' });
  const [search, setSearch] = useState<string | null>(null);
  const query = useQuery({
    queryKey: directoryKeys.search(`refer|${search ?? ''}`),
    queryFn: () => searchServices(search ?? '', 1, locale),
    enabled: search !== null,
  });
  return (
    <section class="card" aria-labelledby="refer-find-title">
      <h2 id="refer-find-title">{t('referrals.create.find')}</h2>
      <form
        role="search"
        aria-label={t('referrals.create.find')}
        onSubmit={(e) => {
          e.preventDefault();
          const params = new URLSearchParams();
          for (const [name, value] of Object.entries(draft)) if (value.trim()) params.set(name, value.trim());
          setSearch(params.toString());
        }}
      >
        <div class="field">
          <label for="refer-q">{t('referrals.create.words')}</label>
          <input id="refer-q" type="search" autocomplete="off" value={draft.q} onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="refer-type">{t('referrals.create.serviceType')}</label>
          <select id="refer-type" value={draft.serviceType} onChange={(e) => setDraft({ ...draft, serviceType: e.currentTarget.value })}>
            <option value="">{t('referrals.create.anyType')}</option>
            {vocabulary.serviceTypes.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="refer-region">{t('referrals.create.region')}</label>
          <select id="refer-region" value={draft.region} onChange={(e) => setDraft({ ...draft, region: e.currentTarget.value })}>
            <option value="">{t('referrals.create.anyRegion')}</option>
            <RegionOptions countryLabel={(country) => t(country === 'ML' ? 'referrals.create.countryML' : 'referrals.create.countryBF')} />
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          {t('referrals.create.search')}
        </button>
      </form>
      {search !== null && (
        <QueryView query={query}>
          {(data) =>
            data.items.length === 0 ? (
              <p class="hint" role="status">
                {t('referrals.create.noService')}
              </p>
            ) : (
              <ul class="referral-list referral-results" aria-label={t('referrals.create.results')}>
                {data.items.map((s) => (
                  <li key={s.id}>
                    <p>
                      <strong>{s.name}</strong>
                    </p>
                    <p>
                      {s.organisation.name} · {s.serviceTypes.map((c) => vocabulary.term(c)).join(', ')}
                    </p>
                    <button type="button" class="button button-secondary button-inline" aria-label={t('referrals.create.chooseName', { name: s.name })} onClick={() => onPick(s)}>
                      {t('referrals.create.choose')}
                    </button>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      )}
    </section>
  );
}
