import { and, eq, inArray } from 'drizzle-orm';
import type { FormDefinition } from '../../domain/forms/definition.ts';
import type { DbOrTx } from '../db/client.ts';
import { formVersions, forms } from '../db/schema/index.ts';

/**
 * The questionnaires of an activity live in the forms engine, found by their key. Answers are
 * entered with a published version (or one retired since, for a paper test typed in late) and
 * always read back with the version they were entered with.
 */
export async function answerableVersion(db: DbOrTx, formKey: string, version: number): Promise<FormDefinition | undefined> {
  const [row] = await db
    .select({ definition: formVersions.definition })
    .from(formVersions)
    .innerJoin(forms, eq(forms.id, formVersions.formId))
    .where(and(eq(forms.formKey, formKey), eq(formVersions.version, version), inArray(formVersions.status, ['published', 'retired'])));
  return row?.definition as FormDefinition | undefined;
}

/** Definitions of several versions of one form, by version number (for reading stored answers). */
export async function definitionsOf(db: DbOrTx, formKey: string, versions: readonly number[]): Promise<Map<number, FormDefinition>> {
  if (versions.length === 0) return new Map();
  const rows = await db
    .select({ version: formVersions.version, definition: formVersions.definition })
    .from(formVersions)
    .innerJoin(forms, eq(forms.id, formVersions.formId))
    .where(and(eq(forms.formKey, formKey), inArray(formVersions.version, [...new Set(versions)])));
  return new Map(rows.map((r) => [r.version, r.definition as FormDefinition]));
}

/** The version new answers are entered with now: its labels title the results. */
export async function publishedDefinition(db: DbOrTx, formKey: string): Promise<FormDefinition | undefined> {
  const [row] = await db
    .select({ definition: formVersions.definition })
    .from(forms)
    .innerJoin(formVersions, and(eq(formVersions.formId, forms.id), eq(formVersions.version, forms.publishedVersion)))
    .where(eq(forms.formKey, formKey));
  return row?.definition as FormDefinition | undefined;
}
