// Window arithmetic for budgets: rate limits use fixed windows aligned to the epoch (one minute by
// default), quotas use UTC calendar days and months. Every function takes the time, so tests inject it.

/** Milliseconds since the epoch; injectable so tests can cross a midnight without waiting for one. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export interface Window {
  start: number;
  end: number;
}

export const MINUTE_MS = 60_000;

/** The fixed rate-limit window containing `now`, aligned to multiples of `lengthMs` since the epoch. */
export function fixedWindow(now: number, lengthMs: number): Window {
  const start = now - (now % lengthMs);
  return { start, end: start + lengthMs };
}

export function utcDay(now: number): Window {
  const date = new Date(now);
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return { start, end: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1) };
}

export function utcMonth(now: number): Window {
  const date = new Date(now);
  return { start: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1), end: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) };
}

/** OpenAI's reset format: "20ms", "1s", "6m0s", "1h2m3s". */
export function formatReset(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}
