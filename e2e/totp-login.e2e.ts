import { describe, expect, it } from 'vitest';
import { MIN_TOUCH_PX, PHONE, height, openApp, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();
const CODE_LABEL = 'Code à 6 chiffres';
const CHECK = 'Valider le code';

/** Six digits no authenticator would accept now (not the code of this, the previous or the next step). */
function wrongCode(): string {
  const now = Date.now();
  const accepted = new Set([-30_000, 0, 30_000].map((shift) => env.server.totpUser.code(now + shift)));
  for (let n = 123456; ; n = (n + 111111) % 1_000_000) {
    const code = String(n).padStart(6, '0');
    if (!accepted.has(code)) return code;
  }
}

describe('sign-in with a second factor (TOTP)', () => {
  it('asks for the code after a right password, refuses a wrong one in French, then signs in', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    const { totpUser } = env.server;
    await signInThroughForm(page, totpUser.email, totpUser.password);

    const code = page.getByLabel(CODE_LABEL);
    await code.waitFor();
    // No session before the code: the password alone opens nothing.
    expect((await context.cookies()).map((c) => c.name)).not.toContain('sira_session');
    await expect(code.getAttribute('inputmode')).resolves.toBe('numeric');
    await expect(code.getAttribute('autocomplete')).resolves.toBe('one-time-code');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('totp-code');
    for (const target of [code, page.getByRole('button', { name: CHECK })]) expect(await height(target)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Too short: said next to the field, without asking the server.
    await code.fill('123');
    await page.getByRole('button', { name: CHECK }).click();
    await expect(code.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByText('Saisissez les 6 chiffres du code.').waitFor();

    await code.fill(wrongCode());
    await page.getByRole('button', { name: CHECK }).click();
    await page.getByRole('alert').filter({ hasText: 'Code de vérification incorrect ou déjà utilisé.' }).waitFor();
    await expect(code.inputValue()).resolves.toBe('');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('totp-code');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await code.fill(totpUser.code());
    await page.getByRole('button', { name: CHECK }).click();
    await page.getByRole('heading', { name: `Bonjour, ${totpUser.displayName}` }).waitFor();
    expect((await context.cookies()).map((c) => c.name)).toContain('sira_session');
    expect((await context.request.get(`${env.server.url}/api/auth/me`)).status()).toBe(200);
    await context.close();
  });

  it('lets the person go back to the password step, keeping the address', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    const { totpUser } = env.server;
    await signInThroughForm(page, totpUser.email, totpUser.password);
    await page.getByLabel(CODE_LABEL).waitFor();
    await page.getByRole('button', { name: "Revenir à l'adresse e-mail et au mot de passe" }).click();
    await expect(page.getByLabel('Adresse e-mail').inputValue()).resolves.toBe(totpUser.email);
    await expect(page.getByLabel('Mot de passe').inputValue()).resolves.toBe('');
    // Focus moves once the password step has rendered; wait for it (fails if it never comes).
    await page.waitForFunction(() => document.activeElement?.id === 'password', undefined, { timeout: 5_000 });
    await context.close();
  });

  it('starts again from the password when the challenge is no longer valid', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    const { totpUser } = env.server;
    await signInThroughForm(page, totpUser.email, totpUser.password);
    await page.getByLabel(CODE_LABEL).waitFor();
    // As after five minutes: the server no longer knows this challenge.
    await page.route('**/api/auth/login/totp', (route) => route.continue({ postData: JSON.stringify({ challenge: 'expired', code: '123456' }) }));
    await page.getByLabel(CODE_LABEL).fill('123456');
    await page.getByRole('button', { name: CHECK }).click();
    await page.getByRole('alert').filter({ hasText: 'Cette connexion a expiré.' }).waitFor();
    await page.getByLabel('Mot de passe').waitFor();
    await context.close();
  });
});
