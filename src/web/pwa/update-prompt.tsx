import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { Icon } from '../ui/icons.tsx';
import { appUpdates } from './register.ts';
import type { UpdateState } from './update-controller.ts';

/**
 * Offers a waiting update; never applies one by itself. The words say what will happen,
 * and, when the update must wait, why and that nothing will be lost.
 */
export function UpdatePrompt() {
  const { t } = useI18n();
  const controller = appUpdates();
  const [state, setState] = useState<UpdateState>(() => controller?.getState() ?? { kind: 'current' });
  useEffect(() => {
    if (!controller) return undefined;
    setState(controller.getState()); // it may have changed between render and subscription
    return controller.subscribe(setState);
  }, [controller]);

  if (!controller || state.kind === 'current' || state.kind === 'dismissed') return null;
  const message =
    state.kind === 'available'
      ? t('shell.update.available')
      : state.kind === 'applying'
        ? t('shell.update.applying')
        : state.kind === 'reload-when-sent'
          ? t('shell.update.reloadWhenSent')
          : t('shell.update.blocked', { count: state.unknownSources > 0 && state.unsent === 0 ? 0 : state.unsent });
  const action = state.kind === 'available' ? t('shell.update.apply') : state.kind === 'blocked' ? t('shell.retry') : t('shell.update.reload');
  return (
    <div class="banner banner-update">
      <Icon name="update" />
      <div class="banner-body">
        <p>{message}</p>
        {state.kind !== 'applying' && (
          <div class="banner-actions">
            <button type="button" class="button button-primary button-inline" onClick={() => void controller.apply()}>
              {action}
            </button>
            {state.kind !== 'reload-when-sent' && (
              <button type="button" class="button button-secondary button-inline" onClick={() => controller.dismiss()}>
                {t('shell.update.later')}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
