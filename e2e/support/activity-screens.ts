import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The steps of an activity's day on its screens, as an officer takes them on a phone: shared
 * by the browser tests of attendance and evaluations and by the forum's end-to-end test.
 */

/** Registers one participant on the attendance screen; returns the code the server drew. */
export async function registerParticipant(page: Page, person: { sex: string; ageBand: string; category: string; name?: string }): Promise<string> {
  const form = page.getByRole('form', { name: 'Inscrire un participant' });
  await form.getByLabel('Sexe').selectOption({ label: person.sex });
  await form.getByLabel("Tranche d'âge").selectOption({ label: person.ageBand });
  await form.getByLabel('Catégorie').selectOption({ label: person.category });
  if (person.name) {
    await form.getByLabel('La personne accepte que son nom soit noté').check();
    await form.getByLabel('Nom', { exact: true }).fill(person.name);
  }
  const before = (await page.getByTestId('drawn-code').count()) > 0 ? await page.getByTestId('drawn-code').textContent() : null;
  await form.getByRole('button', { name: 'Inscrire' }).click();
  const shown = page.getByTestId('drawn-code');
  await expect.poll(async () => (await shown.count()) > 0 && (await shown.textContent()) !== before).toBe(true);
  const code = (await shown.textContent())!.trim();
  expect(code).toMatch(/^P-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  await page.getByText(`Écrivez ce code sur ses tests :`).waitFor();
  // The list shows the new code once the server answered.
  await page.locator(`li[data-code="${code}"]`).waitFor();
  return code;
}

/** The roll call of one day: exactly these codes ticked, then saved. */
export async function rollCall(page: Page, day: number, present: readonly string[]): Promise<void> {
  const section = page.getByRole('region', { name: 'Appel du jour' });
  await section.getByLabel('Jour', { exact: true }).selectOption(String(day));
  const legend = section.getByRole('group', { name: `Présents le jour ${day}` });
  for (const box of await legend.getByRole('checkbox').all()) {
    const label = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')) ?? '';
    const want = present.some((code) => label.includes(code));
    if ((await box.isChecked()) !== want) await box.setChecked(want);
  }
  await section.getByRole('button', { name: `Enregistrer l'appel du jour ${day}` }).click();
  await section.getByText(`Appel du jour ${day} enregistré : ${present.length} présents.`).waitFor();
}

/** One knowledge test typed in: kind, source, the code as written, the choice picked per question, and the score the screen must show ("7 sur 10"). */
export async function enterKnowledgeTest(
  page: Page,
  entry: { kind: 'Test avant' | 'Test après'; source: 'En ligne' | 'Saisie depuis le papier'; code: string; answers: readonly { question: string; choice: string }[]; score: string },
): Promise<void> {
  const section = page.getByRole('region', { name: 'Saisir une évaluation' });
  await section.getByRole('radio', { name: entry.kind }).check();
  await section.getByRole('radio', { name: entry.source }).check();
  await section.getByLabel('Code du participant').fill(entry.code);
  for (const { question, choice } of entry.answers) await section.getByRole('group', { name: question }).getByRole('radio', { name: choice, exact: true }).check();
  await section.getByRole('button', { name: 'Enregistrer' }).click();
  await section.getByText(`Score : ${entry.score}`).waitFor();
  await section.getByRole('button', { name: 'Saisir le suivant' }).click();
  await expect.poll(() => section.getByLabel('Code du participant').inputValue()).toBe('');
}
