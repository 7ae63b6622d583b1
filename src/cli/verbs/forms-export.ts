import { writeFile } from 'node:fs/promises';
import type { LocalizedText } from '../../domain/forms/definition.ts';
import { localize } from '../../domain/forms/definition.ts';
import { SYSTEM_CLI } from '../../domain/identity/actor.ts';
import { findFormByKey, findVersion, listForms as queryForms } from '../../server/forms/queries.ts';
import { exportXlsForm } from '../../server/forms/xlsform-export.ts';
import { EXIT, UsageError, type Verb, parseVerbArgs, withDatabase } from '../context.ts';

/**
 * `forms export FORM [--version N] [--output FILE.xlsx]`: writes a stored questionnaire back
 * as an XLSForm, so its authors can edit it in Excel and import it as the next version. The
 * published version by default (what is in use), else the latest. Never overwrites a file.
 */
export const exportForm: Verb = async (ctx, rest) => {
  const { values, positionals } = parseVerbArgs(rest, { version: { type: 'string' }, output: { type: 'string' } }, 1);
  const formKey = positionals[0];
  if (!formKey) throw new UsageError('cli.forms.usage');
  const asked = values.version === undefined ? undefined : Number(values.version);
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 1)) throw new UsageError('cli.forms.badVersion', { version: values.version ?? '' });
  return withDatabase(ctx, { migrate: false }, async (db) => {
    const form = await findFormByKey(db, SYSTEM_CLI, formKey);
    if (!form) {
      ctx.err(ctx.t('cli.forms.unknownForm', { formKey }));
      return EXIT.usage;
    }
    const version = asked ?? form.publishedVersion ?? form.latestVersion;
    const row = await findVersion(db, SYSTEM_CLI, form.id, version);
    if (!row) {
      ctx.err(ctx.t('cli.forms.unknownVersion', { formKey, version, latest: form.latestVersion }));
      return EXIT.usage;
    }
    const file = values.output ?? `${formKey}-v${version}.xlsx`;
    try {
      await writeFile(file, await exportXlsForm(row.definition), { flag: 'wx' });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      ctx.err(ctx.t(code === 'EEXIST' ? 'cli.forms.fileExists' : 'cli.forms.fileUnwritable', { file }));
      return EXIT.usage;
    }
    ctx.out(ctx.t('cli.forms.exported', { formKey, version, file }));
    return EXIT.ok;
  });
};

/** `forms list`: the stored questionnaires, with the names `forms export` takes. */
export const listForms: Verb = async (ctx, rest) => {
  parseVerbArgs(rest, {}, 0);
  return withDatabase(ctx, { migrate: false }, async (db) => {
    const rows = await queryForms(db, SYSTEM_CLI);
    if (rows.length === 0) ctx.out(ctx.t('cli.forms.none'));
    for (const row of rows) {
      const title = localize(row.title as LocalizedText, ctx.config.locale, Object.keys(row.title as object)[0] ?? '') ?? row.formKey;
      ctx.out(ctx.t('cli.forms.listLine', { formKey: row.formKey, title, published: row.publishedVersion ?? 0, latest: row.latestVersion }));
    }
    return EXIT.ok;
  });
};
