import { EXIT, type Verb, parseVerbArgs, withDatabase } from '../context.ts';

/** Applies pending migrations; the server does the same at start-up, this lets it happen first. */
export const migrate: Verb = async (ctx, args) => {
  parseVerbArgs(args, {});
  const applied = await withDatabase(ctx, { migrate: true }, async (_db, opened) => opened.appliedMigrations);
  ctx.out(ctx.t('cli.migrate.done', { count: applied.length }));
  return EXIT.ok;
};
