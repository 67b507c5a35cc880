// Slows down password guessing. Failures are counted per (username, IP) pair, per IP and per
// username; past each count's free allowance, further attempts for it are refused for a time that
// doubles with each failure. Kept per instance, in memory.
//
// The allowances differ so that guessing is slowed without handing anyone a lock-out button: one
// client guessing one account is stopped after 5 failures; an IP after 20 (an office NAT has many
// users, each allowed a few typos); an account from everywhere only after 50 (a distributed guess),
// so that a stranger cannot lock an admin out with a handful of wrong passwords.
//
// An attempt counts as a failure from the moment it starts (a success clears it), so concurrent
// attempts cannot all pass the check while the first ones are still being verified.

const FREE_FAILURES = { pair: 5, ip: 20, user: 50 } as const;
const WINDOW_MS = 15 * 60_000;
const MAX_LOCK_MS = 15 * 60_000;
const MAX_TRACKED = 50_000;

type Scope = keyof typeof FREE_FAILURES;

interface Failures {
  count: number;
  lastAt: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  private keys(username: string, ip: string): Array<[Scope, string]> {
    const user = username.toLowerCase();
    return [["pair", `p:${user}|${ip}`], ["ip", `ip:${ip}`], ["user", `u:${user}`]];
  }

  private lockRemaining(scope: Scope, id: string): number {
    const entry = this.failures.get(id);
    if (!entry) return 0;
    const age = this.now() - entry.lastAt;
    if (age > WINDOW_MS) {
      this.failures.delete(id);
      return 0;
    }
    const free = FREE_FAILURES[scope];
    if (entry.count < free) return 0;
    const lockMs = Math.min(1000 * 2 ** (entry.count - free), MAX_LOCK_MS);
    return Math.max(0, lockMs - age);
  }

  /** Milliseconds the caller must wait before trying again; 0 when an attempt is allowed now. */
  retryAfterMs(username: string, ip: string): number {
    let wait = 0;
    for (const [scope, id] of this.keys(username, ip)) wait = Math.max(wait, this.lockRemaining(scope, id));
    return wait;
  }

  /**
   * Counts an attempt as a failure; call it before verifying the password (recordSuccess undoes it
   * for the pair and the IP), so concurrent attempts see each other.
   */
  recordFailure(username: string, ip: string): void {
    if (this.failures.size > MAX_TRACKED) this.failures.clear();
    for (const [, id] of this.keys(username, ip)) {
      const entry = this.failures.get(id);
      this.failures.set(id, { count: (entry?.count ?? 0) + 1, lastAt: this.now() });
    }
  }

  /** A correct password: the pair and the IP start afresh; the account's count loses this attempt. */
  recordSuccess(username: string, ip: string): void {
    for (const [scope, id] of this.keys(username, ip)) {
      const entry = this.failures.get(id);
      if (scope !== "user" || (entry?.count ?? 0) <= 1) this.failures.delete(id);
      else if (entry !== undefined) entry.count--;
    }
  }
}
