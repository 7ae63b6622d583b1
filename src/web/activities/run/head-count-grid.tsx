import { useMutation, useQuery } from '@tanstack/preact-query';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { newCommandId } from '../../api/uuid.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { QueryView } from '../../ui/query-view.tsx';
import { DaySelect } from './day-select.tsx';
import { AGE_BANDS, PARTICIPANT_CATEGORIES, SEXES, ageBandKey, categoryKey, sexKey } from './labels.ts';
import type { RunContext } from './run-frame.tsx';
import { type HeadCount, getHeadCounts, runCommand, runKeys } from './run-api.ts';
import { type Cells, cellKey, dayTotal, isWrongCount, toCells, toCounts, todayInActivity } from './run-values.ts';

/**
 * Anonymous attendance: how many came, per day, by category, age band and sex. A category is
 * opened only when someone of it came, so a phone shows one small grid at a time.
 */
export function HeadCountGrid({ ctx }: { ctx: RunContext }) {
  const { locale } = useI18n();
  const id = ctx.detail.id;
  const stored = useQuery({ queryKey: runKeys.headCounts(id), queryFn: () => getHeadCounts(id, locale) });
  return <QueryView query={stored}>{(data) => <Grid ctx={ctx} counts={data.counts} />}</QueryView>;
}

function Grid({ ctx, counts }: { ctx: RunContext; counts: readonly HeadCount[] }) {
  const { locale, t } = useI18n();
  const [day, setDay] = useState(() => todayInActivity(ctx.plan));
  const [cells, setCells] = useState<Cells>(() => toCells(counts));
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const commandId = useRef(newCommandId());
  const storedKey = JSON.stringify(counts);
  useEffect(() => setCells(toCells(counts)), [storedKey]);

  const save = useMutation({
    mutationFn: (all: HeadCount[]) => runCommand<{ total: number }>('activity.set_head_counts', { activityId: ctx.detail.id, counts: all }, locale, ctx.me.csrfToken, commandId.current),
    onSuccess: (result) => {
      commandId.current = newCommandId();
      setSaved(result.total);
      void ctx.refresh();
    },
  });
  const failure = save.error instanceof ApiFailure ? save.error.problem : undefined;
  const set = (key: string, value: string) => {
    setCells({ ...cells, [key]: value });
    setSaved(null);
    commandId.current = newCommandId();
  };
  return (
    <form
      class="card"
      noValidate
      aria-labelledby="head-counts-title"
      onSubmit={(e) => {
        e.preventDefault();
        const all = toCounts(cells);
        setInvalid(all === null);
        if (all) save.mutate(all);
      }}
    >
      <h2 id="head-counts-title">{t('activityRun.headCounts.title')}</h2>
      <p class="hint">{t('activityRun.headCounts.hint')}</p>
      <DaySelect
        id="head-count-day"
        plan={ctx.plan}
        day={day}
        onChange={(d) => {
          setDay(d);
          setSaved(null);
        }}
      />
      {PARTICIPANT_CATEGORIES.map((category) => {
        const some = SEXES.some((s) => AGE_BANDS.some((a) => Number(cells[cellKey(day, s, a, category)] || 0) > 0));
        const caption = t('activityRun.headCounts.caption', { category: t(categoryKey(category)), day });
        return (
          <details key={`${day}-${category}`} class="run-details" open={some}>
            <summary>{t(categoryKey(category))}</summary>
            <div class="run-scroll" tabIndex={0} role="region" aria-label={caption}>
              <table class="run-table run-grid">
                <caption class="run-sr">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('activityRun.participant.ageBand')}</th>
                    {SEXES.map((s) => (
                      <th key={s} scope="col">
                        {t(sexKey(s))}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {AGE_BANDS.map((a) => (
                    <tr key={a}>
                      <th scope="row">{t(ageBandKey(a))}</th>
                      {SEXES.map((s) => {
                        const key = cellKey(day, s, a, category);
                        const value = cells[key] ?? '';
                        return (
                          <td key={s}>
                            <input
                              type="text"
                              inputMode="numeric"
                              pattern="[0-9]*"
                              autocomplete="off"
                              maxLength={6}
                              value={value}
                              aria-label={t('activityRun.headCounts.cell', { category: t(categoryKey(category)), ageBand: t(ageBandKey(a)), sex: t(sexKey(s)), day })}
                              aria-invalid={isWrongCount(value) ? true : undefined}
                              onInput={(e) => set(key, e.currentTarget.value)}
                            />
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        );
      })}
      <p class="run-total-line">{t('activityRun.headCounts.dayTotal', { day, count: dayTotal(cells, day) })}</p>
      <div class={failure || invalid ? 'form-error' : 'form-error is-empty'} role="alert">
        {invalid ? t('activityRun.headCounts.invalid') : failure && problemMessage(failure, locale)}
      </div>
      <p class={saved === null ? 'run-saved is-empty' : 'run-saved'} role="status">
        {saved !== null && t('activityRun.headCounts.saved', { count: saved })}
      </p>
      <button type="submit" class="button button-primary" disabled={save.isPending} aria-busy={save.isPending}>
        {t('activityRun.headCounts.save')}
      </button>
    </form>
  );
}
