import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import type { FormDefinition } from '../../domain/forms/definition.ts';
import { addFormVersionInput, createFormInput, publishFormVersionInput } from '../../domain/forms/schemas.ts';
import { can } from '../../domain/policies/policy.ts';
import { defineCommand } from '../commands/define.ts';
import type { Tx } from '../db/client.ts';
import { formVersions, forms } from '../db/schema/index.ts';

const versionResult = z.object({ formId: z.uuid(), version: z.number().int() });

/**
 * Expression problems are input errors, reported per field like any other. The evaluator is
 * loaded on first use: it costs about half a second, which every CLI verb (they all build the
 * command registry) would otherwise pay.
 */
async function assertExpressions(definition: FormDefinition): Promise<void> {
  const { definitionIssues } = await import('../../domain/forms/check.ts');
  const issues = definitionIssues(definition);
  if (issues.length > 0) throw new SiraError('VALIDATION_FAILED', issues.map((i) => ({ path: `input.definition.${i.path}`, code: i.code, ...(i.params ? { params: i.params } : {}) })));
}

function authorizeManage(actor: Parameters<typeof can>[0]): void {
  if (!can(actor, 'form.manage')) throw new SiraError('FORBIDDEN');
}

export const createForm = defineCommand({
  name: 'form.create',
  summary: 'Add a questionnaire (for example imported from XLSForm); its first version is a draft.',
  input: createFormInput,
  result: versionResult,
  authorize: ({ actor }) => authorizeManage(actor),
  async handle({ tx, now, actor }, input) {
    await assertExpressions(input.definition);
    const [taken] = await tx.select({ id: forms.id }).from(forms).where(eq(forms.formKey, input.definition.formId));
    if (taken) throw new SiraError('CONFLICT', [{ path: 'input.definition.formId', code: 'taken' }]);
    await tx.insert(forms).values({ id: input.formId, formKey: input.definition.formId, title: input.definition.title, latestVersion: 1, createdAt: now, updatedAt: now });
    await tx.insert(formVersions).values({ formId: input.formId, version: 1, definition: input.definition, createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: now });
    return { result: { formId: input.formId, version: 1 }, audit: { targetType: 'form', targetIds: [input.formId], fields: ['definition'] } };
  },
});

async function lockForm(tx: Tx, formId: string) {
  const [row] = await tx.select().from(forms).where(eq(forms.id, formId)).for('update');
  if (!row) throw new SiraError('NOT_FOUND');
  return row;
}

export const addFormVersion = defineCommand({
  name: 'form.add_version',
  summary: 'Add a new draft version of a questionnaire; answers already collected keep their version.',
  input: addFormVersionInput,
  result: versionResult,
  async authorize({ tx, actor }, input) {
    await lockForm(tx, input.formId);
    authorizeManage(actor);
  },
  async handle({ tx, now, actor }, input) {
    const form = await lockForm(tx, input.formId);
    if (form.formKey !== input.definition.formId) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.definition.formId', code: 'invalid_value' }]);
    await assertExpressions(input.definition);
    const version = form.latestVersion + 1;
    await tx.insert(formVersions).values({ formId: form.id, version, definition: input.definition, createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: now });
    await tx.update(forms).set({ latestVersion: version, title: input.definition.title, updatedAt: now }).where(eq(forms.id, form.id));
    return { result: { formId: form.id, version }, audit: { targetType: 'form', targetIds: [form.id], fields: ['definition'] } };
  },
});

export const publishFormVersion = defineCommand({
  name: 'form.publish_version',
  summary: 'Make a version the one new answers are collected with; the previously published one is retired.',
  input: publishFormVersionInput,
  result: versionResult,
  async authorize({ tx, actor }, input) {
    await lockForm(tx, input.formId);
    authorizeManage(actor);
  },
  async handle({ tx, now }, input) {
    const form = await lockForm(tx, input.formId);
    const [target] = await tx.select({ status: formVersions.status }).from(formVersions).where(and(eq(formVersions.formId, form.id), eq(formVersions.version, input.version)));
    if (!target) throw new SiraError('NOT_FOUND');
    if (target.status === 'published') return { result: { formId: form.id, version: input.version }, audit: { targetType: 'form', targetIds: [form.id], fields: [] } };
    if (form.publishedVersion !== null) {
      await tx.update(formVersions).set({ status: 'retired' }).where(and(eq(formVersions.formId, form.id), eq(formVersions.version, form.publishedVersion)));
    }
    await tx.update(formVersions).set({ status: 'published', publishedAt: now }).where(and(eq(formVersions.formId, form.id), eq(formVersions.version, input.version)));
    await tx.update(forms).set({ publishedVersion: input.version, updatedAt: now }).where(eq(forms.id, form.id));
    return { result: { formId: form.id, version: input.version }, audit: { targetType: 'form', targetIds: [form.id], fields: ['publishedVersion'] } };
  },
});
