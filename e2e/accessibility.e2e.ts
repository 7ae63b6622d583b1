import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, openApp, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();

describe('accessibility (axe-core: no serious or critical violation)', () => {
  for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`login page, on a ${name}, also once an error is shown`, async () => {
      const { context, page } = await openApp(env.browser, env.server.url, viewport);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await signInThroughForm(page, env.server.user.email, 'not the right password');
      await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('login page in Bambara', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await page.getByRole('button', { name: 'Bamanankan' }).click();
    await page.getByLabel('Gundodaɲɛ').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('home page', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await signInThroughForm(page, env.server.user.email, env.server.user.password);
    await page.getByRole('heading', { name: `Bonjour, ${env.server.user.displayName}` }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('the skip link is the first stop and moves focus to the content', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });
});
