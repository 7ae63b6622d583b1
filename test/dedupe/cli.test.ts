import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `sira dedupe` on files, as a data manager cleans a register before importing it. */
const ROOT = path.resolve(import.meta.dirname, '../..');
let tmp: string;

function sira(args: string[], locale = 'fr'): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('SIRA_') && k !== 'DATABASE_URL') env[k] = v;
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/sira.mjs', ...args], { cwd: ROOT, env: { ...env, SIRA_LOCALE: locale, SIRA_DATA_DIR: path.join(tmp, 'data') } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

// Semicolons, as a French spreadsheet saves CSV; a byte-order mark; upper-case headers.
const PERSONS = [
  '\uFEFFID;Given_Name;Family_Name;Sex;Date_Of_Birth;Nationality;Place_Of_Origin;Phone;Mother_Name',
  'a1;Fatoumata;Diallo;F;1995-03-02;ML;Kayes;+223 66 00 11 22;Awa Keïta',
  'a2;Fanta;DIALLO;F;1995;ML;Kayes;0022366001122;',
  'a3;Aminata;Diallo;F;2003-01-09;ML;Kayes;66001122;Awa Keïta',
  'a4;Boubacar;Sidibé;M;1970;BF;Dori;;',
].join('\n');

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sira-dedupe-'));
  await fs.writeFile(path.join(tmp, 'persons.csv'), PERSONS);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('sira dedupe', () => {
  it('writes id_a,id_b,score,match, likely pairs first, and prints counts, never a name', async () => {
    const out = path.join(tmp, 'pairs.csv');
    const r = await sira(['dedupe', '--input', path.join(tmp, 'persons.csv'), '--output', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^4 personnes comparées : \d+ paires? candidates?, dont 1 doublon probable \(seuil 12\), dans .*pairs\.csv\.\n$/);
    expect(r.stdout + r.stderr).not.toMatch(/Diallo|Fanta|Sidib/i);
    const rows = parse(await fs.readFile(out), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['id_a', 'id_b', 'score', 'match']);
    expect(rows.filter((x) => x.match === 'true').map((x) => [x.id_a, x.id_b].sort().join())).toEqual(['a1,a2']);
    // The sister sharing phone and mother is a candidate, never a match.
    expect(rows.some((x) => [x.id_a, x.id_b].includes('a3') && x.match === 'true')).toBe(false);
  });

  it('takes another threshold, and never overwrites a file', async () => {
    const out = path.join(tmp, 'strict.csv');
    expect((await sira(['dedupe', '--input', path.join(tmp, 'persons.csv'), '--output', out, '--threshold', '40'], 'en')).stdout).toMatch(/no likely duplicate \(threshold 40\)/);
    const again = await sira(['dedupe', '--input', path.join(tmp, 'persons.csv'), '--output', out]);
    expect(again).toMatchObject({ code: 2, stderr: `Le fichier ${out} existe déjà : rien n'a été écrit. Choisissez un autre nom avec --output.\n` });
  });

  it('says what is wrong with a file and writes nothing', async () => {
    const cases: [string, string][] = [
      ['name,phone\nAwa,1234', 'Il manque la colonne « id ». Colonnes reconnues : id, given_name, family_name, sex, date_of_birth, nationality, place_of_origin, phone, mother_name.\n'],
      ['id,given_name\nx1,Awa\nx1,Hawa', "Ligne 3 : l'identifiant x1 est déjà utilisé à la ligne 2. Rien n'a été écrit.\n"],
      ['id,given_name\n,Awa', "Ligne 2 : l'identifiant (colonne « id ») est vide. Rien n'a été écrit.\n"],
      ['id,given_name\n', "Le fichier ne contient aucune personne. Rien n'a été écrit.\n"],
    ];
    for (const [i, [content, message]] of cases.entries()) {
      const input = path.join(tmp, `bad-${i}.csv`);
      const out = path.join(tmp, `bad-${i}-pairs.csv`);
      await fs.writeFile(input, content);
      expect(await sira(['dedupe', '--input', input, '--output', out])).toMatchObject({ code: 2, stdout: '', stderr: message });
      await expect(fs.access(out)).rejects.toThrow();
    }
    expect(await sira(['dedupe', '--input', path.join(tmp, 'persons.csv')])).toMatchObject({ code: 2, stderr: 'Usage : sira dedupe --input PERSONNES.csv --output PAIRES.csv [--threshold N]\n' });
  });
});
