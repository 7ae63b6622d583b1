import { render } from 'preact';
import { App } from './app.tsx';
import { readDeviceLocale } from './i18n/device-locale.ts';
import './styles.css';

const root = document.getElementById('app');
if (root) render(<App initialLocale={readDeviceLocale()} />, root);
