/**
 * Everything on this device that has not reached the server yet: the offline outbox,
 * a form being filled in, a file waiting to upload. Each feature that holds such work
 * registers a source; before the app updates itself (which reloads the page), the update
 * prompt asks every source, and refuses while anything is unsent or a source cannot say.
 *
 * A source counts what this page would lose on reload. Work kept in IndexedDB survives a
 * reload but may not survive a new version reading it differently, so the outbox counts
 * its queued commands too.
 */
export interface UnsentWorkSource {
  /** Stable and unique, e.g. 'outbox' or 'form:case.register'. */
  readonly id: string;
  /** Items not yet accepted by the server. May read IndexedDB, hence a promise. */
  count(): number | Promise<number>;
}

export interface UnsentWorkReport {
  total: number;
  /** Sources that failed or did not answer in time: their work must be presumed unsent. */
  unknown: string[];
}

// A source that hangs must not freeze the prompt; it is then treated as holding work.
const ANSWER_WITHIN_MS = 2_000;

export class UnsentWorkRegistry {
  private readonly sources = new Map<string, UnsentWorkSource>();

  /** Returns the function that unregisters this source (for a component's clean-up). */
  register(source: UnsentWorkSource): () => void {
    this.sources.set(source.id, source);
    return () => {
      if (this.sources.get(source.id) === source) this.sources.delete(source.id);
    };
  }

  async report(): Promise<UnsentWorkReport> {
    const answers = await Promise.all(
      [...this.sources.values()].map(async (source) => {
        try {
          const count = await withTimeout(Promise.resolve(source.count()), ANSWER_WITHIN_MS);
          if (!Number.isInteger(count) || count < 0) return { id: source.id, count: 0, unknown: true };
          return { id: source.id, count, unknown: false };
        } catch {
          return { id: source.id, count: 0, unknown: true };
        }
      }),
    );
    return {
      total: answers.reduce((sum, a) => sum + a.count, 0),
      unknown: answers.filter((a) => a.unknown).map((a) => a.id),
    };
  }
}

/** Nothing may be lost: true only when every source answered and none holds anything. */
export function isSafeToReload(report: UnsentWorkReport): boolean {
  return report.total === 0 && report.unknown.length === 0;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** The page's registry: features register here; the update prompt reads it. */
export const unsentWork = new UnsentWorkRegistry();
