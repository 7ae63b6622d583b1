import { render } from 'preact';
import { App } from './app.tsx';
import { readDeviceLocale } from './i18n/device-locale.ts';
import { startServiceWorker } from './pwa/register.ts';
import './styles.css';
import './ui/ui.css';
import './shell/shell.css';
import './shell/pages.css';

// Before the first render, so that the update prompt finds the controller; the worker
// itself registers only once the page has loaded.
startServiceWorker();
const root = document.getElementById('app');
if (root) render(<App initialLocale={readDeviceLocale()} />, root);
