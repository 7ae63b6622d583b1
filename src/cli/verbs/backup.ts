import { writeBackup } from '../../server/backup/write.ts';
import { EXIT, UsageError, type Verb, parseVerbArgs, withDatabase } from '../context.ts';

/**
 * `backup FILE`: a consistent copy of the whole database, on either backend. On the
 * embedded database the server holds the data folder, so it is stopped first (the lock
 * message says so); on PostgreSQL a backup runs beside the live server.
 */
export const backup: Verb = async (ctx, args) => {
  const { positionals } = parseVerbArgs(args, {}, 1);
  const file = positionals[0];
  if (!file) throw new UsageError('cli.usage');
  const summary = await withDatabase(ctx, { migrate: false }, (db) => writeBackup(db, file));
  ctx.out(ctx.t('cli.backup.done', { file: summary.file, rows: summary.rows, tables: summary.tables }));
  return EXIT.ok;
};
