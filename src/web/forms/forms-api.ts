import type { FormDefinition } from '../../domain/forms/definition.ts';
import type { FormDetailView, FormVersionView, FormView } from '../../domain/forms/schemas.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { ApiFailure, apiGet, apiRequest } from '../api/client.ts';
import { sendCommand } from '../api/commands.ts';

/** Type-only shapes of the forms API (the bundle gets no zod) and the calls the pages make. */
export type { FormDetailView, FormVersionView, FormView };

export interface ImportProblem {
  sheet: string;
  row: number | null;
  column: string | null;
  cell: string | null;
  code: string;
  location: string;
  message: string;
}

export type ImportAnswer =
  | { ok: true; definition: FormDefinition; questionCount: number; warnings: ImportProblem[] }
  | { ok: false; problems: ImportProblem[]; warnings: ImportProblem[] };

export interface ServerIssue {
  path: string;
  code: string;
  message?: Record<string, string>;
}

export interface ServerVerdict {
  valid: boolean;
  issues: ServerIssue[];
  relevant: Record<string, boolean>;
  calculated: Record<string, string>;
  score: { total: number; max: number; percentage: number | null };
}

export const formKeys = {
  list: ['forms'] as const,
  detail: (id: string) => ['forms', id] as const,
  version: (id: string, version: number) => ['forms', id, 'versions', version] as const,
};

export const listForms = (locale: Locale) => apiGet<{ items: FormView[] }>('/api/forms', locale);
export const getForm = (id: string, locale: Locale) => apiGet<FormDetailView>(`/api/forms/${encodeURIComponent(id)}`, locale);
export const getVersion = (id: string, version: number, locale: Locale) => apiGet<FormVersionView>(versionPath(id, version), locale);

export function versionPath(id: string, version: number): string {
  return `/api/forms/${encodeURIComponent(id)}/versions/${version}`;
}

/** Where the browser downloads a version as an XLSForm workbook (a plain link: the cookie goes along). */
export const xlsformPath = (id: string, version: number) => `${versionPath(id, version)}/xlsform`;

async function post<T>(path: string, body: unknown, locale: Locale, csrfToken: string): Promise<T> {
  const answer = await apiRequest<T>(path, { locale, method: 'POST', body, csrfToken });
  if (answer.kind !== 'ok') throw new ApiFailure(answer);
  return answer.data;
}

/** The server reads the workbook and answers a definition or every problem; nothing is stored. */
export const readXlsForm = (file: string, fileName: string, locale: Locale, csrfToken: string) => post<ImportAnswer>('/api/forms/xlsform', { file, fileName }, locale, csrfToken);

/** The server's verdict on answers, with the same code the page runs; nothing is stored. */
export const validateOnServer = (id: string, version: number, answers: unknown, locale: Locale, csrfToken: string) =>
  post<ServerVerdict>(`${versionPath(id, version)}/validate`, { answers }, locale, csrfToken);

export async function formCommand<R>(name: 'form.create' | 'form.add_version' | 'form.publish_version', input: unknown, locale: Locale, csrfToken: string): Promise<R> {
  const answer = await sendCommand<R>(name, input, { locale, csrfToken });
  if (answer.kind !== 'ok') throw new ApiFailure(answer);
  return answer.data.result;
}

/** The file as base64, the shape the import route takes (JSON body). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A localized text in the reader's language, else French, else any. */
export function pickText(text: Record<string, string>, locale: string): string {
  return text[locale] ?? text.fr ?? text.default ?? Object.values(text)[0] ?? '';
}
