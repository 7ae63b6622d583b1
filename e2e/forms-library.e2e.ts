import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { questions } from '../src/domain/forms/definition.ts';
import { importXlsForm } from '../src/server/forms/xlsform-import.ts';
import { buildXlsForm } from '../test/fixtures/xlsforms/build.ts';
import { vulnerabilityScreening } from '../test/fixtures/xlsforms/forms.ts';
import { MIN_TOUCH_PX, PHONE, height, openApp, saveScreenshot, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import type { E2eUser } from './support/server.ts';

const env = useE2eEnvironment();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sira-forms-e2e-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

async function writeWorkbook(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function openLibrary(page: Page, who: E2eUser): Promise<void> {
  await signInThroughForm(page, who.email, who.password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${who.displayName}` }).waitFor();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Formulaires' }).click();
  await page.getByRole('heading', { level: 1, name: 'Formulaires' }).waitFor();
}

async function formCount(page: Page): Promise<number> {
  const answer = await page.context().request.get(`${env.server.url}/api/forms`);
  return ((await answer.json()) as { items: unknown[] }).items.length;
}

describe('form library', () => {
  it('on a phone: an administrator imports an XLSForm, publishes it and exports it; a broken workbook imports nothing', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await openLibrary(page, env.server.admin);
    await page.getByText('Aucun formulaire pour l\'instant.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A workbook with several mistakes: every one is listed, with where it is, and nothing is stored.
    const broken = await buildXlsForm({
      ...vulnerabilityScreening,
      survey: [
        ...vulnerabilityScreening.survey.filter((row) => row.type !== 'end group'),
        { type: 'barcode', name: 'code_barre', 'label::Français (fr)': 'Code' },
        { type: 'integer', name: 'age_check', 'label::Français (fr)': 'Contrôle', relevant: '${nowhere} > 1' },
      ],
    });
    const expected = await importXlsForm(broken, 'broken');
    if (expected.ok) throw new Error('the broken fixture must not import');
    expect(expected.problems.length).toBeGreaterThanOrEqual(3);
    await page.getByLabel('Fichier XLSForm (.xlsx)').setInputFiles(await writeWorkbook('broken.xlsx', broken));
    await page.getByRole('button', { name: 'Importer' }).click();
    const refused = page.locator('[data-import="refused"]');
    await refused.getByText(`Rien n'a été importé : ${expected.problems.length} problèmes à corriger dans le fichier.`).waitFor();
    const listed = await refused.getByRole('listitem').allTextContents();
    expect(listed).toHaveLength(expected.problems.length);
    await saveScreenshot(page, 'form-import-refused-phone');
    // Located (sheet, row, column) and translated: no message code leaks through.
    for (const line of listed) {
      expect(line).toMatch(/survey/);
      expect(line).not.toMatch(/forms\.import\./);
    }
    expect(await formCount(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The real workbook: title, languages and question count, then it is in the list as a draft.
    const good = await buildXlsForm(vulnerabilityScreening);
    const reference = await importXlsForm(good, 'vulnerability');
    if (!reference.ok) throw new Error('the fixture must import');
    await page.getByLabel('Fichier XLSForm (.xlsx)').setInputFiles(await writeWorkbook('vulnerability-screening.xlsx', good));
    await page.getByRole('button', { name: 'Importer' }).click();
    const imported = page.locator('[data-import="imported"]');
    await imported.getByText('Importé : Dépistage de vulnérabilité (version 1, en brouillon).').waitFor();
    expect(await imported.locator('dd').allTextContents()).toEqual([reference.form.languages.map((l) => l.name).join(', '), String(questions(reference.form).filter((q) => q.type !== 'note' && q.type !== 'calculate').length)]);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Dépistage de vulnérabilité' }) });
    await item.getByText('Brouillon').waitFor();
    expect(await formCount(page)).toBe(1);

    // Publishing asks first, can be cancelled, then applies.
    const publish = item.getByRole('button', { name: 'Publier Dépistage de vulnérabilité, version 1' });
    expect(await height(publish)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await publish.click();
    await item.getByRole('button', { name: 'Annuler' }).click();
    await publish.click();
    await item.getByText('Publier Dépistage de vulnérabilité, version 1 ?', { exact: false }).waitFor();
    await item.getByRole('button', { name: 'Oui, confirmer' }).click();
    await item.getByText('Publiée', { exact: true }).waitFor();
    await publish.waitFor({ state: 'detached' });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Export: the download is an XLSForm that imports again with the same questions.
    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('link', { name: 'Exporter Dépistage de vulnérabilité, version 1 en XLSForm' }).click()]);
    expect(download.suggestedFilename()).toBe('vulnerability_screening-v1.xlsx');
    const exported = path.join(workDir, 'exported.xlsx');
    await download.saveAs(exported);
    const again = await importXlsForm(new Uint8Array(fs.readFileSync(exported)), 'exported');
    if (!again.ok) throw new Error(`the export does not import: ${JSON.stringify(again.problems)}`);
    expect(questions(again.form).map((q) => q.name)).toEqual(questions(reference.form).map((q) => q.name));
    expect(again.form.languages).toEqual(reference.form.languages);

    // The same form_id again: a second version, as a draft, next to the published one.
    await page.getByLabel('Fichier XLSForm (.xlsx)').setInputFiles(exported);
    await page.getByRole('button', { name: 'Importer' }).click();
    await imported.getByText('Importé : Dépistage de vulnérabilité (version 2, en brouillon).').waitFor();
    await item.locator('[data-version="2"]').getByText('Brouillon', { exact: true }).waitFor();
    await item.locator('[data-version="1"]').getByText('Publiée', { exact: true }).waitFor();
    expect(await formCount(page)).toBe(1);
    await saveScreenshot(page, 'form-library-phone');
    await context.close();
  });

  it('shows a frontline identifier the forms to preview, without import or publishing; the evaluator loads with the preview only', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await openLibrary(page, env.server.user);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Dépistage de vulnérabilité' }) });
    await item.getByRole('link', { name: 'Aperçu de Dépistage de vulnérabilité, version 1' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Importer un XLSForm' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Publier/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // ODK's evaluator (the preview page's chunk) has not been downloaded for the list.
    expect(scripts.filter((s) => s.includes('form-fill-page'))).toEqual([]);
    await item.getByRole('link', { name: 'Aperçu de Dépistage de vulnérabilité, version 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dépistage de vulnérabilité' }).waitFor();
    await page.getByLabel('Âge de la personne').waitFor();
    expect(scripts.filter((s) => s.includes('form-fill-page'))).toHaveLength(1);
    await context.close();
  });
});
