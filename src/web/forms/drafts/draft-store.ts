import type { Answers } from '../../../domain/forms/answers.ts';

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

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: 'key' });
      // Finds one person's drafts, for a clean-up at sign-out should that be decided (see the report).
      store.createIndex('userId', 'userId');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  }).catch((err: unknown) => {
    opening = undefined;
    throw err;
  });
  return opening;
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    // Resolved on commit, so that a save reported done is on disk before the page may reload.
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export async function loadDraft(key: string): Promise<Draft | undefined> {
  return (await run<Draft | undefined>('readonly', (s) => s.get(key) as IDBRequest<Draft | undefined>)) ?? undefined;
}

export async function saveDraft(draft: Draft): Promise<void> {
  await run('readwrite', (s) => s.put(draft));
}

export async function deleteDraft(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}
