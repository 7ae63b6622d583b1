import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import type { Db } from '../../src/server/db/client.ts';
import { acquireDataDirLock } from '../../src/server/db/data-dir-lock.ts';
import { loadMigrations } from '../../src/server/db/migrate.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { queryRows } from '../../src/server/db/rows.ts';
import { verifyPassword } from '../../src/server/identity/passwords.ts';
import { enqueueJob } from '../../src/server/jobs/queue.ts';
import { BACKEND, TEST_PG_URL, createEmptyPostgresDatabase } from '../support/database.ts';
import { snapshot, withoutChainHead, withoutRestoreTrail } from './snapshot.ts';

/**
 * Drives `node bin/sira.mjs` as an administrator would, on one database shared by the
 * steps below (in order): each spawn costs about a second, so steps build on each other.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'correct horse battery';

interface Target {
  dataDir: string;
  url: string | undefined;
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

let tmp: string;
let main: Target;
let copy: Target;
const drops: (() => Promise<void>)[] = [];

async function newTarget(name: string): Promise<Target> {
  const dataDir = path.join(tmp, name);
  if (!TEST_PG_URL) return { dataDir, url: undefined };
  const db = await createEmptyPostgresDatabase();
  drops.push(db.drop);
  return { dataDir, url: db.url };
}

function envFor(target: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('SIRA_') && k !== 'DATABASE_URL') env[k] = v;
  return { ...env, SIRA_DATA_DIR: target.dataDir, SIRA_LOCALE: 'fr', ...(target.url ? { DATABASE_URL: target.url } : {}), ...extra };
}

function sira(args: string[], target = main, extra: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/sira.mjs', ...args], { cwd: ROOT, env: envFor(target, extra) }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Opens a target from the test process, between CLI runs (the embedded database allows one process at a time). */
async function inspect<T>(target: Target, fn: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig({ SIRA_DATA_DIR: target.dataDir, ...(target.url ? { DATABASE_URL: target.url } : {}) });
  const opened = await openDatabase(config, { migrate: false });
  try {
    return await fn(opened.database.db);
  } finally {
    await opened.close();
  }
}

async function count(db: Db, table: 'organisations' | 'users' | 'cases' | 'referrals' | 'activities'): Promise<number> {
  const [r] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return r!.n;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sira-cli-test-'));
  main = await newTarget('main');
  copy = await newTarget('copy');
});

