import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { v4 as uuidv4 } from 'uuid';
import { SYSTEM_CLI } from '../../src/domain/identity/actor.ts';
import { buildRegistry } from '../../src/server/commands/registry.ts';
import { runCommand } from '../../src/server/commands/run.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { startServer } from '../../src/server/main.ts';

export const WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface E2eUser {
  email: string;
  password: string;
  displayName: string;
  organisationName: string;
}

export interface E2eServer {
  url: string;
  /** A frontline identifier: no administration ability. */
  user: E2eUser;
  /** A system administrator of the same organisation (sees the background jobs page). */
  admin: E2eUser;
  stop(): Promise<void>;
}

export interface E2eServerOptions {
  /** Serve another copy of the built app (e.g. one a test modifies to publish an update). */
  webDir?: string;
}

/**
 * The real server on a fresh embedded database, serving the built web app, with one
 * organisation and one user made through the real commands, as the CLI would.
 */
export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  const webDir = options.webDir ?? WEB_DIR;
  if (!fs.existsSync(path.join(webDir, 'index.html'))) {
    throw new Error(`${webDir}/index.html is missing: run "npm run build:web" (npm run test:e2e does it)`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sira-e2e-'));
  const config = loadConfig({ SIRA_DATA_DIR: dataDir, PORT: '0', SIRA_WEB_DIR: webDir, SIRA_LOG_LEVEL: 'silent' });
  const user: E2eUser = {
    email: 'awa.traore@example.org',
    password: 'correct horse battery staple',
    displayName: 'Awa Traoré',
    organisationName: 'Association Sahel Entraide',
  };
  const admin: E2eUser = {
    email: 'moussa.diarra@example.org',
    password: 'another long passphrase',
    displayName: 'Moussa Diarra',
    organisationName: user.organisationName,
  };

  // Seeded before the server opens the folder: the data folder admits one process at a time.
  const opened = await openDatabase(config);
  try {
    const registry = buildRegistry();
    const run = (name: string, input: unknown) =>
      runCommand(opened.database.db, registry, { name, commandId: uuidv4(), input, actor: SYSTEM_CLI, requestId: 'e2e-seed', locale: 'fr' });
    const organisationId = uuidv4();
    await run('organisation.create', { organisationId, name: user.organisationName, type: 'ngo', country: 'ML', regionPcodes: ['ML01'] });
    await run('user.create', { userId: uuidv4(), email: user.email, displayName: user.displayName, password: user.password, organisationId, roles: ['frontline_identifier'] });
    await run('user.create', { userId: uuidv4(), email: admin.email, displayName: admin.displayName, password: admin.password, organisationId, roles: ['system_admin'] });
  } finally {
    await opened.close();
  }

  const server = await startServer(config, { logger: false });
  return {
    url: server.url,
    user,
    admin,
    async stop() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
