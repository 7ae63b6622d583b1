import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { MessageValues } from '../domain/i18n/translate.ts';
import type { Config } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import { type OpenedDatabase, openDatabase } from '../server/db/open.ts';

/** Exit codes follow sysexits.h where one fits, so scripts and systemd can tell cases apart. */
export const EXIT = {
  ok: 0,
  failure: 1,
  /** Usage error, invalid input, or an integrity check that failed. */
  usage: 2,
  /** EX_TEMPFAIL: the data folder is in use; retry once the server is stopped. */
  locked: 75,
  /** EX_CONFIG */
  config: 78,
} as const;

export interface CliContext {
  config: Config;
  t(key: string, values?: MessageValues): string;
  out(line: string): void;
  err(line: string): void;
}

export type Verb = (ctx: CliContext, args: string[]) => Promise<number>;

/** A mistake in how the command was called: printed as its message, exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly values: MessageValues = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its English errors turned into translatable usage errors. */
export function parseVerbArgs<O extends Options>(args: string[], options: O, maxPositionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const { code, message } = err as { code?: string; message?: string };
    const quoted = /'([^']+)'/.exec(message ?? '')?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError('cli.unknownOption', { option: quoted });
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError('cli.missingOption', { option: quoted.split(' ')[0] ?? quoted });
    throw err;
  }
  const extra = parsed.positionals[maxPositionals];
  if (extra !== undefined) throw new UsageError('cli.unexpectedArgument', { argument: extra });
  return parsed;
}

/**
 * Opens the configured database for one verb and always closes it, releasing the data
 * folder lock. Verbs that only read (backup, audit, jobs) do not migrate: a backup taken
 * before an upgrade must show the schema as it was.
 */
export async function withDatabase<T>(ctx: CliContext, options: { migrate: boolean }, fn: (db: Db, opened: OpenedDatabase) => Promise<T>): Promise<T> {
  const opened = await openDatabase(ctx.config, { migrate: options.migrate });
  try {
    return await fn(opened.database.db, opened);
  } finally {
    await opened.close();
  }
}
