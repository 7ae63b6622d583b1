import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_FORM_KEYS } from '../../../src/domain/activities/forms/index.ts';
import { BUILTIN_LIBRARY } from '../../../src/domain/activities/library-builtin.ts';
import { SCREENING_FORM_KEYS } from '../../../src/domain/screening/forms/index.ts';
import { BACKEND, TEST_PG_URL, createEmptyPostgresDatabase } from '../../support/database.ts';

/** `sira forms seed-builtin` as an administrator runs it on a new install, on a database of its own. */
const ROOT = path.resolve(import.meta.dirname, '../../..');
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

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sira-forms-seed-'));
  const base: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('SIRA_') && k !== 'DATABASE_URL') base[k] = v;
  env = { ...base, SIRA_DATA_DIR: path.join(tmp, 'data') };
  if (TEST_PG_URL) {
    const db = await createEmptyPostgresDatabase();
    drop = db.drop;
    env.DATABASE_URL = db.url;
  }
});

afterAll(async () => {
  await drop?.();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe(`sira forms seed-builtin (${BACKEND})`, () => {
  it('adds the three screening forms and the two activity questionnaires, published, and the activity library, then nothing on a second run', async () => {
    expect(await sira(['forms', 'seed-builtin'])).toMatchObject({
      code: 0,
      stdout: `5 questionnaires intégrés ajoutés et publiés (dépistage et activités).\n${BUILTIN_LIBRARY.length} éléments ajoutés à la bibliothèque des activités.\n`,
    });
    expect(await sira(['forms', 'seed-builtin'], 'en')).toMatchObject({
      code: 0,
      stdout: 'Built-in questionnaires already there: nothing to add.\nActivity library already complete: nothing to add.\n',
    });
    const list = await sira(['forms', 'list']);
    expect(list.code).toBe(0);
    for (const key of [...Object.values(SCREENING_FORM_KEYS), ...Object.values(ACTIVITY_FORM_KEYS)]) expect(list.stdout).toContain(`${key} — `);
    expect(list.stdout).toContain("Identification d'un enfant — version publiée : 1");
  }, 60_000);

  it('refuses arguments it does not take', async () => {
    expect((await sira(['forms', 'seed-builtin', 'extra'])).code).toBe(2);
  }, 30_000);
});
