import { SKIP_WAITING } from '../sw/strategy.ts';
import { type UnsentWorkRegistry, isSafeToReload } from './unsent-work.ts';

/**
 * The life of an app update, as the page sees it. A new service worker installs in the
 * background and then waits; the page offers the update; the update happens only when the
 * person agrees AND nothing is unsent. Pages are reloaded only when that cannot lose work.
 */
export type UpdateState =
  | { kind: 'current' }
  /** A new version is installed and waiting for the person's go-ahead. */
  | { kind: 'available' }
  /** The person asked to update, but work would be lost: it stays on the old version. */
  | { kind: 'blocked'; unsent: number; unknownSources: number }
  | { kind: 'applying' }
  /** Another window updated the app while this one holds unsent work: reload after sending. */
  | { kind: 'reload-when-sent' }
  /** "Later": hidden until the next version or the next start. */
  | { kind: 'dismissed' };

/** The parts of the browser's objects this controller uses, so tests can stand in for them. */
export interface WorkerLike {
  readonly state: string;
  postMessage(message: unknown): void;
  addEventListener(type: 'statechange', listener: () => void): void;
}
export interface RegistrationLike {
  readonly waiting: WorkerLike | null;
  readonly installing: WorkerLike | null;
  addEventListener(type: 'updatefound', listener: () => void): void;
  update(): Promise<unknown>;
}
export interface ContainerLike {
  readonly controller: unknown;
  register(url: string, options: { scope: string; updateViaCache: 'none' }): Promise<RegistrationLike>;
  addEventListener(type: 'controllerchange', listener: () => void): void;
}

export interface UpdateControllerDeps {
  container: ContainerLike;
  unsentWork: UnsentWorkRegistry;
  reload(): void;
}

export class UpdateController {
  private state: UpdateState = { kind: 'current' };
  private readonly listeners = new Set<(state: UpdateState) => void>();
  private registration: RegistrationLike | undefined;
  private controlled = false;
  /** The new version took over while this page held work: it reloads once that is sent. */
  private updatedElsewhere = false;

  constructor(private readonly deps: UpdateControllerDeps) {}

  getState(): UpdateState {
    return this.state;
  }

  subscribe(listener: (state: UpdateState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(scriptUrl: string): Promise<void> {
    const { container } = this.deps;
    this.controlled = Boolean(container.controller);
    container.addEventListener('controllerchange', () => void this.onControllerChange());
    // updateViaCache 'none': the browser always asks the server for a new sw.js.
    const registration = await container.register(scriptUrl, { scope: '/', updateViaCache: 'none' });
    this.registration = registration;
    if (registration.waiting && this.controlled) this.set({ kind: 'available' });
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        // Without a controller this is the first install, not an update: nothing to offer.
        if (worker.state === 'installed' && this.deps.container.controller) this.set({ kind: 'available' });
      });
    });
  }

  /** Asks the server whether a newer version exists (the browser also does on each start). */
  async check(): Promise<void> {
    try {
      await this.registration?.update();
    } catch {
      // Offline or server down: the next check will do.
    }
  }

  /**
   * The person chose "Update now" (or "Reload" after another window updated the app).
   * Nothing happens while work is unsent: the page says so and stays as it is.
   */
  async apply(): Promise<void> {
    const waiting = this.registration?.waiting;
    if (!waiting && !this.updatedElsewhere) return;
    const report = await this.deps.unsentWork.report();
    if (!isSafeToReload(report)) {
      this.set({ kind: 'blocked', unsent: report.total, unknownSources: report.unknown.length });
      return;
    }
    if (waiting) {
      this.set({ kind: 'applying' });
      waiting.postMessage({ type: SKIP_WAITING });
    } else {
      this.deps.reload();
    }
  }

  dismiss(): void {
    this.set({ kind: 'dismissed' });
  }

  private async onControllerChange(): Promise<void> {
    if (!this.controlled) {
      this.controlled = true; // first install took control: same version, nothing to reload
      return;
    }
    // Whether this page agreed or another window applied the update, this page now runs the
    // old code under the new worker. Reload it, unless work appeared meanwhile.
    const report = await this.deps.unsentWork.report();
    if (isSafeToReload(report)) {
      this.deps.reload();
    } else {
      this.updatedElsewhere = true;
      this.set({ kind: 'reload-when-sent' });
    }
  }

  private set(state: UpdateState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
