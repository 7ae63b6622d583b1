import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { queryRows } from '../../src/server/db/rows.ts';
import { importXlsForm } from '../../src/server/forms/xlsform-import.ts';
import { buildXlsForm } from '../fixtures/xlsforms/build.ts';
import { vulnerabilityScreening } from '../fixtures/xlsforms/forms.ts';
import { BACKEND, TEST_PG_URL, createEmptyPostgresDatabase } from '../support/database.ts';

/** `sira forms import` as an administrator runs it, on a database of its own. */
const ROOT = path.resolve(import.meta.dirname, '../..');
let tmp: string;
let env: NodeJS.ProcessEnv;
let drop: (() => Promise<void>) | undefined;

function sira(args: string[], locale = 'fr'): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/sira.mjs', ...args], { cwd: ROOT, env: { ...env, SIRA_LOCALE: locale } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function versions(): Promise<string[]> {
  const opened = await openDatabase(loadConfig(env), { migrate: false });
  try {
    const rows = await queryRows<{ k: string; v: number; s: string }>(opened.database.db, sql`select f.form_key as k, v.version as v, v.status as s from form_versions v join forms f on f.id = v.form_id order by 1, 2`);
    return rows.map((r) => `${r.k}:${r.v}:${r.s}`);
  } finally {
    await opened.close();
  }
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sira-forms-cli-'));
  const base: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('SIRA_') && k !== 'DATABASE_URL') base[k] = v;
  env = { ...base, SIRA_DATA_DIR: path.join(tmp, 'data') };
  if (TEST_PG_URL) {
    const db = await createEmptyPostgresDatabase();
    drop = db.drop;
    env.DATABASE_URL = db.url;
  }
  await fs.writeFile(path.join(tmp, 'screening.xlsx'), await buildXlsForm(vulnerabilityScreening));
  const broken = { ...vulnerabilityScreening, survey: [...vulnerabilityScreening.survey, { type: 'range', name: 'pain', label: 'Douleur' }, { type: 'text', name: 'age', label: 'Encore' }] };
  await fs.writeFile(path.join(tmp, 'broken.xlsx'), await buildXlsForm(broken));
});

afterAll(async () => {
  await drop?.();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe(`sira forms import (${BACKEND})`, () => {
  it('lists every problem with sheet, row and column, exits 2 and stores nothing', async () => {
    const r = await sira(['forms', 'import', path.join(tmp, 'broken.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        "2 problèmes : rien n'a été importé.",
        '  Feuille « survey », ligne 15, colonne « type » (A15): Type de question non pris en charge : range.',
        '  Feuille « survey », ligne 16, colonne « name » (B16): Le nom age est déjà utilisé dans ce questionnaire.',
        '',
      ].join('\n'),
    );
  });

  it('checks only with --dry-run, in the configured language', async () => {
    const r = await sira(['forms', 'import', '--dry-run', path.join(tmp, 'screening.xlsx')], 'en');
    expect(r).toMatchObject({ code: 0, stdout: 'Dépistage de vulnérabilité — languages: Français (fr), English (en), Bamanankan (bm) — 9 questions\nChecked only (--dry-run): nothing was stored.\n' });
  });

  it('stores and publishes a valid form; the same file again adds no version', async () => {
    const first = await sira(['forms', 'import', '--publish', path.join(tmp, 'screening.xlsx')]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout.split('\n')).toEqual([
      'Dépistage de vulnérabilité — langues : Français (fr), English (en), Bamanankan (bm) — 9 questions',
      'Enregistré : questionnaire vulnerability_screening, version 1 (brouillon).',
      "Version 1 publiée : les nouvelles réponses l'utiliseront.",
      '',
    ]);
    expect((await sira(['forms', 'import', path.join(tmp, 'screening.xlsx')])).code).toBe(0);
    // One version only: the broken workbook (same form_id) stored nothing, the repeat added nothing.
    expect(await versions()).toEqual(['vulnerability_screening:1:published']);
  });

  it('lists the stored questionnaires with the names export takes', async () => {
    expect(await sira(['forms', 'list'], 'en')).toMatchObject({ code: 0, stderr: '', stdout: 'vulnerability_screening — Dépistage de vulnérabilité — published version: 1 — latest version: 1\n' });
  });

  it('exports a stored version back to an XLSForm that imports as the same form, never overwriting a file', async () => {
    const out = path.join(tmp, 'exported.xlsx');
    const r = await sira(['forms', 'export', 'vulnerability_screening', '--output', out]);
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: `Exporté : questionnaire vulnerability_screening, version 1, dans ${out}.\n` });
    const original = await importXlsForm(await buildXlsForm(vulnerabilityScreening));
    const again = await importXlsForm(await fs.readFile(out));
    expect(again.ok && original.ok).toBe(true);
    if (again.ok && original.ok) expect(again.form).toEqual(original.form);

    const before = await fs.readFile(out);
    expect(await sira(['forms', 'export', 'vulnerability_screening', '--output', out])).toMatchObject({
      code: 2,
      stderr: `Le fichier ${out} existe déjà : rien n'a été écrit. Choisissez un autre nom avec --output.\n`,
    });
    expect(Buffer.compare(await fs.readFile(out), before)).toBe(0);
  });

  it('names what is missing: an unknown form, an unknown or malformed version', async () => {
    expect(await sira(['forms', 'export', 'nope'])).toMatchObject({ code: 2, stdout: '', stderr: 'Aucun questionnaire « nope ». La commande « sira forms list » affiche ceux qui existent.\n' });
    expect(await sira(['forms', 'export', 'vulnerability_screening', '--version', '7'])).toMatchObject({
      code: 2,
      stderr: "Le questionnaire « vulnerability_screening » n'a pas de version 7 (la dernière est la 1).\n",
    });
    expect(await sira(['forms', 'export', 'vulnerability_screening', '--version', 'two'])).toMatchObject({ code: 2, stderr: 'Numéro de version invalide : two. Donnez un nombre entier, par exemple --version 2.\n' });
  });

  it('explains its usage and unreadable files', async () => {
    expect(await sira(['forms'])).toMatchObject({
      code: 2,
      stderr: 'Usage : sira forms import FICHIER.xlsx [--publish] [--dry-run]\n        sira forms list\n        sira forms export FORMULAIRE [--version N] [--output FICHIER.xlsx]\n',
    });
    expect(await sira(['forms', 'import', path.join(tmp, 'missing.xlsx')])).toMatchObject({ code: 2, stderr: `Impossible de lire le fichier ${path.join(tmp, 'missing.xlsx')}.\n` });
  });
});
