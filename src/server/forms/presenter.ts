import type { FormDefinition, LocalizedText } from '../../domain/forms/definition.ts';
import type { FormDetailView, FormVersionView, FormView } from '../../domain/forms/schemas.ts';
import type { FormRow, FormVersionRow } from './queries.ts';

type Status = FormVersionView['status'];

/** Explicit allow-lists: a column added to the tables does not leave the server by itself. */
export function presentForm(row: FormRow): FormView {
  return {
    id: row.id,
    formKey: row.formKey,
    title: row.title as LocalizedText,
    latestVersion: row.latestVersion,
    publishedVersion: row.publishedVersion,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentVersionSummary(v: { version: number; status: string; createdAt: Date; publishedAt: Date | null }) {
  return { version: v.version, status: v.status as Status, createdAt: v.createdAt.toISOString(), publishedAt: v.publishedAt?.toISOString() ?? null };
}

export function presentFormDetail(row: FormRow, versions: Parameters<typeof presentVersionSummary>[0][]): FormDetailView {
  return { ...presentForm(row), versions: versions.map(presentVersionSummary) };
}

/** `createdBy` stays on the server: who wrote a template is audited, not published. */
export function presentVersion(row: FormVersionRow): FormVersionView {
  return { formId: row.formId, ...presentVersionSummary(row), definition: row.definition as FormDefinition };
}
