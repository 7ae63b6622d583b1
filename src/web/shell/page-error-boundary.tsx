import { Component, type ComponentChildren } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import { Icon } from '../ui/icons.tsx';

interface State {
  failed: boolean;
}

/**
 * A page whose code could not be loaded (connection lost before the service worker had it,
 * or a version replaced on the server) says so and offers a retry, instead of a blank screen.
 */
interface Props {
  /** The current address: moving to another page clears the failure. */
  path: string;
  children: ComponentChildren;
}

export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  override componentDidCatch(): void {
    this.setState({ failed: true });
  }

  // Not a `key`: remounting would also drop the signed-in area and its cache on every page.
  override componentDidUpdate(previous: Props): void {
    if (previous.path !== this.props.path && this.state.failed) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

function LoadFailed() {
  const { t } = useI18n();
  return (
    <div class="notice notice-danger" role="alert">
      <Icon name="warning" />
      <div class="banner-body">
        <p>{t('shell.loadError')}</p>
        <button type="button" class="button button-secondary button-inline" onClick={() => window.location.reload()}>
          {t('shell.retry')}
        </button>
      </div>
    </div>
  );
}
