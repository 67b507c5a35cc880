// Retry policy per link (`options.max_retries`, `retry_base_ms`, `retry_max_ms`) and the jittered
// exponential backoff between rounds of attempts.

export interface RetryPolicy {
  /** Extra attempts on the same link after a transient failure (0 = fall back only). */
  maxRetries: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 1, baseMs: 200, maxMs: 5_000 };
const MAX_RETRIES_CAP = 10;

function whole(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= min ? Math.min(Math.round(value), max) : fallback;
}

export function retryPolicy(options: Record<string, unknown>): RetryPolicy {
  const baseMs = whole(options.retry_base_ms, DEFAULT_RETRY.baseMs, 1, 60_000);
  return {
    maxRetries: whole(options.max_retries, DEFAULT_RETRY.maxRetries, 0, MAX_RETRIES_CAP),
    baseMs,
    maxMs: Math.max(baseMs, whole(options.retry_max_ms, DEFAULT_RETRY.maxMs, 1, 600_000)),
  };
}

/**
 * Delay before retry number `retry` (1-based): base·2^(retry-1), capped, with "equal jitter" — half fixed,
 * half random — so instances retrying together spread out yet never retry at once.
 */
export function backoffMs(retry: number, policy: Pick<RetryPolicy, "baseMs" | "maxMs">, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Resolves after `ms`, or early with false when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
