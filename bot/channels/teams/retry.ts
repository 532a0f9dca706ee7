/** Retries with exponential backoff and jitter; knows nothing about HTTP libraries. */

export interface RetryPolicy {
  /** Retries after the first attempt (0 = try once). */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ retries: 4, baseDelayMs: 500, maxDelayMs: 8_000 });

export interface RetryHooks {
  /** Whether this error is worth another attempt. */
  isRetryable(error: unknown): boolean;
  /** A delay the server asked for (Retry-After), in ms. */
  requestedDelayMs?(error: unknown): number | undefined;
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
  /** Injected for tests; defaults to Math.random. */
  random?: () => number;
}

/**
 * Delay before retry number `attempt` (0-based): the exponential step capped at
 * `maxDelayMs`, with "equal jitter" (half fixed, half random) so that many bots hit by
 * the same throttling do not come back in lockstep.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `operation` until it succeeds, the error is not retryable, or the retries are used up. */
export async function withRetry<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= policy.retries || !hooks.isRetryable(error)) throw error;
      const requested = hooks.requestedDelayMs?.(error);
      const computed = backoffDelay(attempt, policy, hooks.random);
      const delay = Math.min(policy.maxDelayMs, Math.max(computed, requested ?? 0));
      hooks.onRetry?.(error, attempt + 1, delay);
      await sleep(delay);
    }
  }
}
