import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { SecretBox, keyIdOf } from '../../src/server/crypto/secret-box.ts';
import { KEY_FILE_NAME, loadOrCreateKeyRing } from '../../src/server/crypto/secret-key.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { users, userTotp } from '../../src/server/db/schema/index.ts';
import { totpSecretContext } from '../../src/server/identity/totp.ts';
import { BACKEND, TEST_PG_URL, createEmptyPostgresDatabase } from '../support/database.ts';

/** `sira keys status|rotate` as an operator runs them, the server stopped, on one database. */
const ROOT = path.resolve(import.meta.dirname, '../..');
let tmp: string;
let env: NodeJS.ProcessEnv;
let drop: (() => Promise<void>) | undefined;

function sira(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/sira.mjs', ...args], { cwd: ROOT, env: { ...env, ...extra } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const keyFile = () => path.join(tmp, 'data', KEY_FILE_NAME);
const ringIds = () => loadOrCreateKeyRing(path.join(tmp, 'data')).map(keyIdOf);

/** A second-factor secret sealed with the current key file, as the server would have stored it. */
async function plantSealedSecret(): Promise<void> {
  const opened = await openDatabase(loadConfig(env), { migrate: false });
  try {
    const db = opened.database.db;
    const [admin] = await db.select({ id: users.id }).from(users);
    const box = new SecretBox(loadOrCreateKeyRing(path.join(tmp, 'data')));
    await db.insert(userTotp).values({ userId: admin!.id, secret: box.seal('JBSWY3DPEHPK3PXP', totpSecretContext(admin!.id)), enabledAt: new Date(), updatedAt: new Date() });
  } finally {
    await opened.close();
  }
}

async function openedSecret(ring: Buffer[]): Promise<string> {
  const opened = await openDatabase(loadConfig(env), { migrate: false });
  try {
    const [row] = await opened.database.db.select().from(userTotp);
    return new SecretBox(ring).openText(row!.secret!, totpSecretContext(row!.userId));
  } finally {
    await opened.close();
  }
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sira-keys-'));
  const base: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('SIRA_') && k !== 'DATABASE_URL') base[k] = v;
  env = { ...base, SIRA_DATA_DIR: path.join(tmp, 'data'), SIRA_LOCALE: 'fr' };
  if (TEST_PG_URL) {
    const db = await createEmptyPostgresDatabase();
    drop = db.drop;
    env.DATABASE_URL = db.url;
  }
  expect((await sira(['create-admin', '--email', 'admin@example.org', '--password', 'correct horse battery', '--name', 'Admin Démo'])).code).toBe(0);
});

afterAll(async () => {
  await drop?.();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe(`sira keys (${BACKEND})`, () => {
  it('says which key seals how many values', async () => {
    await plantSealedSecret();
    const [current] = ringIds();
    const r = await sira(['keys', 'status']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`Clé actuelle : ${current} (secret.key) ; aucune clé précédente.\n1 valeur chiffrée avec la clé ${current}.\n`);
  });

  it('rotates: a new key first in the file, every value re-sealed, the earlier key kept for old backups', async () => {
    const [before] = ringIds();
    const r = await sira(['keys', 'rotate']);
    expect(r.code, r.stderr).toBe(0);
    const [now, kept] = ringIds();
    expect(kept).toBe(before);
    expect(now).not.toBe(before);
    expect(r.stdout.split('\n')[0]).toBe(`Nouvelle clé ${now} : 1 valeur rechiffrée.`);
    expect((await sira(['keys', 'status'])).stdout).toContain(`1 valeur chiffrée avec la clé ${now}.`);
    // Opens with the new key alone.
    expect(await openedSecret([loadOrCreateKeyRing(path.join(tmp, 'data'))[0]!])).toBe('JBSWY3DPEHPK3PXP');
    expect((await fs.stat(keyFile())).mode & 0o777).toBe(0o600);
  });

  it('forgets earlier keys only when asked, and only for the key file', async () => {
    const r = await sira(['keys', 'rotate', '--forget-previous']);
    expect(r.code, r.stderr).toBe(0);
    expect(ringIds()).toHaveLength(1);
    expect(await openedSecret(loadOrCreateKeyRing(path.join(tmp, 'data')))).toBe('JBSWY3DPEHPK3PXP');
    const withEnv = await sira(['keys', 'rotate', '--forget-previous'], { SIRA_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(withEnv).toMatchObject({ code: 2, stdout: '' });
    expect(withEnv.stderr).toContain('--forget-previous ne concerne que le fichier secret.key');
  });

  it('names values that no configured key opens (exit 2)', async () => {
    const r = await sira(['keys', 'status'], { SIRA_SECRET_KEY: Buffer.alloc(32, 9).toString('base64') });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("qui n'est pas configurée");
  });
});
