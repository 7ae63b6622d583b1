import { Fragment } from 'preact';
import { WEEKDAYS, type Weekday } from '../../domain/directory/schedule.ts';
import { formatDate, formatXof } from '../i18n/format.ts';
import { type Translate, useI18n } from '../i18n/i18n.ts';
import { Icon } from '../ui/icons.tsx';
import type { ServiceDetailView } from './directory-api.ts';
import { ServiceTypes } from './service-card.tsx';
import { type Vocabulary, languageName, regionLabel, telHref } from './labels.ts';

/** Days in week order; three or more in a row read as a range ("lundi – vendredi"). */
export function daysLabel(days: readonly Weekday[], t: Translate): string {
  const sorted = WEEKDAYS.filter((d) => days.includes(d));
  const runs: Weekday[][] = [];
  for (const day of sorted) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && WEEKDAYS.indexOf(day) === WEEKDAYS.indexOf(previous) + 1) run.push(day);
    else runs.push([day]);
  }
  const name = (d: Weekday) => t(`directory.day.${d}`);
  return runs
    .flatMap((run) => (run.length >= 3 ? [t('directory.hours.days', { from: name(run[0]!), to: name(run[run.length - 1]!) })] : run.map(name)))
    .join(', ');
}

function ageLabel(min: number | null, max: number | null, t: Translate): string {
  if (min !== null && max !== null) return t('directory.service.ageRange', { min, max });
  return min !== null ? t('directory.service.ageFrom', { min }) : t('directory.service.ageUpTo', { max: max ?? 0 });
}

