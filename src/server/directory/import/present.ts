import { z } from 'zod';
import type { ImportProblem } from '../../../domain/directory/import-problems.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import { translate } from '../../../domain/i18n/translate.ts';

/** An import problem as the API and the CLI show it: where, in the author's words, and what. */
export const importProblemView = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  params: z.record(z.string(), z.string()).optional(),
  location: z.string(),
  message: z.string(),
});
export type ImportProblemView = z.infer<typeof importProblemView>;

export function problemLocation(p: ImportProblem, locale: Locale): string {
  const values = { sheet: p.sheet, row: p.row ?? 0, column: p.column ?? '' };
  if (p.row !== null && p.column !== null) return translate(locale, 'directoryImport.at.cell', values);
  if (p.row !== null) return translate(locale, 'directoryImport.at.row', values);
  if (p.column !== null) return translate(locale, 'directoryImport.at.column', values);
  return translate(locale, 'directoryImport.at.file', values);
}

export function presentImportProblem(p: ImportProblem, locale: Locale): ImportProblemView {
  return {
    sheet: p.sheet,
    row: p.row,
    column: p.column,
    code: p.code,
    ...(p.params ? { params: p.params } : {}),
    location: problemLocation(p, locale),
    message: translate(locale, `directoryImport.problem.${p.code}`, { value: '', row: '', sheet: '', ...p.params }),
  };
}
