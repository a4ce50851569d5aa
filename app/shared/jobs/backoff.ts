/**
 * When a failed job runs again: exponential backoff with "equal jitter" (half the delay is fixed,
 * half is random), so retries spread out instead of hammering a recovering SMTP server together,
 * yet never come sooner than half the nominal delay. Pure, for unit tests and benchmarks.
 */
export interface BackoffPolicy {
  /** Nominal delay before the second attempt. */
  baseMs: number;
  /** Ceiling of the nominal delay. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 60 * 60_000 };

/**
 * Delay before the next attempt after `attempts` failed attempts (1 after the first failure).
 * `random` returns a number in [0, 1), like Math.random.
 */
export function retryDelayMs(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.floor(attempts) - 1);
  // 2 ** exponent overflows to Infinity for absurd attempt counts; Math.min keeps it at the ceiling.
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const half = nominal / 2;
  return Math.round(half + random() * half);
}