afterAll(async () => {
  for (const drop of drops) await drop();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe(`sira CLI (${BACKEND})`, () => {
  it('migrate applies every migration once; jobs then reports none', async () => {
    const first = await sira(['migrate']);
    expect(first).toMatchObject({ code: 0, stdout: `${loadMigrations().length} migrations appliquées.\n` });
    const second = await sira(['migrate']);
    expect(second).toMatchObject({ code: 0, stdout: 'Base de données déjà à jour.\n' });
    expect(await sira(['jobs'])).toMatchObject({ code: 0, stdout: 'Aucune tâche.\n' });
  });

  it('create-admin creates a system administrator who can log in', async () => {
    const r = await sira(['create-admin', '--email', 'Admin@Example.org', '--password', PASSWORD, '--name', 'Awa Admin']);
    expect(r).toMatchObject({ code: 0, stdout: 'Compte administrateur créé.\n', stderr: '' });
    const row = await inspect(main, async (db) => {
      const [u] = await queryRows<{ roles: string[]; password_hash: string; organisation: string }>(
        db,
        sql`select u.roles, u.password_hash, o.name as organisation from users u join organisations o on o.id = u.organisation_id where u.email = 'admin@example.org'`,
      );
      return u;
    });
    expect(row).toMatchObject({ roles: ['system_admin'], organisation: 'Coordination nationale du MNR' });
    expect(await verifyPassword(row!.password_hash, PASSWORD)).toBe(true);
  });

  it('create-admin refuses an email already taken (exit 1)', async () => {
    const r = await sira(['create-admin', '--email', 'admin@example.org', '--password', 'another long password']);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'Un compte existe déjà avec cette adresse e-mail.\n' });
  });

  it('create-admin with a short password exits 2 with the translated message', async () => {
    const r = await sira(['create-admin', '--email', 'other@example.org', '--password', 'short']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Certaines informations sont invalides. Corrigez les champs signalés puis réessayez.\n  --password : Au moins 12 caractères.\n');
    expect(r.stderr).not.toContain('    at ');
  });

  it('seed-demo twice creates the demo data once', async () => {
    const first = await sira(['seed-demo']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('Données de démonstration créées : 8 organisations, 15 comptes. Mot de passe de démonstration : sira-demo-2024\n');
    const counted = () => inspect(main, async (db) => ({ organisations: await count(db, 'organisations'), users: await count(db, 'users'), cases: await count(db, 'cases'), referrals: await count(db, 'referrals'), activities: await count(db, 'activities'), snapshot: await snapshot(db) }));
    const once = await counted();
    // The administrator's organisation and account, plus the demo's; the refused short-password admin is absent.
    expect(once).toMatchObject({ organisations: 9, users: 16, cases: 4, referrals: 3, activities: 2 });
    expect(await sira(['seed-demo'])).toMatchObject({ code: 0, stdout: first.stdout });
    expect(await counted()).toEqual(once);
  });

  it('jobs lists jobs as a compact table, filtered by status', async () => {
    await inspect(main, async (db) => {
      await enqueueJob(db, { kind: 'demo.reminder', runAt: new Date('2030-01-02T03:04:05Z') });
      const dead = await enqueueJob(db, { kind: 'demo.export', maxAttempts: 3 });
      await db.execute(sql`update jobs set status = 'dead', attempts = 3, last_error = 'disque plein' where id = ${dead}`);
    });
    const all = await sira(['jobs']);
    expect(all.code).toBe(0);
    const [header, rule, ...listed] = all.stdout.trimEnd().split('\n');
    // Only this test's jobs: the demo data seeded above schedules its referrals' deadlines too.
    const rows = listed.filter((l) => l.includes(' demo.'));
    expect(header).toMatch(/^identifiant\s+type\s+statut\s+essais\s+échéance\s+dernière erreur$/);
    expect(rule).toMatch(/^-+( +-+){5}$/);
    expect(rows).toHaveLength(2);
    expect(rows.find((l) => l.includes('demo.reminder'))).toMatch(/pending\s+0\/8\s+2030-01-02T03:04:05Z$/);
    const dead = await sira(['jobs', '--status', 'dead']);
    expect(dead.stdout.trimEnd().split('\n').slice(2)).toEqual([expect.stringMatching(/demo\.export\s+dead\s+3\/3\s+\S+\s+disque plein$/)]);
    expect(await sira(['jobs', '--status', 'stuck'])).toMatchObject({ code: 2, stderr: 'Valeur invalide pour --status : stuck\n' });
  });

  it('backup and restore into another database give back every row', async () => {
    const file = path.join(tmp, 'sauvegarde.sira.gz');
    const backup = await sira(['backup', file]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Sauvegarde écrite dans .*sauvegarde\.sira\.gz \(\d+ lignes, \d+ tables\)\.\n$/);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const restore = await sira(['restore', file], copy);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    const rows = /\((\d+) lignes, /.exec(backup.stdout)?.[1];
    expect(restore.stdout).toBe(`Restauration terminée depuis ${file} (${rows} lignes).\n`);
    const original = await inspect(main, snapshot);
    expect(withoutRestoreTrail(await inspect(copy, snapshot))).toEqual(withoutChainHead(original));
    const again = await sira(['restore', file], copy);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toContain('La base de destination contient déjà des données.');
  });

  it('audit verify passes, then names the event that was altered (exit 2)', async () => {
    const ok = await sira(['audit', 'verify']);
    expect(ok).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Journal d'audit intact : \d+ événements vérifiés\.\n$/) });
    await inspect(main, (db) => db.execute(sql`update audit_events set data = '{"command":"x","fields":[]}' where seq = 2`));
    const broken = await sira(['audit', 'verify']);
    expect(broken).toMatchObject({ code: 2, stdout: '' });
    expect(broken.stderr).toBe("Journal d'audit rompu à l'événement n° 2 : son contenu a été modifié (empreinte différente).\n");
  });

  it(
    BACKEND === 'pglite'
      ? 'refuses to run while another process holds the data folder (exit 75)'
      : 'runs beside another process on PostgreSQL, where no folder lock applies',
    async () => {
      const lock = acquireDataDirLock(main.dataDir);
      const target = path.join(tmp, 'beside.sira.gz');
      try {
        const r = await sira(['backup', target]);
        if (BACKEND === 'pglite') {
          expect(r.code).toBe(75);
          expect(r.stderr).toBe(
            `Le dossier de données ${main.dataDir} est déjà utilisé par le processus ${process.pid} sur la machine ${os.hostname()}. Un seul Sira à la fois peut utiliser ce dossier : arrêtez l'autre processus ou choisissez un autre dossier avec SIRA_DATA_DIR.\n`,
          );
          await expect(fs.stat(target)).rejects.toThrow();
        } else {
          expect(r.code).toBe(0);
          expect((await fs.stat(target)).size).toBeGreaterThan(0);
        }
      } finally {
        lock.release();
      }
    },
  );

  it('reports usage and configuration errors with their exit codes', async () => {
    const unknown = await sira(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Commande inconnue : frobnicate\nUsage : sira <commande>/);
    const config = await sira(['migrate'], main, { SIRA_LOCALE: 'xx' });
    expect(config.code).toBe(78);
    expect(config.stderr).toMatch(/^Configuration invalide :\n {2}SIRA_LOCALE: /);
  });
});
