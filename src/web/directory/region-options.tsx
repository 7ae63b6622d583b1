import { COUNTRIES, type Country } from '../../domain/geo/admin1.ts';
import { regionsOf } from './labels.ts';

/** A region select's options: one group per country, each region by name, its P-code as value. */
export function RegionOptions({ countryLabel }: { countryLabel: (country: Country) => string }) {
  return (
    <>
      {COUNTRIES.map((country) => (
        <optgroup key={country} label={countryLabel(country)}>
          {regionsOf(country).map((r) => (
            <option key={r.pcode} value={r.pcode}>
              {r.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
