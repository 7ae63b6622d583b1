import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import canonicalize from 'canonicalize';
import { v4 as uuidv4 } from 'uuid';
import { localize } from '../../domain/forms/definition.ts';
import { SYSTEM_CLI } from '../../domain/identity/actor.ts';
import { buildRegistry } from '../../server/commands/registry.ts';
import { runCommand } from '../../server/commands/run.ts';
import { findFormByKey, findVersion } from '../../server/forms/queries.ts';
import { countQuestions, importXlsForm } from '../../server/forms/xlsform-import.ts';
import { presentProblem } from '../../server/forms/xlsform-problems.ts';
import { EXIT, UsageError, type Verb, parseVerbArgs, withDatabase } from '../context.ts';

/**
 * `forms import FILE.xlsx`: reads an XLSForm, prints its title, languages and question
 * count, or every problem with its sheet, row and column (exit 2, nothing stored). A valid
 * form is stored through the same commands as the web app: a new form, or a new version of
 * the form with the same form_id.
 */
export const importForm: Verb = async (ctx, rest) => {
  const { values, positionals } = parseVerbArgs(rest, { publish: { type: 'boolean' }, 'dry-run': { type: 'boolean' } }, 1);
  const file = positionals[0];
  if (!file) throw new UsageError('cli.forms.usage');
  let data: Uint8Array;
  try {
    data = await readFile(file);
  } catch {
    ctx.err(ctx.t('cli.forms.fileUnreadable', { file }));
    return EXIT.usage;
  }
  const result = await importXlsForm(data, basename(file).replace(/\.xlsx$/i, ''));
  const locale = ctx.config.locale;
  if (result.warnings.length > 0) {
    ctx.err(ctx.t('cli.forms.warnings', { count: result.warnings.length }));
    for (const w of result.warnings.map((p) => presentProblem(p, locale))) ctx.err(`  ${w.location}: ${w.message}`);
  }
  if (!result.ok) {
    ctx.err(ctx.t('cli.forms.problems', { count: result.problems.length }));
    for (const p of result.problems.map((x) => presentProblem(x, locale))) ctx.err(`  ${p.location}: ${p.message}`);
    return EXIT.usage;
  }
  const form = result.form;
  const title = localize(form.title, locale, form.defaultLanguage) ?? form.formId;
  ctx.out(ctx.t('cli.forms.summary', { title, languages: form.languages.map((l) => `${l.name} (${l.code})`).join(', '), count: countQuestions(form) }));
  if (values['dry-run']) {
    ctx.out(ctx.t('cli.forms.checked'));
    return EXIT.ok;
  }
  await withDatabase(ctx, { migrate: true }, async (db) => {
    const registry = buildRegistry();
    const run = (name: string, input: unknown) => runCommand(db, registry, { name, commandId: uuidv4(), input, actor: SYSTEM_CLI, requestId: 'cli-forms-import', locale });
    const existing = await findFormByKey(db, SYSTEM_CLI, form.formId);
    const latest = existing ? await findVersion(db, SYSTEM_CLI, existing.id, existing.latestVersion) : undefined;
    // Importing the same spreadsheet twice must not pile up identical versions.
    const unchanged = existing && latest && canonicalize(latest.definition) === canonicalize(form);
    const stored = unchanged
      ? { formId: existing.id, version: existing.latestVersion }
      : ((existing ? await run('form.add_version', { formId: existing.id, definition: form }) : await run('form.create', { formId: uuidv4(), definition: form })).result as { formId: string; version: number });
    ctx.out(ctx.t('cli.forms.stored', { formKey: form.formId, version: stored.version }));
    if (values.publish) {
      await run('form.publish_version', { formId: stored.formId, version: stored.version });
      ctx.out(ctx.t('cli.forms.published', { version: stored.version }));
    }
  });
  return EXIT.ok;
};
