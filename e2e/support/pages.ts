import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PHONE, openApp, seriousAccessibilityViolations, signInThroughForm } from './browser.ts';
import type { E2eUser } from './server.ts';

/** A phone-sized page signed in as this user, opened at `path` once its heading shows. */
export async function signedInPage(browser: Browser, url: string, user: E2eUser, path: string): Promise<Page> {
  const { page } = await openApp(browser, url, PHONE);
  await signInThroughForm(page, user.email, user.password);
  await page.getByRole('navigation').first().waitFor();
  await page.goto(`${url}${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

export async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** The page fits a 360 px phone: nothing to scroll sideways. */
export async function expectFitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

export const bodyText = (page: Page) => page.locator('body').innerText();
