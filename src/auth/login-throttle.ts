// Slows down password guessing: after a few failures for a username or from an IP, further attempts
// for it are refused for a time that doubles with each failure. Kept per instance, in memory.

const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_LOCK_MS = 15 * 60_000;
const MAX_TRACKED = 50_000;

interface Failures {
  count: number;
  lastAt: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  private lockRemaining(id: string): number {
    const entry = this.failures.get(id);
    if (!entry) return 0;
    const age = this.now() - entry.lastAt;
    if (age > WINDOW_MS) {
      this.failures.delete(id);
      return 0;
    }
    if (entry.count < FREE_FAILURES) return 0;
    const lockMs = Math.min(1000 * 2 ** (entry.count - FREE_FAILURES), MAX_LOCK_MS);
    return Math.max(0, lockMs - age);
  }

  /** Milliseconds the caller must wait before trying again; 0 when an attempt is allowed now. */
  retryAfterMs(username: string, ip: string): number {
    return Math.max(this.lockRemaining(`u:${username.toLowerCase()}`), this.lockRemaining(`ip:${ip}`));
  }

  recordFailure(username: string, ip: string): void {
    if (this.failures.size > MAX_TRACKED) this.failures.clear();
    for (const id of [`u:${username.toLowerCase()}`, `ip:${ip}`]) {
      const entry = this.failures.get(id);
      this.failures.set(id, { count: (entry?.count ?? 0) + 1, lastAt: this.now() });
    }
  }

  recordSuccess(username: string, ip: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
    this.failures.delete(`ip:${ip}`);
  }
}
