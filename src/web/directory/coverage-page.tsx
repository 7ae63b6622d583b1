import './messages.ts';
import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import type { Country } from '../../domain/geo/admin1.ts';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { formatNumber } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Page } from '../shell/page.tsx';
import { Icon } from '../ui/icons.tsx';
import { type Coverage, EMPTY_SEARCH, directoryKeys, directoryPath, getCoverage } from './directory-api.ts';
import './directory.css';
import { type RegionChoice, type TermChoice, regionsOf, typeIcon, useVocabulary } from './labels.ts';

const COUNTRIES: readonly Country[] = ['ML', 'BF'];

/**
 * For coordinators: service types × regions with the number of organisations offering each
 * (active services only). A gap reads as a word and a pictogram, not as a colour alone. On a
 * phone the table scrolls sideways under a fixed first column, or shows one region at a time.
 */
export function CoveragePage() {
  const { locale, t } = useI18n();
  const [country, setCountry] = useState<Country>('ML');
  const [regionCode, setRegionCode] = useState('');
  const coverage = useQuery({ queryKey: directoryKeys.coverage, queryFn: () => getCoverage(locale) });
  const vocabulary = useVocabulary();
  const regions = regionsOf(country).filter((r) => !regionCode || r.pcode === regionCode);

  return (
    <Page id="coverage-title" title={t('nav.coverage')}>
      <p class="hint">{t('directory.coverage.intro')}</p>
      <div class="card coverage-choice">
        <div class="field">
          <label for="coverage-country">{t('directory.coverage.country')}</label>
          <select
            id="coverage-country"
            value={country}
            onChange={(e) => {
              setCountry(e.currentTarget.value as Country);
              setRegionCode('');
            }}
          >
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {t(`directory.country.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="coverage-region">{t('directory.coverage.region')}</label>
          <select id="coverage-region" value={regionCode} onChange={(e) => setRegionCode(e.currentTarget.value)}>
            <option value="">{t('directory.coverage.allRegions')}</option>
            {regionsOf(country).map((r) => (
              <option key={r.pcode} value={r.pcode}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {coverage.isPending || vocabulary.isPending ? (
        <p class="card" role="status">
          {coverage.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
        </p>
      ) : coverage.isError || vocabulary.isError ? (
        <div class="form-error" role="alert">
          {problemMessage(coverage.error instanceof ApiFailure ? coverage.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : (
        <CoverageTable coverage={coverage.data} types={vocabulary.serviceTypes} regions={regions} />
      )}
    </Page>
  );
}

function CoverageTable({ coverage, types, regions }: { coverage: Coverage; types: TermChoice[]; regions: RegionChoice[] }) {
  const { locale, t } = useI18n();
  const counts = new Map(coverage.cells.map((c) => [`${c.serviceType}|${c.region}`, c.providers]));
  const count = (type: string, region: string) => counts.get(`${type}|${region}`) ?? 0;
  const gaps = types.reduce((n, type) => n + regions.filter((r) => count(type.code, r.pcode) === 0).length, 0);
  return (
    <>
      <p class="coverage-summary" role="status">
        {t('directory.coverage.gaps', { count: gaps, shown: formatNumber(locale, gaps), cells: formatNumber(locale, types.length * regions.length) })}
      </p>
      {/* The title stays outside the scrolled box, so a phone shows it whole. */}
      <h2 id="coverage-caption" class="coverage-caption">
        {t('directory.coverage.caption')}
      </h2>
      {/* Focusable so a keyboard can scroll it sideways. */}
      <div class="coverage-scroll" role="region" aria-labelledby="coverage-caption" tabIndex={0}>
        <table class="coverage-table" aria-labelledby="coverage-caption">
          <thead>
            <tr>
              <th scope="col">{t('directory.coverage.serviceType')}</th>
              {regions.map((r) => (
                <th key={r.pcode} scope="col">
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {types.map((type) => {
              const icon = typeIcon(type.code);
              return (
                <tr key={type.code} data-service-type={type.code}>
                  <th scope="row" class={type.parentCode ? 'is-child' : undefined}>
                    <span class="coverage-type">
                      {icon && <Icon name={icon} size={20} />}
                      <span>{type.label}</span>
                    </span>
                  </th>
                  {regions.map((r) => {
                    const n = count(type.code, r.pcode);
                    return n === 0 ? (
                      <td key={r.pcode} class="coverage-gap" data-region={r.pcode}>
                        <Icon name="warning" size={18} />
                        <span>{t('directory.coverage.none')}</span>
                      </td>
                    ) : (
                      <td key={r.pcode} data-region={r.pcode}>
                        <a
                          href={directoryPath({ ...EMPTY_SEARCH, serviceType: type.code, region: r.pcode })}
                          aria-label={t('directory.coverage.providersIn', { count: n, type: type.label, region: r.name })}
                        >
                          {formatNumber(locale, n)}
                        </a>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
