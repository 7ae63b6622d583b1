import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { ActivityPlan } from './run-api.ts';
import { activityDayList } from './run-values.ts';

/** "Jour 1 (lundi 23 novembre)": the days of the activity, as the sheet numbers them. */
export function DaySelect({ id, plan, day, onChange }: { id: string; plan: ActivityPlan; day: number; onChange(day: number): void }) {
  const { locale, t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{t('activityRun.dayChoice')}</label>
      <select id={id} value={String(day)} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {activityDayList(plan).map((d) => (
          <option key={d.day} value={String(d.day)}>
            {t('activityRun.dayWithDate', { day: d.day, date: formatDate(locale, `${d.date}T12:00:00Z`, 'full') })}
          </option>
        ))}
      </select>
    </div>
  );
}
