import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { type DirectorySearch, EMPTY_SEARCH, activeFilters } from './directory-api.ts';
import { LANGUAGE_CODES, type Vocabulary, languageName } from './labels.ts';
import { RegionOptions } from './region-options.tsx';

interface Props {
  value: DirectorySearch;
  vocabulary: Vocabulary;
  onSearch: (next: DirectorySearch) => void;
}

const COST_KINDS = ['free', 'cost_shared', 'paid'] as const;

/**
 * Words and filters, sent together: one request per search rather than one per keystroke
 * (bytes matter on 2G). The filters fold away after each search, so that on a phone the
 * results come right under the form; the folded title says how many are in use.
 */
export function SearchForm({ value, vocabulary, onSearch }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<DirectorySearch>(value);
  const used = activeFilters(value).length;
  const select = (name: 'serviceType' | 'region' | 'targetGroup' | 'cost' | 'language') => ({
    id: `directory-${name}`,
    value: draft[name],
    onChange: (e: { currentTarget: HTMLSelectElement }) => setDraft({ ...draft, [name]: e.currentTarget.value }),
  });

  return (
    <form
      class="card directory-search"
      role="search"
      aria-label={t('directory.search.label')}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(draft);
      }}
    >
      <div class="field">
        <label for="directory-q">{t('directory.search.words')}</label>
        <p class="field-hint" id="directory-q-hint">
          {t('directory.search.wordsHint')}
        </p>
        <input id="directory-q" type="search" autocomplete="off" aria-describedby="directory-q-hint" value={draft.q} onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })} />
      </div>
      <details class="directory-filters">
        <summary>{used > 0 ? t('directory.search.filtersUsed', { count: used }) : t('directory.search.filters')}</summary>
        <FilterSelect {...select('serviceType')} label={t('directory.filter.serviceType')} any={t('directory.filter.anyServiceType')} options={vocabulary.serviceTypes.map((term) => [term.code, term.label] as const)} />
        <div class="field">
          <label for="directory-region">{t('directory.filter.region')}</label>
          <select {...select('region')}>
            <option value="">{t('directory.filter.anyRegion')}</option>
            <RegionOptions countryLabel={(country) => t(country === 'ML' ? 'directory.country.ML' : 'directory.country.BF')} />
          </select>
        </div>
        <FilterSelect {...select('targetGroup')} label={t('directory.filter.targetGroup')} any={t('directory.filter.anyTargetGroup')} options={vocabulary.targetGroups.map((term) => [term.code, term.label] as const)} />
        <FilterSelect {...select('cost')} label={t('directory.filter.cost')} any={t('directory.filter.anyCost')} options={COST_KINDS.map((kind) => [kind, t(`directory.cost.${kind}`)] as const)} />
        <FilterSelect {...select('language')} label={t('directory.filter.language')} any={t('directory.filter.anyLanguage')} options={LANGUAGE_CODES.map((code) => [code, languageName(code)] as const)} />
        <label class="admin-check">
          <input type="checkbox" checked={draft.openNow} onChange={(e) => setDraft({ ...draft, openNow: e.currentTarget.checked })} />
          {t('directory.filter.openNow')}
        </label>
      </details>
      <button type="submit" class="button button-primary">
        {t('directory.search.submit')}
      </button>
      {(used > 0 || value.q) && (
        <button
          type="button"
          class="button button-secondary button-after"
          onClick={() => {
            setDraft(EMPTY_SEARCH);
            onSearch(EMPTY_SEARCH);
          }}
        >
          {t('directory.search.clear')}
        </button>
      )}
    </form>
  );
}

interface FilterSelectProps {
  id: string;
  value: string;
  onChange: (e: { currentTarget: HTMLSelectElement }) => void;
  label: string;
  /** The first option, which leaves the filter off. */
  any: string;
  options: readonly (readonly [value: string, label: string])[];
}

/** One filter: a labelled list whose first choice means "any". */
function FilterSelect({ id, value, onChange, label, any, options }: FilterSelectProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={onChange}>
        <option value="">{any}</option>
        {options.map(([code, text]) => (
          <option key={code} value={code}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
