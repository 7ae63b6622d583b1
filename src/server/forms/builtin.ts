import { inArray } from 'drizzle-orm';
import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import type { FormDefinition } from '../../domain/forms/definition.ts';
import { can } from '../../domain/policies/policy.ts';
import { BUILTIN_FORMS } from '../../domain/screening/forms/index.ts';
import { defineCommand } from '../commands/define.ts';
import { formVersions, forms } from '../db/schema/index.ts';

/** Never change: every install derives the same id for a shipped form from its key. */
const NAMESPACE = '5d0c3e7a-8b1f-4f2a-9c6d-3e4b7a1f0c92';

export function builtinFormId(formKey: string): string {
  return uuidv5(`form:${formKey}`, NAMESPACE);
}

export const seedBuiltinFormsInput = z.object({}).strict();

/**
 * Stores the questionnaires shipped with Sira that are missing, by form key, as version 1,
 * published at once (the screens need them before anyone has reviewed anything). A form that
 * is there, whoever put it there and whatever versions a coordinator added since, is left
 * alone, so running it again, or after a release that changes a shipped form, changes nothing
 * a coordinator did. Like the taxonomy, this is seed data applied by a command, not a
 * migration: a restore into an empty database does not clash with seeded rows.
 */
export const seedBuiltinForms = defineCommand({
  name: 'form.seed_builtin',
  summary: 'Add the questionnaires shipped with Sira (screening) that are missing, published; existing forms are left as they are.',
  input: seedBuiltinFormsInput,
  result: z.object({ inserted: z.number().int() }),
  authorize({ actor }) {
    if (!can(actor, 'form.manage')) throw new SiraError('FORBIDDEN');
  },
  async handle({ tx, now }) {
    const keys = BUILTIN_FORMS.map((f) => f.formId);
    const present = new Set((await tx.select({ formKey: forms.formKey }).from(forms).where(inArray(forms.formKey, keys))).map((r) => r.formKey));
    const inserted: string[] = [];
    for (const definition of BUILTIN_FORMS.filter((f) => !present.has(f.formId))) {
      const id = builtinFormId(definition.formId);
      // A concurrent seed, or a coordinator's import under the same key, wins: skip, never fail.
      const [row] = await tx
        .insert(forms)
        .values({ id, formKey: definition.formId, title: definition.title, latestVersion: 1, publishedVersion: 1, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning({ id: forms.id });
      if (!row) continue;
      await tx.insert(formVersions).values({ formId: id, version: 1, definition: definition satisfies FormDefinition, status: 'published', createdBy: null, createdAt: now, publishedAt: now });
      inserted.push(id);
    }
    return { result: { inserted: inserted.length }, audit: { targetType: 'form', targetIds: inserted, fields: inserted.length > 0 ? ['definition', 'publishedVersion'] : [] } };
  },
});
