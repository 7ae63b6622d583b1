import { SYSTEM_CLI } from '../../domain/identity/actor.ts';
import { BUILTIN_LIBRARY } from '../../domain/activities/library-builtin.ts';
import { BUILTIN_FORMS } from '../../domain/screening/forms/index.ts';
import { buildRegistry } from '../../server/commands/registry.ts';
import { runCommand } from '../../server/commands/run.ts';
import { EXIT, type Verb, parseVerbArgs, withDatabase } from '../context.ts';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS, demoEmail } from '../demo-data.ts';
import { DEMO_SERVICES, demoServiceId, demoServiceInput, demoVerifiedAt } from '../demo-directory.ts';
import { stableId } from '../ids.ts';
import { DEMO_CASES, demoConsents } from '../demo-cases.ts';
import { DEMO_REFERRALS } from '../demo-referrals.ts';
import { seedDemoActivities } from '../demo-activities.ts';
import { secretBoxProvider } from '../../server/crypto/secret-key.ts';

/**
 * `seed-demo`: fictional organisations and accounts, created through the real commands.
 * Ids and command ids derive from fixed names, so a second run replays every command and
 * changes nothing.
 */
export const seedDemo: Verb = async (ctx, args) => {
  parseVerbArgs(args, {});
  await withDatabase(ctx, { migrate: true }, async (db) => {
    const registry = buildRegistry();
    const secrets = secretBoxProvider(ctx.config);
    const run = (name: string, key: string, input: unknown) =>
      runCommand(db, registry, { name, commandId: stableId(`demo:command:${name}:${key}`), input, actor: SYSTEM_CLI, requestId: 'cli-seed-demo', locale: ctx.config.locale, secrets });
    for (const o of DEMO_ORGANISATIONS) {
      const { key, ...fields } = o;
      await run('organisation.create', key, { organisationId: stableId(`demo:organisation:${key}`), ...fields });
    }
    for (const u of DEMO_USERS) {
      await run('user.create', u.key, {
        userId: stableId(`demo:user:${u.key}`),
        email: demoEmail(u),
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        organisationId: stableId(`demo:organisation:${u.organisation}`),
        roles: u.roles,
        locale: u.locale,
      });
    }
    // The NRM taxonomy first (a no-op where it is already there), then the fictional directory.
    await run('taxonomy.seed', 'nrm', {});
    // The shipped screening forms, keyed by their list so that a release adding one seeds it.
    await run('form.seed_builtin', BUILTIN_FORMS.map((f) => f.formId).join(','), {});
    // The activity library that names the activity questionnaires, keyed by its list the same way.
    await run('activity_library.seed_builtin', BUILTIN_LIBRARY.map((i) => i.builtinKey).join(','), {});
    const today = new Date();
    for (const [index, s] of DEMO_SERVICES.entries()) {
      await run('service.create', s.key, demoServiceInput(s, index));
      const verifiedAt = demoVerifiedAt(s, today);
      if (verifiedAt) await run('service.verify', `${s.key}:${verifiedAt.slice(0, 10)}`, { serviceId: demoServiceId(s.key), verifiedAt });
    }
    // Fictional persons, encrypted like real ones (the secret key of this install seals them).
    const givenAt = new Date('2026-01-15T09:00:00Z').toISOString();
    for (const c of DEMO_CASES) {
      await run('case.register', c.key, {
        caseId: stableId(`demo:case:${c.key}`),
        organisationId: stableId(`demo:organisation:${c.organisation}`),
        regionPcode: c.regionPcode,
        identity: c.identity,
        stats: { sex: c.sex, nationality: c.regionPcode.slice(0, 2), preferredLanguage: 'bm' },
        consents: demoConsents(c, givenAt),
      });
    }
    for (const r of DEMO_REFERRALS) {
      const referralId = stableId(`demo:referral:${r.key}`);
      const { case: caseKey, service, key, steps, ...fields } = r;
      await run('referral.create', key, { referralId, caseId: stableId(`demo:case:${caseKey}`), serviceId: demoServiceId(service), ...fields });
      for (const s of steps) await run(`referral.${s.event}`, key, { referralId, ...(s.note ? { note: s.note } : {}) });
    }
    await seedDemoActivities(run, stableId('demo:organisation:ml-community'));
  });
  ctx.out(ctx.t('cli.seed.done', { organisations: DEMO_ORGANISATIONS.length, users: DEMO_USERS.length, password: DEMO_PASSWORD }));
  return EXIT.ok;
};
