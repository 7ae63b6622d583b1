import { describe, expect, it, vi } from 'vitest';
import { UnsentWorkRegistry, isSafeToReload } from './unsent-work.ts';

describe('unsent work registry', () => {
  it('is safe to reload when nothing is registered', async () => {
    const report = await new UnsentWorkRegistry().report();
    expect(report).toEqual({ total: 0, unknown: [] });
    expect(isSafeToReload(report)).toBe(true);
  });

  it('adds up every source, synchronous or not', async () => {
    const registry = new UnsentWorkRegistry();
    registry.register({ id: 'outbox', count: async () => 3 });
    registry.register({ id: 'form:case.register', count: () => 1 });
    const report = await registry.report();
    expect(report).toEqual({ total: 4, unknown: [] });
    expect(isSafeToReload(report)).toBe(false);
  });

  it('presumes work is unsent when a source fails, lies or does not answer in time', async () => {
    vi.useFakeTimers();
    try {
      const registry = new UnsentWorkRegistry();
      registry.register({ id: 'broken', count: () => Promise.reject(new Error('IndexedDB closed')) });
      registry.register({ id: 'nonsense', count: () => Number.NaN });
      registry.register({ id: 'hanging', count: () => new Promise<number>(() => undefined) });
      const pending = registry.report();
      await vi.advanceTimersByTimeAsync(2_500);
      const report = await pending;
      expect(report.total).toBe(0);
      expect(report.unknown.sort()).toEqual(['broken', 'hanging', 'nonsense']);
      expect(isSafeToReload(report)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets a source once unregistered, but not a newer source registered under the same id', async () => {
    const registry = new UnsentWorkRegistry();
    const first = registry.register({ id: 'form', count: () => 2 });
    first();
    expect((await registry.report()).total).toBe(0);
    registry.register({ id: 'form', count: () => 5 });
    first(); // a late clean-up of the old component must not remove the new one
    expect((await registry.report()).total).toBe(5);
  });
});
