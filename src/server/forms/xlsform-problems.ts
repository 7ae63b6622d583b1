import { z } from 'zod';
import type { Locale } from '../../domain/i18n/locales.ts';
import { translate } from '../../domain/i18n/translate.ts';
import type { ImportProblem } from './xlsform-read.ts';

/** An import problem as the API and the CLI show it: where, in the author's words, and what. */
export const problemView = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  cell: z.string().nullable(),
  code: z.string(),
  params: z.record(z.string(), z.string()).optional(),
  location: z.string(),
  message: z.string(),
});
export type ProblemView = z.infer<typeof problemView>;

export function problemLocation(p: ImportProblem, locale: Locale): string {
  const values = { sheet: p.sheet, row: p.row ?? 0, column: p.column ?? '', cell: p.cell ?? '' };
  if (!p.sheet) return translate(locale, 'forms.import.at.file');
  if (p.row !== null && p.column !== null) return translate(locale, p.cell ? 'forms.import.at.cell' : 'forms.import.at.row', values);
  return translate(locale, 'forms.import.at.sheet', values);
}

export function presentProblem(p: ImportProblem, locale: Locale): ProblemView {
  return {
    sheet: p.sheet,
    row: p.row,
    column: p.column,
    cell: p.cell,
    code: p.code,
    ...(p.params ? { params: p.params } : {}),
    location: problemLocation(p, locale),
    message: translate(locale, `forms.import.${p.code}`, p.params ?? {}),
  };
}
