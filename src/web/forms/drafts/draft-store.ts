import type { Answers } from '../../../domain/forms/answers.ts';
import { idbStore } from '../../pwa/idb-store.ts';

/**
 * Forms being filled, kept in IndexedDB so that nothing typed is lost when the page reloads
 * or the phone's browser drops the tab. One record per signed-in user, form and version: a
 * draft is never offered to another person signing in on the same phone, and discarding it
 * deletes it from the device.
 */
export interface Draft {
  key: string;
  userId: string;
  formId: string;
  version: number;
  answers: Answers;
  /** The form language the person chose, so the draft reopens as they left it. */
  language: string;
  savedAt: string;
}

const DB_NAME = 'sira-form-drafts';
const STORE = 'drafts';

export function draftKey(userId: string, formId: string, version: number): string {
  return `${userId}:${formId}:${version}`;
}

const store = idbStore(DB_NAME, STORE, (db) => {
  const created = db.createObjectStore(STORE, { keyPath: 'key' });
  // Finds one person's drafts, for a clean-up at sign-out should that be decided.
  created.createIndex('userId', 'userId');
});
const run = store.run;

export async function loadDraft(key: string): Promise<Draft | undefined> {
  return (await run<Draft | undefined>('readonly', (s) => s.get(key) as IDBRequest<Draft | undefined>)) ?? undefined;
}

export async function saveDraft(draft: Draft): Promise<void> {
  await run('readwrite', (s) => s.put(draft));
}

export async function deleteDraft(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}
