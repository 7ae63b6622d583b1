import { eq, inArray } from 'drizzle-orm';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { BUILTIN_LIBRARY } from '../../../domain/activities/library-builtin.ts';
import { archiveLibraryItemInput, saveLibraryItemInput } from '../../../domain/activities/schemas.ts';
import { SiraError } from '../../../domain/errors/catalogue.ts';
import type { Actor } from '../../../domain/identity/actor.ts';
import { can } from '../../../domain/policies/policy.ts';
import { defineCommand } from '../../commands/define.ts';
import type { Tx } from '../../db/client.ts';
import { activityLibraryItems, forms } from '../../db/schema/index.ts';

/** Never change: every install derives the same id for a shipped item from its key. */
const NAMESPACE = '0f6b1c2e-9a7d-4e35-8c41-6d2a9b3e7f50';

export function builtinLibraryItemId(builtinKey: string): string {
  return uuidv5(`activity-library:${builtinKey}`, NAMESPACE);
}

const itemVersionResult = z.object({ itemId: z.uuid(), version: z.number().int() });

function authorizeManage({ actor }: { actor: Actor }): void {
  if (!can(actor, 'activity_library.manage')) throw new SiraError('FORBIDDEN');
}

/** A questionnaire points at a form by key: it must be in the forms engine, or the activity could not be evaluated. */
async function checkFormKey(tx: Tx, formKey: string): Promise<void> {
  const [found] = await tx.select({ id: forms.id }).from(forms).where(eq(forms.formKey, formKey));
  if (!found) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.content.formKey', code: 'form_unknown' }]);
}

/**
 * Adds an item, or replaces one's texts and content from the version the editor started from.
 * Shipped items are national templates that a coordinator or officer may adapt too; the kind
 * of an item never changes (an activity that took it keeps meaning the same thing).
 */
export const saveLibraryItem = defineCommand({
  name: 'activity_library.save',
  summary: 'Add a theme, exercise or questionnaire to the activity library, or edit one (shipped ones included) from its current version.',
  input: saveLibraryItemInput,
  result: itemVersionResult,
  authorize: authorizeManage,
  async handle({ tx, actor, now }, input) {
    if (input.content.kind === 'questionnaire') await checkFormKey(tx, input.content.formKey);
    const fields = { title: input.title, description: input.description, content: input.content, audiences: input.audiences, updatedAt: now };
    if (!input.itemId) {
      const itemId = uuidv7();
      await tx.insert(activityLibraryItems).values({ id: itemId, kind: input.content.kind, builtinKey: null, ...fields, createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: now, version: 1 });
      return { result: { itemId, version: 1 }, audit: { targetType: 'activity_library_item', targetIds: [itemId], fields: ['title', 'description', 'content', 'audiences'] } };
    }
    if (input.expectedVersion === undefined) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.expectedVersion', code: 'required' }]);
    const [row] = await tx.select().from(activityLibraryItems).where(eq(activityLibraryItems.id, input.itemId)).for('update');
    if (!row) throw new SiraError('NOT_FOUND');
    if (row.version !== input.expectedVersion) throw new SiraError('CONFLICT');
    if (row.kind !== input.content.kind) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.content.kind', code: 'library_kind_fixed' }]);
    const version = row.version + 1;
    await tx.update(activityLibraryItems).set({ ...fields, version }).where(eq(activityLibraryItems.id, row.id));
    return { result: { itemId: row.id, version }, audit: { targetType: 'activity_library_item', targetIds: [row.id], fields: ['title', 'description', 'content', 'audiences'] } };
  },
});

/** Archived items stay readable (activities that used them) but are no longer offered when planning. */
export const archiveLibraryItem = defineCommand({
  name: 'activity_library.archive',
  summary: 'Archive a library item (no longer offered when planning), or restore it.',
  input: archiveLibraryItemInput,
  result: itemVersionResult,
  authorize: authorizeManage,
  async handle({ tx, now }, input) {
    const [row] = await tx.select().from(activityLibraryItems).where(eq(activityLibraryItems.id, input.itemId)).for('update');
    if (!row) throw new SiraError('NOT_FOUND');
    // Already in the asked state: nothing to change, nothing to bump.
    if ((row.archivedAt !== null) === input.archived) {
      return { result: { itemId: row.id, version: row.version }, audit: { targetType: 'activity_library_item', targetIds: [row.id], fields: [] } };
    }
    const version = row.version + 1;
    await tx
      .update(activityLibraryItems)
      .set({ archivedAt: input.archived ? now : null, updatedAt: now, version })
      .where(eq(activityLibraryItems.id, row.id));
    return { result: { itemId: row.id, version }, audit: { targetType: 'activity_library_item', targetIds: [row.id], fields: ['archivedAt'] } };
  },
});

/**
 * Stores the shipped themes, exercises and questionnaires that are missing, by builtin key. One
 * that is there, edited or archived since, is left alone, so running it again after a release
 * changes nothing anyone did. Whoever may seed the shipped forms may seed this too: they go
 * together (the questionnaire items name those forms).
 */
export const seedBuiltinLibrary = defineCommand({
  name: 'activity_library.seed_builtin',
  summary: 'Add the themes, exercises and questionnaires shipped with Sira that are missing from the activity library; existing ones are left as they are.',
  input: z.object({}).strict(),
  result: z.object({ inserted: z.number().int() }),
  authorize({ actor }) {
    if (!can(actor, 'activity_library.manage') && !can(actor, 'form.manage')) throw new SiraError('FORBIDDEN');
  },
  async handle({ tx, now }) {
    const keys = BUILTIN_LIBRARY.map((i) => i.builtinKey);
    const present = new Set(
      (await tx.select({ key: activityLibraryItems.builtinKey }).from(activityLibraryItems).where(inArray(activityLibraryItems.builtinKey, keys))).map((r) => r.key),
    );
    const inserted: string[] = [];
    for (const item of BUILTIN_LIBRARY.filter((i) => !present.has(i.builtinKey))) {
      const id = builtinLibraryItemId(item.builtinKey);
      // A concurrent seed inserted it meanwhile: skip, never fail.
      const [row] = await tx
        .insert(activityLibraryItems)
        .values({ id, kind: item.kind, builtinKey: item.builtinKey, title: item.title, description: item.description, content: item.content, audiences: item.audiences, createdBy: null, createdAt: now, updatedAt: now, version: 1 })
        .onConflictDoNothing()
        .returning({ id: activityLibraryItems.id });
      if (row) inserted.push(row.id);
    }
    return { result: { inserted: inserted.length }, audit: { targetType: 'activity_library_item', targetIds: inserted, fields: inserted.length > 0 ? ['title', 'description', 'content', 'audiences'] : [] } };
  },
});

export const ACTIVITY_LIBRARY_COMMANDS = [saveLibraryItem, archiveLibraryItem, seedBuiltinLibrary] as const;
