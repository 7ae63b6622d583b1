import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { KNOWN_AUDIT_TYPES, auditTypeLabel } from './audit-labels.ts';

export interface Filters {
  actorUserId: string;
  type: string;
  targetId: string;
  /** Days as typed in a date field (yyyy-mm-dd), or empty. */
  from: string;
  to: string;
}

export const NO_FILTERS: Filters = { actorUserId: '', type: '', targetId: '', from: '', to: '' };

/** Who, what, which record, from/to: applied together when the form is sent. */
export function AuditFilters({ value, onApply }: { value: Filters; onApply: (next: Filters) => void }) {
  const { locale, t } = useI18n();
  const [draft, setDraft] = useState<Filters>(value);
  const field = (name: keyof Filters) => ({
    id: `audit-${name}`,
    value: draft[name],
    onInput: (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => setDraft({ ...draft, [name]: e.currentTarget.value }),
  });

  return (
    <form
      class="card admin-filters"
      aria-labelledby="audit-filters-title"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <h2 id="audit-filters-title">{t('admin.audit.filters')}</h2>
      <div class="field">
        <label for="audit-actorUserId">{t('admin.audit.filterWho')}</label>
        <input type="text" autocomplete="off" spellcheck={false} {...field('actorUserId')} />
      </div>
      <div class="field">
        <label for="audit-type">{t('admin.audit.filterType')}</label>
        <select {...field('type')}>
          <option value="">{t('admin.audit.anyType')}</option>
          {KNOWN_AUDIT_TYPES.map((type) => (
            <option key={type} value={type}>
              {auditTypeLabel(locale, type)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="audit-targetId">{t('admin.audit.filterRecord')}</label>
        <input type="text" autocomplete="off" spellcheck={false} {...field('targetId')} />
      </div>
      <div class="field">
        <label for="audit-from">{t('admin.audit.from')}</label>
        <input type="date" {...field('from')} />
      </div>
      <div class="field">
        <label for="audit-to">{t('admin.audit.to')}</label>
        <input type="date" {...field('to')} />
      </div>
      <button type="submit" class="button button-primary">
        {t('admin.audit.apply')}
      </button>
      <button
        type="button"
        class="button button-secondary button-after"
        onClick={() => {
          setDraft(NO_FILTERS);
          onApply(NO_FILTERS);
        }}
      >
        {t('admin.audit.clear')}
      </button>
    </form>
  );
}
