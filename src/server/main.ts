import type { FastifyInstance } from 'fastify';
import { translate } from '../domain/i18n/translate.ts';
import { buildRegistry } from './commands/registry.ts';
import { secretBoxProvider } from './crypto/secret-key.ts';
import { ConfigError, type Config, loadConfig } from './config.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { type OpenedDatabase, openDatabase } from './db/open.ts';
import { buildApp } from './http/app.ts';
import { builtInJobHandlers, ensureRecurringJobs } from './jobs/handlers.ts';
import { configureAnswerHours } from './referrals/settings.ts';
import { JobWorker } from './jobs/worker.ts';
import { deliverySettings, enableDeliveryChannels } from './notifications/channels.ts';
import { SIRA_VERSION } from './version.ts';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config, options: { logger?: boolean | object } = {}): Promise<RunningServer> {
  const opened: OpenedDatabase = await openDatabase(config);
  const { database } = opened;
  let app: FastifyInstance | undefined;
  let worker: JobWorker | undefined;
  try {
    const timeouts = { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs };
    await ensureRecurringJobs(database.db);
    configureAnswerHours(config.referralAnswerHours);
    app = await buildApp({ config, database, registry: buildRegistry(), version: SIRA_VERSION, ...(options.logger === undefined ? {} : { logger: options.logger }) });
    const delivery = deliverySettings(config);
    enableDeliveryChannels(delivery);
    worker = new JobWorker(database.db, builtInJobHandlers(timeouts, { secrets: secretBoxProvider(config), years: config.retentionYears }, delivery), { pollMs: config.jobPollMs, logger: app.log });
    const address = await app.listen({ port: config.port, host: config.host });
    worker.start();
    const url = address.replace('://0.0.0.0', '://localhost').replace('://[::]', '://localhost');
    let stopping: Promise<void> | undefined;
    return {
      app,
      url,
      stop() {
        stopping ??= (async () => {
          await app?.close(); // stops accepting, lets requests in flight finish
          await worker?.stop();
          await opened.close();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await app?.close();
    await worker?.stop();
    await opened.close();
    throw err;
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${translate('fr', 'cli.config.invalid')}\n${err.message}`);
      process.exit(78);
    }
    throw err;
  }
  const t = (key: string, values?: Record<string, string | number>) => translate(config.locale, key, values);
  let server: RunningServer;
  try {
    server = await startServer(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(t('cli.lock.refused', { dir: err.dataDir, pid: err.owner.pid, host: err.owner.hostname }));
      process.exit(75);
    }
    throw err;
  }
  console.log(t('cli.server.listening', { url: server.url }));
  console.log(t('cli.server.database', { kind: config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})` }));

  const shutdown = (signal: string) => {
    console.log(t('cli.server.stopping'));
    server.app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server
      .stop()
      .then(() => {
        console.log(t('cli.server.stopped'));
        process.exit(0);
      })
      .catch(() => process.exit(1));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  });
}
