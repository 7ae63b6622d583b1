import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { auditTypeLabel } from './audit-labels.ts';

export interface AuditEvent {
  seq: number;
  occurredAt: string;
  type: string;
  actorUserId: string | null;
  targetType: string | null;
  targetIds: string[];
  data: Record<string, unknown>;
}

/** One event: when, what (with the command's name), who, on which record. */
export function AuditEventItem({ event }: { event: AuditEvent }) {
  const { locale, t } = useI18n();
  const command = typeof event.data['command'] === 'string' ? event.data['command'] : undefined;
  return (
    <li class="card admin-item">
      <p class="admin-item-title">
        <strong>{auditTypeLabel(locale, event.type)}</strong>
        {command && (
          <>
            {' '}
            <code>{command}</code>
          </>
        )}
      </p>
      <p>
        <time dateTime={event.occurredAt}>{formatDateTime(locale, event.occurredAt)}</time>
      </p>
      <p>
        {t('admin.audit.who')} <code class="admin-id">{event.actorUserId ?? t('admin.audit.system')}</code>
      </p>
      {event.targetIds.length > 0 && (
        <p>
          {t('admin.audit.record')} <code class="admin-id">{`${event.targetType ?? ''} ${event.targetIds.join(', ')}`.trim()}</code>
        </p>
      )}
    </li>
  );
}
