/**
 * Renders the PNG icons of the web manifest from build/icon-svg.ts with the system's
 * Chromium, and writes them with favicon.svg into src/web/public. Run after changing the
 * mark, then commit the files (the build itself needs no browser):
 *
 *   node --import tsx src/web/build/render-icons.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { iconSvg } from './icon-svg.ts';

const PUBLIC = path.resolve(import.meta.dirname, '..', 'public');
const TARGETS = [
  { file: 'icons/icon-192.png', size: 192, variant: 'rounded' },
  { file: 'icons/icon-512.png', size: 512, variant: 'rounded' },
  { file: 'icons/maskable-512.png', size: 512, variant: 'full' },
  { file: 'icons/apple-touch-icon.png', size: 180, variant: 'full' },
] as const;

async function main(): Promise<void> {
  fs.mkdirSync(path.join(PUBLIC, 'icons'), { recursive: true });
  fs.writeFileSync(path.join(PUBLIC, 'favicon.svg'), `${iconSvg('rounded')}\n`);
  const browser = await chromium.launch({ executablePath: process.env.SIRA_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (const target of TARGETS) {
      const page = await browser.newPage({ viewport: { width: target.size, height: target.size } });
      const svg = iconSvg(target.variant).replace('<svg ', `<svg width="${target.size}" height="${target.size}" `);
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      await page.screenshot({ path: path.join(PUBLIC, target.file), omitBackground: true });
      await page.close();
      console.log(`wrote ${target.file}`);
    }
  } finally {
    await browser.close();
  }
}

await main();
