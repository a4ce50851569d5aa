import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelayMs } from './backoff.ts';

const policy = { baseMs: 1_000, maxMs: 60_000 };

describe('retryDelayMs', () => {
  it('doubles the nominal delay with each failed attempt', () => {
    const highest = () => 0.999_999;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, highest))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('keeps at least half the nominal delay whatever the jitter', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(2_000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(3_000);
  });

  it('spreads retries of simultaneous failures over the jitter window', () => {
    let seed = 7;
    const lcg = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(5, policy, lcg)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(8_000);
      expect(delay).toBeLessThanOrEqual(16_000);
    }
  });

  it('never exceeds the ceiling, even after very many attempts', () => {
    expect(retryDelayMs(10, policy, () => 0.999_999)).toBe(60_000);
    expect(retryDelayMs(5_000, policy, () => 0.999_999)).toBe(60_000);
  });

  it('treats a first attempt or less as the base delay', () => {
    expect(retryDelayMs(0, policy, () => 0.999_999)).toBe(1_000);
  });

  it('starts at tens of seconds and caps at an hour by default', () => {
    expect(retryDelayMs(1, DEFAULT_BACKOFF, () => 0)).toBe(15_000);
    const longest = retryDelayMs(30, DEFAULT_BACKOFF, () => 0.999_999);
    expect(longest).toBeGreaterThan(3_599_000);
    expect(longest).toBeLessThanOrEqual(3_600_000);
  });
});
