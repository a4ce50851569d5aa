import { describe, expect, it } from 'vitest';
import { createCountsCache } from './counts-cache.ts';

function counter() {
  let calls = 0;
  return {
    compute: () => {
      calls += 1;
      return Promise.resolve(calls);
    },
    calls: () => calls,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('counts cache', () => {
  it('shares one computation between concurrent requests and reuses it while fresh', async () => {
    let clock = 0;
    const cache = createCountsCache({ freshMs: 10, staleMs: 100, now: () => clock });
    const { compute, calls } = counter();
    const [a, b] = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect([a, b, calls()]).toEqual([1, 1, 1]);
    clock = 9;
    expect(await cache.get('k', compute)).toBe(1);
    expect(await cache.get('other', compute)).toBe(2);
  });

  it('answers stale counts at once and replaces them with one background computation', async () => {
    let clock = 0;
    const cache = createCountsCache({ freshMs: 10, staleMs: 100, now: () => clock });
    const { compute, calls } = counter();
    await cache.get('k', compute);
    clock = 50;
    const stale = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect(stale).toEqual([1, 1]);
    await settle();
    expect(calls()).toBe(2);
    expect(await cache.get('k', compute)).toBe(2);
  });

  it('recomputes before answering when the counts are too old, and does not keep a failure', async () => {
    let clock = 0;
    const cache = createCountsCache({ freshMs: 10, staleMs: 100, now: () => clock });
    const { compute } = counter();
    await cache.get('k', compute);
    clock = 200;
    expect(await cache.get('k', compute)).toBe(2);
    await expect(cache.get('failing', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('failing', compute)).toBe(3);
  });

  it('stays within its size, dropping the oldest entries', async () => {
    const cache = createCountsCache({ maxEntries: 2, now: () => 0 });
    const { compute, calls } = counter();
    await cache.get('a', compute);
    await cache.get('b', compute);
    await cache.get('c', compute);
    expect(calls()).toBe(3);
    expect(await cache.get('c', compute)).toBe(3);
    expect(await cache.get('a', compute)).toBe(4);
  });
});
