import { describe, expect, it } from 'vitest';
import { seedBuiltinForms } from './support/api.ts';
import { MIN_TOUCH_PX, height, saveScreenshot } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { bodyText, expectFitsPhone, expectNoSeriousViolations, signedInPage } from './support/pages.ts';
import type { E2eUser } from './support/server.ts';

const env = useE2eEnvironment();

const signedIn = (user: E2eUser, path: string) => signedInPage(env.browser, env.server.url, user, path);

describe('registering a person', () => {
  let caseCode = '';

  it('says when the screening forms are not installed, and lets the identifier go on without them', async () => {
    const page = await signedIn(env.server.user, '/cases/new');
    await page.getByLabel('Région où la personne est identifiée').selectOption('ML02');
    await page.getByLabel('Prénom', { exact: true }).fill('Seydou');
    await page.getByLabel('Sexe').selectOption('male');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('heading', { name: 'Déjà connue ?' }).waitFor();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText(/Les questionnaires de dépistage ne sont pas installés/).waitFor();
    await page.getByRole('button', { name: 'Passer cette étape' }).click();
    await page.getByRole('heading', { name: 'Consentement', exact: true }).waitFor();
    // Starting over empties the wizard and the draft.
    await page.getByRole('button', { name: 'Tout effacer et recommencer' }).click();
    await page.getByRole('button', { name: 'Oui, effacer' }).click();
    await page.getByRole('heading', { name: 'Qui est la personne ?' }).waitFor();
    expect(await page.getByLabel('Prénom', { exact: true }).inputValue()).toBe('');
  });

  it('screens, records consent, is warned of a duplicate held elsewhere without seeing it, and registers', async () => {
    await seedBuiltinForms(env);
    const page = await signedIn(env.server.user, '/cases/new');
    await page.getByRole('heading', { name: 'Qui est la personne ?' }).waitFor();
    await page.getByText('Étape 1 sur 5').waitFor();
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);

    // Step (a): the identifier types the name as heard, the year only, the phone as dialled.
    await page.getByLabel('Région où la personne est identifiée').selectOption('ML01');
    await page.getByLabel('Prénom', { exact: true }).fill('Fanta');
    await page.getByLabel('Nom de famille').fill('Traore');
    await page.getByLabel('Sexe').selectOption('female');
    await page.getByLabel('Date de naissance').fill('2001');
    await page.getByLabel('Nationalité').selectOption('ML');
    await page.getByLabel('Téléphone', { exact: true }).fill('0022370112233');

    // A reload (or a lost tab) loses nothing: the wizard is a draft on the device.
    const storedPhone = () =>
      page.evaluate(
        () =>
          new Promise<string | null>((resolve) => {
            const open = indexedDB.open('sira-registration-drafts');
            open.onerror = () => resolve(null);
            open.onsuccess = () => {
              if (!open.result.objectStoreNames.contains('drafts')) return resolve(null);
              const all = open.result.transaction('drafts').objectStore('drafts').getAll();
              all.onsuccess = () => resolve((all.result as { state: { identity: { phone: string } } }[])[0]?.state.identity.phone ?? null);
              all.onerror = () => resolve(null);
            };
          }),
      );
    await expect.poll(storedPhone).toBe('0022370112233');
    await page.reload();
    await page.getByText('Un enregistrement commencé plus tôt sur cet appareil a été repris.').waitFor();
    expect(await page.getByLabel('Prénom', { exact: true }).inputValue()).toBe('Fanta');
    expect(await page.getByLabel('Téléphone', { exact: true }).inputValue()).toBe('0022370112233');

    const next = page.getByRole('button', { name: 'Suivant' });
    expect(await height(next)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await next.click();

    // Step (b): another organisation's record is named by that organisation only.
    await page.getByRole('heading', { name: 'Déjà connue ?' }).waitFor();
    await page.getByText(/dossier existant (probable|possible) est détenu par Solidarité Faso Migrants/).waitFor();
    const warned = await bodyText(page);
    expect(warned).not.toContain(env.server.otherOrgCase.caseCode);
    expect(warned).not.toContain(env.server.otherOrgCase.givenName);
    expect(warned).not.toContain('Traoré');
    await expectNoSeriousViolations(page);
    await page.getByLabel('Demander au coordinateur de vérifier s\'il s\'agit de la même personne').check();
    await saveScreenshot(page, 'registration-duplicates-phone');
    await page.getByRole('button', { name: 'Suivant' }).click();

    // Step (c): the trafficking screening, drawn by the forms renderer; no child form for an adult.
    await page.getByRole('heading', { name: 'Questionnaires de dépistage' }).waitFor();
    await page.locator('input[name="q-recruitment_deception"][value="yes"]').check();
    await page.locator('input[name="q-exploited"][value="no"]').check();
    await page.locator('input[name="q-trafficking_assessment"][value="possible"]').check();
    expect(await page.locator('input[name^="q-age_basis"]').count()).toBe(0);
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);
    await saveScreenshot(page, 'registration-screening-phone');
    await page.getByRole('button', { name: 'Suivant' }).click();

    // Step (d): consent, with the rules checked before sending.
    await page.getByRole('heading', { name: 'Consentement', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText("Ce champ est obligatoire.").first().waitFor();
    await page.locator('input[name="consent-services"][value="granted"]').check();
    await page.locator('input[name="consent-disclosure"][value="granted"]').check();
    await page.locator('input[name="consent-reporting"][value="refused"]').check();
    await page.getByLabel('Qui donne le consentement').selectOption('self');
    await page.getByLabel('Langue utilisée pour expliquer').selectOption('bm');
    await expectNoSeriousViolations(page);
    await saveScreenshot(page, 'registration-consent-phone');
    await page.getByRole('button', { name: 'Suivant' }).click();

    // Step (e): review and register.
    await page.getByRole('heading', { name: 'Vérifier et enregistrer' }).waitFor();
    await page.getByText('Victime de la traite').first().waitFor();
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();

    // The case page: the code, big, with category and risk.
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const code = page.getByTestId('case-code');
    await code.waitFor();
    caseCode = (await code.innerText()).trim();
    expect(caseCode).toMatch(/^ML-KAY-\d{4}-\d{6}-\d$/);
    await page.getByText('Victime de la traite').first().waitFor();
    await page.getByText('Risque moyen').first().waitFor();
    const file = await bodyText(page);
    expect(file).toContain('Fanta');
    expect(file).not.toContain(env.server.otherOrgCase.caseCode);
    expect(file).not.toContain(env.server.otherOrgCase.givenName);
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);
    await saveScreenshot(page, 'registration-case-phone');

    // The draft went with the registration: a new one starts empty.
    await page.goto(`${env.server.url}/cases/new`);
    await page.getByRole('heading', { name: 'Qui est la personne ?' }).waitFor();
    expect(await page.getByLabel('Prénom', { exact: true }).inputValue()).toBe('');

    // The list: codes and categories, never names.
    await page.goto(`${env.server.url}/cases`);
    await page.getByRole('link', { name: caseCode }).waitFor();
    expect(await bodyText(page)).not.toContain('Fanta');
    await expectNoSeriousViolations(page);
  });

  it('treats a person who may be a child as a child: caregiver, child questions, and who may consent', async () => {
    const page = await signedIn(env.server.user, '/cases/new');
    await page.getByRole('heading', { name: 'Qui est la personne ?' }).waitFor();
    expect(await page.getByLabel('Nom de cet adulte').count()).toBe(0);
    await page.getByLabel('Région où la personne est identifiée').selectOption('ML04');
    await page.getByLabel('Prénom', { exact: true }).fill('Ramata');
    await page.getByLabel('Sexe').selectOption('female');
    await page.getByLabel('Âge estimé (années)').fill('12');
    await page.getByLabel('Nom de cet adulte').fill('Kadiatou Koné');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('heading', { name: 'Déjà connue ?' }).waitFor();
    await page.getByText('Aucun dossier semblable n\'a été trouvé.').waitFor();
    await page.getByRole('button', { name: 'Suivant' }).click();

    // The child questionnaire is offered; left untouched, it is not sent.
    await page.getByRole('heading', { name: 'Questionnaires de dépistage' }).waitFor();
    expect(await page.locator('input[name="q-age_basis"]').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Suivant' }).click();

    // A child of 12 does not consent alone, and an adult's consent needs the child's assent.
    await page.getByRole('heading', { name: 'Consentement', exact: true }).waitFor();
    await page.locator('input[name="consent-services"][value="granted"]').check();
    await page.locator('input[name="consent-disclosure"][value="refused"]').check();
    await page.locator('input[name="consent-reporting"][value="refused"]').check();
    await page.getByLabel('Qui donne le consentement').selectOption('self');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText('Pour un enfant de moins de 15 ans, un parent, un tuteur ou un travailleur social (intérêt supérieur) donne le consentement.').waitFor();
    await page.getByLabel('Qui donne le consentement').selectOption('caregiver');
    await page.getByText("Notez si l'enfant donne son assentiment.").waitFor();
    await page.getByLabel("Oui, l'enfant est d'accord").check();
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Suivant' }).click();

    await page.getByRole('heading', { name: 'Vérifier et enregistrer' }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByTestId('case-code').waitFor();
    expect((await page.getByTestId('case-code').innerText()).trim()).toMatch(/^ML-SEG-\d{4}-\d{6}-\d$/);
    await page.getByText('Enfant', { exact: true }).waitFor();
    await page.getByText('Kadiatou Koné').waitFor();
  });

  it('lets the identifier withdraw a consent in place', async () => {
    const page = await signedIn(env.server.user, '/cases');
    await page.getByRole('link', { name: caseCode }).click();
    await page.getByTestId('case-code').waitFor();
    await page.getByRole('button', { name: 'Retirer : Statistiques anonymes · Refusé' }).click();
    await page.getByRole('button', { name: 'Oui, retirer' }).click();
    await page.getByText(/Retiré le/).waitFor();

    // A new decision: no sharing with one organisation, whatever the general answer.
    await page.getByRole('button', { name: 'Enregistrer un consentement' }).click();
    await page.getByLabel('Pour quoi').selectOption('disclosure');
    await page.getByLabel('Réponse').selectOption('refused');
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Solidarité Faso Migrants' });
    await page.getByRole('button', { name: 'Enregistrer ce consentement' }).click();
    await page.getByText('Partage avec les partenaires · Refusé').waitFor();
    await page.getByText(/· Solidarité Faso Migrants/).waitFor();
    await expectNoSeriousViolations(page);
  });

  it('adds a photo scaled down on the phone, shows it only on request, and removes it', async () => {
    const page = await signedIn(env.server.user, '/cases');
    await page.getByRole('link', { name: caseCode }).click();
    await page.getByTestId('case-code').waitFor();
    // A picture as a camera would give it, far larger than what is sent.
    const png = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 1600;
      canvas.height = 1200;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#c84';
      g.fillRect(0, 0, 1600, 1200);
      g.fillStyle = '#248';
      g.fillRect(400, 300, 800, 600);
      return canvas.toDataURL('image/png').split(',')[1]!;
    });
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/commands/case.set_photo'));
    await page.getByLabel('Prendre ou choisir une photo').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
    const body = (await sent).postDataJSON() as { input: { photo: { contentType: string; data: string } } };
    expect(body.input.photo.contentType).toBe('image/jpeg');
    expect(Buffer.from(body.input.photo.data, 'base64').length).toBeLessThan(150 * 1024);
    await page.getByRole('button', { name: 'Afficher la photo' }).click();
    const photo = page.getByRole('img', { name: `Photo de la personne du dossier ${caseCode}` });
    await photo.waitFor();
    expect(await photo.evaluate((img: HTMLImageElement) => img.decode().then(() => [img.naturalWidth, img.naturalHeight]))).toEqual([640, 480]);
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Retirer la photo' }).click();
    await page.getByRole('button', { name: 'Oui, retirer' }).click();
    await page.getByText('Pas de photo.').waitFor();
  });

  it('lets the coordinator compare both records and merge them', async () => {
    const page = await signedIn(env.server.coordinator, '/cases/links');
    await page.getByRole('link', { name: new RegExp(caseCode) }).waitFor();
    await expectNoSeriousViolations(page);
    await page.getByRole('link', { name: new RegExp(caseCode) }).click();
    await page.getByRole('heading', { name: 'Même personne ?' }).waitFor();
    await page.getByText('Fatoumata Traoré').waitFor();
    await page.getByText('Fanta Traore').waitFor();
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: `Même personne : garder ${caseCode}` }).click();
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Même personne : fusionnés').waitFor();

    await page.goto(`${env.server.url}/cases/consent-overrides`);
    await page.getByText('Aucun partage sans consentement.').waitFor();
    await expectNoSeriousViolations(page);
  });
});
