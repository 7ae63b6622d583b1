import { SiraError } from '../domain/errors/catalogue.ts';
import { DEFAULT_LOCALE, type Locale, isLocale } from '../domain/i18n/locales.ts';
import { translate } from '../domain/i18n/translate.ts';
import { BackupFileError, RestoreRefusedError } from '../server/backup/format.ts';
import { type Config, ConfigError, loadConfig } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/data-dir-lock.ts';
import { type CliContext, EXIT, UsageError, type Verb } from './context.ts';
import { printSiraError } from './print.ts';
import { audit } from './verbs/audit.ts';
import { backup } from './verbs/backup.ts';
import { createAdmin } from './verbs/create-admin.ts';
import { jobs } from './verbs/jobs.ts';
import { migrate } from './verbs/migrate.ts';
import { restore } from './verbs/restore.ts';
import { seedDemo } from './verbs/seed-demo.ts';

const VERBS: Record<string, Verb> = {
  migrate,
  'create-admin': createAdmin,
  'seed-demo': seedDemo,
  audit,
  backup,
  restore,
  jobs,
  // Loaded on use: the spreadsheet reader and the XPath evaluator take a second to load.
  forms: async (ctx, args) => (await import('./verbs/forms.ts')).forms(ctx, args),
  directory: async (ctx, args) => (await import('./verbs/directory.ts')).directory(ctx, args),
  dedupe: async (ctx, args) => (await import('./verbs/dedupe.ts')).dedupe(ctx, args),
  keys: async (ctx, args) => (await import('./verbs/keys.ts')).keys(ctx, args),
};

/** Runs one CLI invocation and returns its exit code; never throws for an expected failure. */
export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // The configured language may be the invalid setting itself.
    const locale: Locale = isLocale(env.SIRA_LOCALE) ? env.SIRA_LOCALE : DEFAULT_LOCALE;
    console.error(`${translate(locale, 'cli.config.invalid')}\n${err.message.split('\n').slice(1).join('\n')}`);
    return EXIT.config;
  }
  const ctx: CliContext = {
    config,
    t: (key, values) => translate(config.locale, key, values),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  };
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? ctx.err : ctx.out)(ctx.t('cli.usage'));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const verb = VERBS[name];
  if (!verb) {
    ctx.err(ctx.t('cli.unknownCommand', { command: name }));
    ctx.err(ctx.t('cli.usage'));
    return EXIT.usage;
  }
  try {
    return await verb(ctx, args);
  } catch (err) {
    return report(ctx, err);
  }
}

/** Expected failures become one translated message and an exit code; no stack traces. */
function report(ctx: CliContext, err: unknown): number {
  if (err instanceof UsageError) {
    ctx.err(ctx.t(err.key, err.values));
    return EXIT.usage;
  }
  if (err instanceof DataDirLockedError) {
    ctx.err(ctx.t('cli.lock.refused', { dir: err.dataDir, pid: err.owner.pid, host: err.owner.hostname }));
    return EXIT.locked;
  }
  if (err instanceof BackupFileError) {
    ctx.err(ctx.t('cli.restore.badFile', { reason: ctx.t(`cli.restore.reason.${err.reason}`, err.params) }));
    return EXIT.failure;
  }
  if (err instanceof RestoreRefusedError) {
    ctx.err(ctx.t(`cli.restore.${err.reason}`, { migration: err.migration ?? '' }));
    return EXIT.failure;
  }
  if (err instanceof SiraError) {
    printSiraError(ctx, err);
    return err.code === 'VALIDATION_FAILED' ? EXIT.usage : EXIT.failure;
  }
  ctx.err(ctx.t('cli.failed', { message: rootMessage(err) }));
  if (ctx.config.logLevel === 'debug' || ctx.config.logLevel === 'trace') ctx.err(String((err as Error).stack ?? ''));
  return EXIT.failure;
}

/**
 * Drizzle wraps a driver error in "Failed query: <sql> params: <values>": the values may be
 * personal data, so only the driver's own message (the cause) is shown.
 */
function rootMessage(err: unknown): string {
  let current = err;
  for (let depth = 0; depth < 4 && current instanceof Error && current.cause instanceof Error; depth++) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
