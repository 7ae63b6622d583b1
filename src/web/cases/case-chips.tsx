import { useI18n } from '../i18n/i18n.ts';
import { categoryKey, regionName, riskKey, riskTone } from './labels.ts';

interface Props {
  category: string;
  riskLevel: string;
  isChild: boolean;
  regionPcode?: string | undefined;
}

/** What a case is about at a glance: category, risk (word and colour), child, region. */
export function CaseChips({ category, riskLevel, isChild, regionPcode }: Props) {
  const { t } = useI18n();
  return (
    <p class="case-chips">
      <span class="chip">{t(categoryKey(category))}</span>
      <span class={`chip tone-${riskTone(riskLevel)}`}>{t(riskKey(riskLevel))}</span>
      {isChild && <span class="chip">{t('registration.child')}</span>}
      {regionPcode && <span class="chip">{regionName(regionPcode)}</span>}
    </p>
  );
}
