import { SYSTEM_CLI } from '../../domain/identity/actor.ts';
import { readBackupHeader } from '../../server/backup/read.ts';
import { restoreBackup } from '../../server/backup/restore.ts';
import { EXIT, UsageError, type Verb, parseVerbArgs, withDatabase } from '../context.ts';

/** `restore FILE`: into an empty database only; all or nothing. */
export const restore: Verb = async (ctx, args) => {
  const { positionals } = parseVerbArgs(args, {}, 1);
  const file = positionals[0];
  if (!file) throw new UsageError('cli.usage');
  // A file that is not a backup is refused before the database is even opened (or created).
  await readBackupHeader(file);
  const summary = await withDatabase(ctx, { migrate: false }, (db) => restoreBackup(db, file, { actor: SYSTEM_CLI }));
  ctx.out(ctx.t('cli.restore.done', { file, rows: summary.rows }));
  return EXIT.ok;
};