/** How to reach the service: phones first (large targets to call), then e-mail, website and contacts. */
export function ServiceContact({ service: s }: { service: ServiceDetailView }) {
  const { t } = useI18n();
  if (s.phones.length === 0 && !s.email && !s.url && s.contacts.length === 0) return null;
  return (
    <section class="card" aria-labelledby="service-contact">
      <h2 id="service-contact">{t('directory.service.contact')}</h2>
      {s.phones.length > 0 && (
        <ul class="directory-phones">
          {s.phones.map((p) => (
            <li key={p.number}>
              <a class="button button-primary directory-call" href={telHref(p.number)} aria-label={t('directory.callName', { phone: p.number, name: s.name })}>
                <span>{t('directory.call', { phone: p.number })}</span>
                {p.extension !== null && <span>{t('directory.service.extension', { extension: p.extension })}</span>}
              </a>
              {(p.description || p.languages.length > 0) && (
                <p class="field-hint">{[p.description, p.languages.map(languageName).join(', ')].filter(Boolean).join(' · ')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <dl class="facts">
        {s.email && (
          <>
            <dt>{t('directory.service.email')}</dt>
            <dd>
              <a href={`mailto:${s.email}`}>{s.email}</a>
            </dd>
          </>
        )}
        {s.url && (
          <>
            <dt>{t('directory.service.website')}</dt>
            <dd>
              <a href={s.url} rel="noopener noreferrer" target="_blank">
                {s.url}
              </a>
            </dd>
          </>
        )}
        {s.contacts.map((c, i) => (
          <Fragment key={i}>
            <dt>{t('directory.service.contactPerson')}</dt>
            <dd>
              {[c.name, c.title, c.department].filter(Boolean).join(', ')}
              {c.phone && (
                <>
                  {' · '}
                  <a href={telHref(c.phone)}>{c.phone}</a>
                </>
              )}
              {c.email && (
                <>
                  {' · '}
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                </>
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

/** Who it is for, what it costs, in which languages, when it is open, how many places are left, where it works. */
export function ServiceFacts({ service: s, vocabulary }: { service: ServiceDetailView; vocabulary: Vocabulary }) {
  const { locale, t } = useI18n();
  return (
    <section class="card" aria-labelledby="service-facts">
      <h2 id="service-facts">{t('directory.service.facts')}</h2>
      <ServiceTypes codes={s.serviceTypes} vocabulary={vocabulary} />
      <dl class="facts">
        <dt>{t('directory.service.targetGroups')}</dt>
        <dd>{s.targetGroups.length > 0 ? s.targetGroups.map((c) => vocabulary.term(c)).join(', ') : t('directory.service.everyone')}</dd>
        {(s.minimumAge !== null || s.maximumAge !== null) && (
          <>
            <dt>{t('directory.service.ages')}</dt>
            <dd>{ageLabel(s.minimumAge, s.maximumAge, t)}</dd>
          </>
        )}
        {s.eligibilityDescription && (
          <>
            <dt>{t('directory.service.eligibility')}</dt>
            <dd class="directory-text">{s.eligibilityDescription}</dd>
          </>
        )}
        {s.applicationProcess && (
          <>
            <dt>{t('directory.service.application')}</dt>
            <dd class="directory-text">{s.applicationProcess}</dd>
          </>
        )}
        <dt>{t('directory.service.cost')}</dt>
        <dd>
          {s.costs.length === 0 && !s.feesDescription ? (
            t('directory.service.costUnknown')
          ) : (
            <ul class="directory-plain">
              {s.costs.map((c, i) => (
                <li key={i}>
                  {[t(`directory.cost.${c.kind}`), c.amount !== null && c.amount > 0 ? formatXof(locale, c.amount) : null, c.description].filter(Boolean).join(' · ')}
                </li>
              ))}
              {s.feesDescription && <li class="directory-text">{s.feesDescription}</li>}
            </ul>
          )}
        </dd>
        <dt>{t('directory.service.languages')}</dt>
        <dd>{s.languages.length > 0 ? s.languages.map(languageName).join(', ') : t('directory.service.unknown')}</dd>
        {s.interpretationServices && (
          <>
            <dt>{t('directory.service.interpretation')}</dt>
            <dd>{s.interpretationServices}</dd>
          </>
        )}
        <dt>{t('directory.service.hours')}</dt>
        <dd>
          {s.schedules.length === 0 ? (
            t('directory.service.unknown')
          ) : (
            <ul class="directory-plain">
              {s.schedules.map((h, i) => (
                <li key={i}>
                  {t('directory.hours.line', { days: daysLabel(h.days, t), opens: h.opensAt, closes: h.closesAt })}
                  {h.notes && ` (${h.notes})`}
                </li>
              ))}
            </ul>
          )}
          {s.openNow && (
            <span class="directory-tag is-open">
              <Icon name="done" size={18} />
              {t('directory.card.openNow')}
            </span>
          )}
        </dd>
        {s.capacity && (
          <>
            <dt>{t('directory.service.capacity')}</dt>
            <dd>
              {t(`directory.capacity.${s.capacity.unit}`, { available: s.capacity.available })}
              {s.capacity.maximum !== null && ` ${t('directory.capacity.ofMaximum', { maximum: s.capacity.maximum })}`}
              {s.capacity.description && ` (${s.capacity.description})`}
              <br />
              <span class="field-hint">{t('directory.capacity.updated', { date: formatDate(locale, s.capacity.updatedAt, 'long') })}</span>
            </dd>
          </>
        )}
        <dt>{t('directory.service.coverage')}</dt>
        <dd>{s.coverage.length > 0 ? s.coverage.map(regionLabel).join(', ') : t('directory.service.unknown')}</dd>
      </dl>
    </section>
  );
}

/** Each place: its name, its address (withheld for a safe house unless one keeps the entry), how to get there. */
export function ServicePlaces({ service: s }: { service: ServiceDetailView }) {
  const { t } = useI18n();
  if (s.locations.length === 0) return null;
  return (
    <section class="card" aria-labelledby="service-places">
      <h2 id="service-places">{t('directory.service.places')}</h2>
      <ul class="directory-plain directory-places">
        {s.locations.map((l) => {
          const region = l.admin2Pcode ?? l.admin1Pcode;
          const lines = l.address ? [l.address.address1, l.address.address2, [l.address.city, l.address.region].filter(Boolean).join(', ')].filter(Boolean) : [];
          return (
            <li key={l.id}>
              {l.name && <p class="directory-place-name">{l.name}</p>}
              {lines.length > 0 && (
                <address>
                  {lines.map((line) => (
                    <span key={line} class="directory-line">
                      {line}
                    </span>
                  ))}
                </address>
              )}
              {region && regionLabel(region) !== l.address?.city && <p>{regionLabel(region)}</p>}
              {l.confidential && <p class="field-hint">{l.address ? t('directory.service.confidentialShown') : t('directory.service.confidentialHidden')}</p>}
              {l.locationType === 'virtual' && <p class="field-hint">{t('directory.service.virtual')}</p>}
              {l.transportation && <p class="field-hint">{t('directory.service.transportation', { how: l.transportation })}</p>}
              {l.description && <p class="directory-text">{l.description}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
