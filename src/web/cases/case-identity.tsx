import { Fragment } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import type { CaseDetail } from './cases-api.ts';
import { countryName, documentKey, languageName, sexKey } from './labels.ts';

/** Who the person is, as registered; gone once their identifying data was erased. */
export function CaseIdentity({ file }: { file: CaseDetail }) {
  const { locale, t } = useI18n();
  const identity = file.identity;
  const rows: [string, string | undefined][] = identity
    ? [
        [t('registration.identity.givenName'), identity.givenName],
        [t('registration.identity.familyName'), identity.familyName],
        [t('registration.identity.aliases'), identity.aliases.join(', ') || undefined],
        [t('registration.identity.dateOfBirth'), identity.dateOfBirth],
        [t('registration.identity.estimatedAge'), identity.estimatedAge === undefined ? undefined : String(identity.estimatedAge)],
        [t('registration.identity.ageUncertain'), identity.ageUncertain ? t('registration.yes') : undefined],
        [t('registration.identity.sex'), t(sexKey(file.sex))],
        [t('registration.identity.nationality'), file.nationality ? countryName(locale, file.nationality) : undefined],
        [t('registration.identity.preferredLanguage'), file.preferredLanguage ? languageName(file.preferredLanguage) : undefined],
        [t('registration.identity.phone'), identity.phone],
        [t('registration.identity.motherName'), identity.motherName],
        [t('registration.case.fatherName'), identity.fatherName],
        [t('registration.identity.placeOfOrigin'), identity.placeOfOrigin],
        [t('registration.case.currentAddress'), identity.currentAddress],
        [t('registration.identity.documents'), identity.documents.map((d) => `${t(documentKey(d.type))} ${d.number}`).join(', ') || undefined],
        [t('registration.identity.caregiverName'), identity.caregiverName],
        [t('registration.identity.caregiverPhone'), identity.caregiverPhone],
      ]
    : [];
  return (
    <section class="card" aria-labelledby="case-identity-title">
      <h2 id="case-identity-title">{t('registration.case.identity')}</h2>
      {!identity ? (
        <p>{t('registration.case.identityErased')}</p>
      ) : (
        <dl class="facts">
          {rows
            .filter((r): r is [string, string] => Boolean(r[1]))
            .map(([label, value]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
        </dl>
      )}
    </section>
  );
}
