import { fmtMs } from './stats.ts';
import type { LoadTimes, WebBenchResult } from './web-load.ts';
import { NETWORK_PROFILES } from './web-network.ts';
import { type FileSize, kB, total } from './web-sizes.ts';

/** The budgets (issue 4): compressed JavaScript, and time until the login form is usable. */
export const WEB_BUDGETS = {
  scriptsBytes: 150_000,
  coldMs: { 'Fast 3G': 3_000, 'Slow 3G': 8_000 },
  warmMs: 1_000,
} as const;

function verdict(value: number, limit: number): string {
  return value <= limit ? 'met' : '**not met**';
}

function sizeRows(label: string, files: readonly FileSize[]): string {
  const t = total(files);
  return `| ${label} | ${files.length} | ${kB(t.raw)} | ${kB(t.gzip)} | ${kB(t.brotli)} |`;
}

function timeRow(t: LoadTimes, which: 'cold' | 'warm'): string {
  const s = t[which];
  return `| ${t.profile} | ${which} | ${fmtMs(s.medianMs)} | ${fmtMs(s.minMs)} | ${fmtMs(s.maxMs)} | ${s.runs} |`;
}

export function renderWebReport(r: WebBenchResult): string[] {
  const shell = total(r.loginAndShell);
  const budgetRows = [
    `| JavaScript of the login page and the shell, gzip | ${kB(shell.gzip)} kB | ${kB(WEB_BUDGETS.scriptsBytes)} kB | ${verdict(shell.gzip, WEB_BUDGETS.scriptsBytes)} |`,
    `| JavaScript of the login page and the shell, brotli | ${kB(shell.brotli)} kB | ${kB(WEB_BUDGETS.scriptsBytes)} kB | ${verdict(shell.brotli, WEB_BUDGETS.scriptsBytes)} |`,
  ];
  for (const t of r.times) {
    if (t.profile === 'unthrottled') continue;
    budgetRows.push(`| login form usable, cold, ${t.profile} (median) | ${fmtMs(t.cold.medianMs)} ms | ${WEB_BUDGETS.coldMs[t.profile]} ms | ${verdict(t.cold.medianMs, WEB_BUDGETS.coldMs[t.profile])} |`);
    budgetRows.push(`| login form usable, warm (service worker), ${t.profile} (median) | ${fmtMs(t.warm.medianMs)} ms | ${WEB_BUDGETS.warmMs} ms | ${verdict(t.warm.medianMs, WEB_BUDGETS.warmMs)} |`);
  }
  const profiles = Object.entries(NETWORK_PROFILES)
    .map(([name, p]) => `${name}: ${p.latency} ms RTT, ${((p.downloadThroughput * 8) / 1000).toFixed(0)} kbit/s down, ${((p.uploadThroughput * 8) / 1000).toFixed(0)} kbit/s up`)
    .join('; ');
  return [
    '### Web app: size and load time on 3G',
    '',
    `Chromium ${r.chromium}, phone viewport (360×640). The app is built first (\`vite build\`), then served by the real server on 127.0.0.1 (embedded database). ` +
      `A *cold* visit starts in a new browser context (empty HTTP cache, no service worker); the *warm* visit is the next one in that context, answered by the service worker. ` +
      `Time runs from navigation start to the \`${'sira:login-interactive'}\` performance mark, set once the login form is rendered with its handlers (it can be typed into and sent). ` +
      `Network emulation through the DevTools protocol (\`Network.emulateNetworkConditions\`), with DevTools' presets: ${profiles}. ${r.runs} runs per case.`,
    '',
    '| budget | measured | limit | |',
    '| --- | ---: | ---: | --- |',
    ...budgetRows,
    '',
    '| network | visit | median ms | min ms | max ms | runs |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...r.times.flatMap((t) => [timeRow(t, 'cold'), timeRow(t, 'warm')]),
    '',
    'Bytes of JavaScript, as built (kB = 1000 bytes; gzip level 9 and brotli quality 11, as the build pre-compresses them):',
    '',
    '| what | files | raw kB | gzip kB | brotli kB |',
    '| --- | ---: | ---: | ---: | ---: |',
    sizeRows('needed before the login form shows (index.html: entry and preloads)', r.critical),
    sizeRows('fetched by the login page (including the form validation, prefetched once the form is usable)', r.loginPage),
    sizeRows('login page, then signing in to the home page (login page + shell)', r.loginAndShell),
    sizeRows('every script of the build (all lazily loaded pages; the service worker precaches them)', r.everyScript),
    sizeRows('stylesheet', r.css),
    '',
    `On the wire, the server sent ${kB(r.wire.bytes)} kB for the login page's scripts (headers included; content encoding: ${r.wire.encodings.join(', ')}).` +
      (r.wire.encodings.includes('none') ? ' The server does not compress them yet: the cold times above are for uncompressed scripts, so they are an upper bound; serving the pre-compressed files the build writes (`@fastify/static` `preCompressed`) divides these bytes by about three.' : ''),
    '',
  ];
}
