import { asc, eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { SYSTEM_CLI } from '../../domain/identity/actor.ts';
import { createUserInput } from '../../domain/identity/schemas.ts';
import { buildRegistry } from '../../server/commands/registry.ts';
import { runCommand } from '../../server/commands/run.ts';
import { zodToSiraError } from '../../server/commands/validation.ts';
import type { Db } from '../../server/db/client.ts';
import { organisations } from '../../server/db/schema/index.ts';
import { type CliContext, EXIT, UsageError, type Verb, parseVerbArgs, withDatabase } from '../context.ts';
import { stableId } from '../ids.ts';
import { printSiraError } from '../print.ts';

/** The organisation a first administrator belongs to when the database has none yet. */
export const COORDINATION_ORGANISATION_ID = stableId('organisation:coordination-nationale');
const COORDINATION_NAME = 'Coordination nationale du MNR';
const FIELD_LABELS: Record<string, string> = { email: '--email', password: '--password', displayName: '--name' };
const COUNTRIES = ['ML', 'BF'] as const;

/**
 * `create-admin --email E --password P [--name N] [--country ML|BF]`: the first account,
 * created through the same `user.create` command as the API, as the CLI system actor.
 */
export const createAdmin: Verb = async (ctx, args) => {
  const { values } = parseVerbArgs(args, {
    email: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    country: { type: 'string' },
  });
  if (values.email === undefined) throw new UsageError('cli.missingOption', { option: '--email' });
  if (values.password === undefined) throw new UsageError('cli.missingOption', { option: '--password' });
  const country = (values.country ?? 'ML').toUpperCase() as (typeof COUNTRIES)[number];
  if (!COUNTRIES.includes(country)) throw new UsageError('cli.invalidOption', { option: '--country', value: values.country ?? '' });
  const input = {
    userId: uuidv4(),
    email: values.email,
    displayName: values.name ?? ctx.t('cli.admin.defaultName'),
    password: values.password,
    organisationId: COORDINATION_ORGANISATION_ID,
    roles: ['system_admin'],
    locale: ctx.config.locale,
  };
  // Checked before anything is written, so a typo never leaves an organisation without its administrator.
  const checked = createUserInput.safeParse(input, { reportInput: true });
  if (!checked.success) {
    printSiraError(ctx, zodToSiraError(checked.error, 'input'), FIELD_LABELS);
    return EXIT.usage;
  }
  return withDatabase(ctx, { migrate: true }, async (db) => {
    const registry = buildRegistry();
    const organisationId = await adminOrganisation(db, ctx, country);
    try {
      await runCommand(db, registry, { name: 'user.create', commandId: uuidv4(), input: { ...input, organisationId }, actor: SYSTEM_CLI, requestId: 'cli', locale: ctx.config.locale });
    } catch (err) {
      if (err instanceof SiraError && err.code === 'EMAIL_TAKEN') {
        ctx.err(ctx.t('cli.admin.exists'));
        return EXIT.failure;
      }
      if (err instanceof SiraError) {
        printSiraError(ctx, err, FIELD_LABELS);
        return err.code === 'VALIDATION_FAILED' ? EXIT.usage : EXIT.failure;
      }
      throw err;
    }
    ctx.out(ctx.t('cli.admin.created'));
    return EXIT.ok;
  });
};

/** The national coordination if it exists, else the oldest organisation, else a new coordination. */
async function adminOrganisation(db: Db, ctx: CliContext, country: (typeof COUNTRIES)[number]): Promise<string> {
  const [coordination] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, COORDINATION_ORGANISATION_ID));
  if (coordination) return coordination.id;
  const [oldest] = await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.createdAt), asc(organisations.id)).limit(1);
  if (oldest) return oldest.id;
  // A stable command id: two administrators created at once share one coordination, the second replays.
  await runCommand(db, buildRegistry(), {
    name: 'organisation.create',
    commandId: stableId('command:organisation.create:coordination-nationale'),
    input: { organisationId: COORDINATION_ORGANISATION_ID, name: COORDINATION_NAME, type: 'government', country, regionPcodes: [] },
    actor: SYSTEM_CLI,
    requestId: 'cli',
    locale: ctx.config.locale,
  });
  return COORDINATION_ORGANISATION_ID;
}
