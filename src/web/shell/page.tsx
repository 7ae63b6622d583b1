import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';

interface Props {
  /** The h1's id, for tests and for aria-labelledby. */
  id: string;
  /**
   * Names the page in the tab and in the history, before the app's name. Never personal
   * data: on a shared phone the history outlives the session.
   */
  title: string;
  /** The visible heading, when it differs from the title (e.g. it greets the user by name). */
  heading?: string;
  /** A single form or message: kept to a readable width on wide screens. */
  narrow?: boolean;
  children: ComponentChildren;
}

// The first page of a visit leaves focus where the browser put it (the top of the document).
let pageShownBefore = false;

/**
 * Every page: a document title, one h1, and — after the page changed (a link, a sign-in) —
 * focus moved to that h1 so a screen reader announces where the person now is.
 */
export function Page({ id, title, heading = title, narrow = false, children }: Props) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useLayoutEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    if (pageShownBefore) headingRef.current?.focus();
    pageShownBefore = true;
  }, []);

  return (
    <div class={narrow ? 'page page-narrow' : 'page'}>
      <h1 id={id} tabIndex={-1} ref={headingRef}>
        {heading}
      </h1>
      {children}
    </div>
  );
}
