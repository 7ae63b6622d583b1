import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';

interface Props {
  name: string;
  token: string;
  onClose: () => void;
}

/** A new token, shown this once: the server keeps only its hash and the app keeps nothing. */
export function TokenSecret({ name, token, onClose }: Props) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone: focus the news, so a screen reader hears it.
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (plain HTTP): the token stays selectable on screen
    }
  };

  return (
    <section class="card admin-once" aria-labelledby="token-secret-title">
      <h2 id="token-secret-title" tabIndex={-1} ref={heading}>
        {t('tokens.createdTitle', { name })}
      </h2>
      <p class="admin-warning">{t('tokens.onceWarning')}</p>
      <label for="token-secret">{t('tokens.secret')}</label>
      <input id="token-secret" type="text" readOnly value={token} class="token-secret" onFocus={(e) => e.currentTarget.select()} />
      <p role="status">{copied ? t('tokens.copied') : ''}</p>
      <button type="button" class="button button-primary" onClick={copy}>
        {t('tokens.copy')}
      </button>
      <button type="button" class="button button-secondary button-after" onClick={onClose}>
        {t('tokens.done')}
      </button>
    </section>
  );
}
