import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Answers } from '../../../domain/forms/answers.ts';
import { unsentWork } from '../../pwa/unsent-work.ts';
import { type Draft, deleteDraft, draftKey, loadDraft, saveDraft } from './draft-store.ts';

/** Often enough that a reload loses at most a word; rarely enough not to write on each key. */
const SAVE_AFTER_MS = 400;

export interface DraftState {
  /** False until IndexedDB answered: the form is not shown before, so nothing typed is overwritten. */
  ready: boolean;
  answers: Answers;
  language: string;
  /** A draft from an earlier visit was restored (shown as a notice). */
  restored: boolean;
  /** A draft of this form is kept on this device (saved at least once, not discarded). */
  stored: boolean;
  /** Saving failed (private mode, full disk): the person must know that a reload would lose it. */
  failed: boolean;
  change(next: Answers): void;
  /** Writes a pending change now (before checking answers, before leaving). */
  flush(): Promise<void>;
  setLanguage(language: string): void;
  discard(): Promise<void>;
}

interface Options {
  userId: string;
  formId: string;
  version: number;
  initialAnswers: () => Answers;
  initialLanguage: string;
}

export function useDraft({ userId, formId, version, initialAnswers, initialLanguage }: Options): DraftState {
  const key = draftKey(userId, formId, version);
  const [ready, setReady] = useState(false);
  const [answers, setAnswers] = useState<Answers>({});
  const [language, setLanguageState] = useState(initialLanguage);
  const [restored, setRestored] = useState(false);
  const [failed, setFailed] = useState(false);
  const [stored, setStored] = useState(false);
  const latest = useRef({ answers, language });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Whether this page holds work a reload would lose or a new version might read differently.
  const holds = useRef({ stored: false, pending: false });

  useEffect(() => {
    let live = true;
    setReady(false);
    loadDraft(key)
      .catch(() => undefined)
      .then((draft) => {
        if (!live) return;
        const start = draft ? { answers: draft.answers, language: draft.language } : { answers: initialAnswers(), language: initialLanguage };
        latest.current = start;
        holds.current = { stored: Boolean(draft), pending: false };
        setAnswers(start.answers);
        setLanguageState(start.language);
        setRestored(Boolean(draft));
        setStored(Boolean(draft));
        setReady(true);
      });
    return () => {
      live = false;
    };
    // initialAnswers and initialLanguage belong to the form version that `key` names.
  }, [key]);

  // Writes one after the other, so that "flush" resolves only once everything typed is on disk.
  const writing = useRef<Promise<void>>(Promise.resolve());
  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    writing.current = writing.current.then(async () => {
      if (!holds.current.pending) return;
      holds.current.pending = false;
      const draft: Draft = { key, userId, formId, version, answers: latest.current.answers, language: latest.current.language, savedAt: new Date().toISOString() };
      try {
        await saveDraft(draft);
        // A change typed while writing has set `pending` again and keeps its own save.
        holds.current.stored = true;
        setStored(true);
        setFailed(false);
      } catch {
        holds.current.pending = true;
        setFailed(true);
      }
    });
    return writing.current;
  }, [key, userId, formId, version]);

  const schedule = useCallback(() => {
    holds.current.pending = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
  }, [flush]);

  useEffect(() => {
    const stop = unsentWork.register({ id: `form-draft:${formId}:${version}`, count: () => (holds.current.stored || holds.current.pending ? 1 : 0) });
    // Leaving the page (tab closed, app switched on a phone) writes at once rather than after the delay.
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      void flush();
      stop();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [formId, version, flush]);

  const change = useCallback(
    (next: Answers) => {
      latest.current = { ...latest.current, answers: next };
      setAnswers(next);
      schedule();
    },
    [schedule],
  );

  const setLanguage = useCallback(
    (next: string) => {
      latest.current = { ...latest.current, language: next };
      setLanguageState(next);
      if (holds.current.stored || holds.current.pending) schedule();
    },
    [schedule],
  );

  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    holds.current = { stored: false, pending: false };
    await writing.current;
    await deleteDraft(key);
    const start = { answers: initialAnswers(), language: latest.current.language };
    latest.current = start;
    setAnswers(start.answers);
    setRestored(false);
    setStored(false);
  }, [key]);

  return { ready, answers, language, restored, stored, failed, change, flush, setLanguage, discard };
}
