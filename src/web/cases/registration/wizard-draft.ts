import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { idbStore } from '../../pwa/idb-store.ts';
import { unsentWork } from '../../pwa/unsent-work.ts';
import type { WizardState } from './wizard-state.ts';

/**
 * A registration under way, kept in IndexedDB like a form draft (ARCHITECTURE.md, decision 27):
 * one per signed-in user, so another person on a shared phone is never offered it; written
 * shortly after each change and at once when the page is hidden; registered as unsent work so
 * no update reloads the app under it; deleted once the person is registered or the identifier
 * starts over.
 */
const DB_NAME = 'sira-registration-drafts';
const STORE = 'drafts';
const SAVE_AFTER_MS = 400;

interface StoredDraft {
  userId: string;
  state: WizardState;
  savedAt: string;
}

const run = idbStore(DB_NAME, STORE, (db) => db.createObjectStore(STORE, { keyPath: 'userId' })).run;

export interface WizardDraft {
  /** False until IndexedDB answered: nothing is shown before, so nothing typed is overwritten. */
  ready: boolean;
  state: WizardState;
  /** A registration from an earlier visit was restored. */
  restored: boolean;
  /** Saving failed (private mode, full disk): a reload would lose the work. */
  failed: boolean;
  change(update: (state: WizardState) => WizardState): void;
  flush(): Promise<void>;
  /** Deletes the draft and starts a new registration. */
  discard(): Promise<void>;
}

export function useWizardDraft(userId: string, fresh: () => WizardState): WizardDraft {
  const [ready, setReady] = useState(false);
  const [state, setState] = useState<WizardState>(fresh);
  const [restored, setRestored] = useState(false);
  const [failed, setFailed] = useState(false);
  const latest = useRef(state);
  const holds = useRef({ stored: false, pending: false });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const writing = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    run<StoredDraft | undefined>('readonly', (s) => s.get(userId) as IDBRequest<StoredDraft | undefined>)
      .catch(() => undefined)
      .then((draft) => {
        if (!live) return;
        if (draft) {
          latest.current = draft.state;
          holds.current.stored = true;
          setState(draft.state);
          setRestored(true);
        }
        setReady(true);
      });
    return () => {
      live = false;
    };
  }, [userId]);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    writing.current = writing.current.then(async () => {
      if (!holds.current.pending) return;
      holds.current.pending = false;
      try {
        await run('readwrite', (s) => s.put({ userId, state: latest.current, savedAt: new Date().toISOString() } satisfies StoredDraft));
        holds.current.stored = true;
        setFailed(false);
      } catch {
        holds.current.pending = true;
        setFailed(true);
      }
    });
    return writing.current;
  }, [userId]);

  useEffect(() => {
    const stop = unsentWork.register({ id: 'case-registration', count: () => (holds.current.stored || holds.current.pending ? 1 : 0) });
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      void flush();
      stop();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [flush]);

  const change = useCallback(
    (update: (s: WizardState) => WizardState) => {
      latest.current = update(latest.current);
      setState(latest.current);
      holds.current.pending = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
    },
    [flush],
  );

  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    holds.current = { stored: false, pending: false };
    await writing.current;
    await run('readwrite', (s) => s.delete(userId)).catch(() => undefined);
    latest.current = fresh();
    setState(latest.current);
    setRestored(false);
  }, [userId]);

  return { ready, state, restored, failed, change, flush, discard };
}
