import { randomUUID } from 'node:crypto';
import { SYSTEM_CLI } from '../../domain/identity/actor.ts';
import { buildRegistry } from '../../server/commands/registry.ts';
import { runCommand } from '../../server/commands/run.ts';
import { EXIT, type Verb, parseVerbArgs, withDatabase } from '../context.ts';

/**
 * `forms seed-builtin`: stores the screening questionnaires shipped with Sira, for an install
 * made without demo data (registration cannot screen anyone before). Adds only the missing
 * ones, so running it again, or after a coordinator versioned them, changes nothing of theirs.
 */
export const seedBuiltinForms: Verb = async (ctx, rest) => {
  parseVerbArgs(rest, {});
  const result = await withDatabase(ctx, { migrate: true }, (db) =>
    runCommand(db, buildRegistry(), { name: 'form.seed_builtin', commandId: randomUUID(), input: {}, actor: SYSTEM_CLI, requestId: 'cli-forms-seed-builtin', locale: ctx.config.locale }),
  );
  const { inserted } = result.result as { inserted: number };
  ctx.out(ctx.t('cli.forms.seeded', { count: inserted }));
  return EXIT.ok;
};
