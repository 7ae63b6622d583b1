import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../src/cli/demo-directory.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { queryRows } from '../../src/server/db/rows.ts';
import { BACKEND, TEST_PG_URL, createEmptyPostgresDatabase } from '../support/database.ts';
import { broken, sheet } from './import-sheets.ts';

/** `sira directory …` as a coordinator runs it, on a database of its own. */
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

async function counts(): Promise<{ services: number; audit: number }> {
  const opened = await openDatabase(loadConfig(env), { migrate: false });
  try {
    const [r] = await queryRows<{ services: number; audit: number }>(opened.database.db, sql`select (select count(*)::int from directory_services) as services, (select count(*)::int from audit_events) as audit`);
    return r!;
  } finally {
    await opened.close();
  }
}

const file = (name: string) => path.join(tmp, name);

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sira-directory-cli-'));
  const base: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('SIRA_') && k !== 'DATABASE_URL') base[k] = v;
  env = { ...base, SIRA_DATA_DIR: path.join(tmp, 'data') };
  if (TEST_PG_URL) {
    const db = await createEmptyPostgresDatabase();
    drop = db.drop;
    env.DATABASE_URL = db.url;
  }
  await fs.writeFile(file('broken.xlsx'), await sheet(broken));
}, 60_000);

afterAll(async () => {
  await drop?.();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe(`sira directory (${BACKEND})`, () => {
  it('seeds the NRM taxonomy on an install without demo data, once', async () => {
    const first = await sira(['directory', 'seed-taxonomy']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^\d+ termes ajoutés à la taxonomie \(types de services et groupes cibles\)\.\n$/);
    expect(Number.parseInt(first.stdout, 10)).toBeGreaterThan(20);
    expect(await sira(['directory', 'seed-taxonomy'])).toMatchObject({ code: 0, stdout: 'Taxonomie déjà complète : rien à ajouter.\n' });
  });

  it('writes the empty template with drop-down lists, and never overwrites a file', async () => {
    const r = await sira(['directory', 'template', file('modele.xlsx')]);
    expect(r).toMatchObject({ code: 0, stdout: `Modèle vide écrit dans ${file('modele.xlsx')} : une ligne par service et par lieu, les explications sont dans la feuille « Notes ».\n` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('modele.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Services', 'Listes', 'Notes']);
    expect(workbook.getWorksheet('Services')!.getRow(1).getCell(3).value).toBe('Nom du service');
    expect(workbook.getWorksheet('Listes')!.getColumn(1).values).toContain('Hébergement');
    const sheetXml = strFromU8(unzipSync(new Uint8Array(await fs.readFile(file('modele.xlsx'))))['xl/worksheets/sheet1.xml']!);
    expect(sheetXml).toContain('<dataValidation type="list"');
    expect(sheetXml).toContain('Listes!$D$2');
    const again = await sira(['directory', 'template', file('modele.xlsx')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('existe déjà');
  }, 60_000);

  it('lists every problem of a sheet with row and column, exits 2 and stores nothing', async () => {
    await sira(['seed-demo']);
    const before = await counts();
    const r = await sira(['directory', 'import', file('broken.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      "5 problèmes : rien n'a été importé.",
      '  « Services », ligne 4, colonne « Types de service » : Type de service inconnu : Massage.',
      '  « Services », ligne 5, colonne « Téléphone(s) » : Numéro de téléphone invalide : chiffres, espaces et « + » seulement.',
      '  « Services », ligne 6, colonne « Nom du service » : Ce champ est obligatoire.',
      '  « Services », ligne 7, colonne « Montant (FCFA) » : Montant obligatoire pour un service payant.',
      '  « Services », ligne 8, colonne « Région » : Région inconnue : Atlantide.',
      '',
    ]);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('imports the valid rows only when asked, in the configured language', async () => {
    const r = await sira(['directory', 'import', '--valid-only', file('broken.xlsx')], 'en');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('5 problems: 5 services were not imported.');
    expect(r.stdout).toBe('Imported (xlsx): 1 created, 0 updated, 0 unchanged, 0 verification(s) recorded.\n');
    expect((await counts()).services).toBe(DEMO_SERVICES.length + 1);
  }, 60_000);

  it('exports in every format, and its own export imports back changing nothing', async () => {
    for (const [format, name] of [['hsds-json', 'annuaire.json'], ['hsds-csv', 'annuaire.zip'], ['xlsx', 'annuaire.xlsx']] as const) {
      const r = await sira(['directory', 'export', '--format', format, file(name)]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`${DEMO_SERVICES.length + 1} services écrits dans ${file(name)} (${format}).`);
      const before = await counts();
      const back = await sira(['directory', 'import', file(name)]);
      expect(back.stdout).toMatch(new RegExp(`^Importé \\(${format}\\) : 0 créé\\(s\\), 0 mis à jour, ${DEMO_SERVICES.length + 1} inchangé\\(s\\), 0 vérification`));
      expect(await counts()).toEqual(before);
    }
    expect((await sira(['directory', 'export', '--format', 'xlsx', file('annuaire.xlsx')])).code).toBe(2);
    expect((await sira(['directory', 'export', '--format', 'pdf', file('x.pdf')])).stderr).toBe('Format inconnu : pdf. Choisissez hsds-json, hsds-csv ou xlsx.\n');
    const dry = await sira(['directory', 'import', '--dry-run', file('annuaire.json')]);
    expect(dry.stdout).toContain('Vérifié seulement (--dry-run)');
    expect((await sira(['directory'])).code).toBe(2);
  }, 180_000);
});
