import { and, asc, eq } from 'drizzle-orm';
import type { FormDefinition } from '../../domain/forms/definition.ts';
import type { Actor } from '../../domain/identity/actor.ts';
import { can } from '../../domain/policies/policy.ts';
import type { DbOrTx } from '../db/client.ts';
import { formVersions, forms } from '../db/schema/index.ts';

export type FormRow = typeof forms.$inferSelect;
export type FormVersionRow = Omit<typeof formVersions.$inferSelect, 'definition'> & { definition: FormDefinition };

/** Every signed-in member may list questionnaires: they are templates, not records of people. */
export async function listForms(db: DbOrTx, actor: Actor): Promise<FormRow[]> {
  if (!can(actor, 'form.list')) return [];
  return db.select().from(forms).orderBy(asc(forms.formKey));
}

export async function findForm(db: DbOrTx, actor: Actor, id: string): Promise<FormRow | undefined> {
  if (!can(actor, 'form.read')) return undefined;
  const [row] = await db.select().from(forms).where(eq(forms.id, id));
  return row;
}

export async function findFormByKey(db: DbOrTx, actor: Actor, formKey: string): Promise<FormRow | undefined> {
  if (!can(actor, 'form.read')) return undefined;
  const [row] = await db.select().from(forms).where(eq(forms.formKey, formKey));
  return row;
}

/** Versions without their definitions, newest last. */
export async function listVersions(db: DbOrTx, formId: string) {
  return db
    .select({ version: formVersions.version, status: formVersions.status, createdAt: formVersions.createdAt, publishedAt: formVersions.publishedAt })
    .from(formVersions)
    .where(eq(formVersions.formId, formId))
    .orderBy(asc(formVersions.version));
}

export async function findVersion(db: DbOrTx, actor: Actor, formId: string, version: number): Promise<FormVersionRow | undefined> {
  if (!can(actor, 'form.read')) return undefined;
  const [row] = await db.select().from(formVersions).where(and(eq(formVersions.formId, formId), eq(formVersions.version, version)));
  return row ? { ...row, definition: row.definition as FormDefinition } : undefined;
}
