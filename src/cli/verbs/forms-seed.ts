import { randomUUID } from 'node:crypto';
import { SYSTEM_CLI } from '../../domain/identity/actor.ts';
import { buildRegistry } from '../../server/commands/registry.ts';
import { runCommand } from '../../server/commands/run.ts';
import { EXIT, type Verb, parseVerbArgs, withDatabase } from '../context.ts';

/**
 * `forms seed-builtin`: stores the questionnaires shipped with Sira (screening, activity tests
 * and surveys), for an install made without demo data (registration cannot screen anyone
 * before), then the activity library that names them. Adds only the missing ones, so running
 * it again, or after a coordinator versioned them, changes nothing of theirs.
 */
export const seedBuiltinForms: Verb = async (ctx, rest) => {
  parseVerbArgs(rest, {});
  const [forms, library] = await withDatabase(ctx, { migrate: true }, async (db) => {
    const registry = buildRegistry();
    const run = (name: string) => runCommand(db, registry, { name, commandId: randomUUID(), input: {}, actor: SYSTEM_CLI, requestId: 'cli-forms-seed-builtin', locale: ctx.config.locale });
    return [await run('form.seed_builtin'), await run('activity_library.seed_builtin')];
  });
  ctx.out(ctx.t('cli.forms.seeded', { count: (forms.result as { inserted: number }).inserted }));
  ctx.out(ctx.t('cli.forms.librarySeeded', { count: (library.result as { inserted: number }).inserted }));
  return EXIT.ok;
};
