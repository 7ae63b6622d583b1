import { UsageError, type Verb } from '../context.ts';
import { exportForm, listForms } from './forms-export.ts';
import { importForm } from './forms-import.ts';
import { seedBuiltinForms } from './forms-seed.ts';

const SUBVERBS: Record<string, Verb> = { import: importForm, export: exportForm, list: listForms, 'seed-builtin': seedBuiltinForms };

/** `forms import|export|list|seed-builtin`: questionnaires as XLSForm spreadsheets, for those who write them in Excel. */
export const forms: Verb = async (ctx, args) => {
  const [sub, ...rest] = args;
  const verb = sub ? SUBVERBS[sub] : undefined;
  if (!verb) throw new UsageError('cli.forms.usage');
  return verb(ctx, rest);
};
