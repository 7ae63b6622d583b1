import { useI18n } from '../i18n/i18n.ts';
import { Icon } from './icons.tsx';
import { STATUSES, type StatusName } from './pictograms.ts';

/** Pictogram, word and colour together: none of the three carries the meaning alone. */
export function StatusBadge({ status }: { status: StatusName }) {
  const { t } = useI18n();
  const { icon, label, tone } = STATUSES[status];
  return (
    <span class={`status-badge tone-${tone}`}>
      <Icon name={icon} size={20} />
      <span>{t(label)}</span>
    </span>
  );
}
