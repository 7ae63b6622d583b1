import { describe, expect, it } from 'vitest';
import { SKIP_WAITING } from '../sw/strategy.ts';
import { UnsentWorkRegistry } from './unsent-work.ts';
import { type ContainerLike, type RegistrationLike, UpdateController, type UpdateState, type WorkerLike } from './update-controller.ts';

/** A stand-in for the browser's service worker objects, driven by the test. */
class FakeWorker implements WorkerLike {
  state = 'installing';
  readonly messages: unknown[] = [];
  private readonly listeners: Array<() => void> = [];
  postMessage(message: unknown): void {
    this.messages.push(message);
  }
  addEventListener(_type: 'statechange', listener: () => void): void {
    this.listeners.push(listener);
  }
  become(state: string): void {
    this.state = state;
    for (const l of this.listeners) l();
  }
}

class FakeRegistration implements RegistrationLike {
  waiting: FakeWorker | null = null;
  installing: FakeWorker | null = null;
  updates = 0;
  private readonly listeners: Array<() => void> = [];
  addEventListener(_type: 'updatefound', listener: () => void): void {
    this.listeners.push(listener);
  }
  async update(): Promise<void> {
    this.updates++;
  }
  /** A new version was found, then finished installing: it now waits. */
  publish(): FakeWorker {
    const worker = new FakeWorker();
    this.installing = worker;
    for (const l of this.listeners) l();
    this.installing = null;
    this.waiting = worker;
    worker.become('installed');
    return worker;
  }
}

class FakeContainer implements ContainerLike {
  controller: unknown;
  readonly registration = new FakeRegistration();
  private readonly listeners: Array<() => void> = [];
  constructor(controlled: boolean) {
    this.controller = controlled ? {} : null;
  }
  async register(): Promise<RegistrationLike> {
    return this.registration;
  }
  addEventListener(_type: 'controllerchange', listener: () => void): void {
    this.listeners.push(listener);
  }
  async takeOver(): Promise<void> {
    this.controller = {};
    this.registration.waiting = null;
    for (const l of this.listeners) l();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

async function setUp(controlled = true) {
  const container = new FakeContainer(controlled);
  const unsentWork = new UnsentWorkRegistry();
  let reloads = 0;
  const controller = new UpdateController({ container, unsentWork, reload: () => reloads++ });
  const states: UpdateState['kind'][] = [];
  controller.subscribe((s) => states.push(s.kind));
  await controller.start('/sw.js');
  return { container, unsentWork, controller, states, reloads: () => reloads };
}

describe('app update controller', () => {
  it('offers nothing on the first install, and does not reload when that worker takes control', async () => {
    const { container, controller, reloads } = await setUp(false);
    container.registration.publish();
    expect(controller.getState().kind).toBe('current');
    await container.takeOver();
    expect(reloads()).toBe(0);
  });

  it('offers a new version and waits: no message to the worker, no reload, until the person agrees', async () => {
    const { container, controller, reloads } = await setUp();
    const worker = container.registration.publish();
    expect(controller.getState().kind).toBe('available');
    expect(worker.messages).toEqual([]);
    expect(reloads()).toBe(0);

    await controller.apply();
    expect(controller.getState().kind).toBe('applying');
    expect(worker.messages).toEqual([{ type: SKIP_WAITING }]);
    await container.takeOver();
    expect(reloads()).toBe(1);
  });

  it('offers a version that was already waiting when the page opened', async () => {
    const container = new FakeContainer(true);
    container.registration.waiting = new FakeWorker();
    const controller = new UpdateController({ container, unsentWork: new UnsentWorkRegistry(), reload: () => undefined });
    await controller.start('/sw.js');
    expect(controller.getState().kind).toBe('available');
  });

  it('refuses to update while work is unsent, says how much, and updates once it is sent', async () => {
    const { container, unsentWork, controller, reloads } = await setUp();
    const worker = container.registration.publish();
    let queued = 2;
    unsentWork.register({ id: 'outbox', count: () => queued });

    await controller.apply();
    expect(controller.getState()).toEqual({ kind: 'blocked', unsent: 2, unknownSources: 0 });
    expect(worker.messages).toEqual([]);

    queued = 0;
    await controller.apply();
    expect(worker.messages).toEqual([{ type: SKIP_WAITING }]);
    await container.takeOver();
    expect(reloads()).toBe(1);
  });

  it('treats a source that cannot answer as unsent work', async () => {
    const { container, unsentWork, controller } = await setUp();
    const worker = container.registration.publish();
    unsentWork.register({ id: 'outbox', count: () => Promise.reject(new Error('storage error')) });
    await controller.apply();
    expect(controller.getState()).toEqual({ kind: 'blocked', unsent: 0, unknownSources: 1 });
    expect(worker.messages).toEqual([]);
  });

  it('does not reload a page holding work when another window applied the update, until that work is sent', async () => {
    const { container, unsentWork, controller, reloads } = await setUp();
    container.registration.publish();
    let queued = 1;
    unsentWork.register({ id: 'form:screening', count: () => queued });
    await container.takeOver();
    expect(reloads()).toBe(0);
    expect(controller.getState().kind).toBe('reload-when-sent');

    await controller.apply();
    expect(reloads()).toBe(0);
    queued = 0;
    await controller.apply();
    expect(reloads()).toBe(1);
  });

  it('reloads a page with nothing unsent when another window applied the update', async () => {
    const { container, reloads } = await setUp();
    container.registration.publish();
    await container.takeOver();
    expect(reloads()).toBe(1);
  });

  it('hides the offer on "later" and asks the server again on check()', async () => {
    const { container, controller } = await setUp();
    container.registration.publish();
    controller.dismiss();
    expect(controller.getState().kind).toBe('dismissed');
    await controller.check();
    expect(container.registration.updates).toBe(1);
  });
});
