import { useMutation } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { type UserItem, commandWithEphemeral } from './admin-api.ts';

interface Link {
  url: string;
  expiresAt: string;
}

/** Issues a one-time password-reset link: shown once, here only, never stored by the app. */
export function UserResetLink({ user, me }: { user: UserItem; me: CurrentUser }) {
  const { locale, t } = useI18n();
  const [copied, setCopied] = useState(false);
  const issue = useMutation({
    mutationFn: () => commandWithEphemeral<Link>('user.issue_password_reset', { userId: user.id }, locale, me.csrfToken),
    onMutate: () => setCopied(false),
  });
  const failure = issue.error instanceof ApiFailure ? issue.error.problem : undefined;
  const link = issue.data && `${location.origin}${issue.data.url}`;
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (plain HTTP): the link stays selectable on screen
    }
  };

  return (
    <section class="admin-section" aria-labelledby={`reset-${user.id}`}>
      <h3 id={`reset-${user.id}`}>{t('admin.reset.title')}</h3>
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {link && issue.data ? (
        <div class="admin-once" role="status">
          <p class="admin-warning">{t('admin.reset.warning', { date: formatDateTime(locale, issue.data.expiresAt) })}</p>
          <label for={`reset-link-${user.id}`}>{t('admin.reset.link')}</label>
          <input id={`reset-link-${user.id}`} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" class="button button-secondary button-after" onClick={copy}>
            {copied ? t('admin.reset.copied') : t('admin.reset.copy')}
          </button>
        </div>
      ) : (
        <button type="button" class="button button-secondary" disabled={issue.isPending} aria-busy={issue.isPending} onClick={() => issue.mutate()}>
          {t('admin.reset.issue')}
        </button>
      )}
    </section>
  );
}
