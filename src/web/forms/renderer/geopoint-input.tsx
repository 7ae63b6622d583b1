import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.ts';

interface Props {
  id: string;
  value: string;
  readOnly: boolean;
  describedBy: string | undefined;
  invalid: boolean;
  onChange(value: string): void;
}

/** Split on one space without trimming, so "latitude only" and "longitude only" stay apart. */
function parts(value: string): [string, string] {
  const [lat = '', lon = ''] = value.split(' ');
  return [lat, lon];
}

/**
 * A place as ODK stores it ("latitude longitude"): from the phone's position when the browser
 * gives it, or typed by hand (no signal indoors, permission refused, an office computer).
 */
export function GeopointInput({ id, value, readOnly, describedBy, invalid, onChange }: Props) {
  const { t } = useI18n();
  const [lat, lon] = parts(value);
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);
  const emit = (nextLat: string, nextLon: string) => onChange(nextLat.trim() === '' && nextLon.trim() === '' ? '' : `${nextLat.trim()} ${nextLon.trim()}`);
  const locate = () => {
    setFailed(false);
    if (!('geolocation' in navigator)) {
      setFailed(true);
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const accuracy = Math.round(position.coords.accuracy);
        onChange(`${position.coords.latitude.toFixed(6)} ${position.coords.longitude.toFixed(6)} 0 ${accuracy}`);
      },
      () => {
        setLocating(false);
        setFailed(true);
      },
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 60_000 },
    );
  };
  return (
    <div class="geopoint">
      {!readOnly && (
        <button type="button" class="button button-secondary" disabled={locating} aria-busy={locating} onClick={locate}>
          {locating ? t('formFill.geopoint.locating') : t('formFill.geopoint.locate')}
        </button>
      )}
      {failed && (
        <p class="field-hint" role="status">
          {t('formFill.geopoint.unavailable')}
        </p>
      )}
      <div class="geopoint-fields">
        <div>
          <label for={`${id}-lat`}>{t('formFill.geopoint.latitude')}</label>
          <input id={`${id}-lat`} type="text" inputMode="decimal" value={lat} readOnly={readOnly} aria-invalid={invalid || undefined} aria-describedby={describedBy} onInput={(e) => emit(e.currentTarget.value, lon)} />
        </div>
        <div>
          <label for={`${id}-lon`}>{t('formFill.geopoint.longitude')}</label>
          <input id={`${id}-lon`} type="text" inputMode="decimal" value={lon} readOnly={readOnly} aria-invalid={invalid || undefined} aria-describedby={describedBy} onInput={(e) => emit(lat, e.currentTarget.value)} />
        </div>
      </div>
    </div>
  );
}
