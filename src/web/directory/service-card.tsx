import { useI18n } from '../i18n/i18n.ts';
import { Icon } from '../ui/icons.tsx';
import type { ServiceSummaryView } from './directory-api.ts';
import { type Vocabulary, regionLabel, telHref, typeIcon } from './labels.ts';

export function organisationLabel(o: { name: string; acronym: string | null }): string {
  return o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name;
}

/** Where a service is: the regions it covers, else the towns of its places. */
function whereLabel(s: ServiceSummaryView): string {
  const regions = [...new Set(s.coverage.map((p) => regionLabel(p.slice(0, 4))))];
  return (regions.length > 0 ? regions : s.cities).join(', ');
}

/** One search result: enough to choose, and the number to call straight away. */
/** A service's types, each with its pictogram when it has one: on the card and on the service page. */
export function ServiceTypes({ codes, vocabulary }: { codes: readonly string[]; vocabulary: Vocabulary }) {
  const { t } = useI18n();
  return (
    <ul class="directory-types" aria-label={t('directory.service.types')}>
      {codes.map((code) => {
        const icon = typeIcon(code);
        return (
          <li key={code}>
            {icon && <Icon name={icon} size={20} />}
            <span>{vocabulary.term(code)}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function ServiceCard({ service: s, vocabulary }: { service: ServiceSummaryView; vocabulary: Vocabulary }) {
  const { t } = useI18n();
  const where = whereLabel(s);
  return (
    <li class="card directory-card" data-service-id={s.id}>
      <h2 class="admin-item-title">
        <a href={`/directory/services/${s.id}`}>{s.name}</a>
      </h2>
      <p class="organisation">{organisationLabel(s.organisation)}</p>
      <ServiceTypes codes={s.serviceTypes} vocabulary={vocabulary} />
      {where && <p>{t('directory.card.where', { where })}</p>}
      <p class="directory-tags">
        {s.costKinds.map((kind) => (
          <span key={kind} class="directory-tag">
            {t(`directory.cost.${kind}`)}
          </span>
        ))}
        {s.openNow && (
          <span class="directory-tag is-open">
            <Icon name="done" size={18} />
            {t('directory.card.openNow')}
          </span>
        )}
      </p>
      {s.stale && (
        <p class="directory-stale">
          <Icon name="warning" size={20} />
          <span>{t('directory.card.stale')}</span>
        </p>
      )}
      {s.phone && (
        <a class="button button-secondary directory-call" href={telHref(s.phone)} aria-label={t('directory.callName', { phone: s.phone, name: s.name })}>
          {t('directory.call', { phone: s.phone })}
        </a>
      )}
    </li>
  );
}
