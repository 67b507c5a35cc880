// Quota reservations that are over and await their usage event. The usage writer's hook subtracts them
// from the shared counters in the same transaction that adds the request's actual WaddleAI tokens, so a
// counter never reads less than what was spent (see usage-hook.ts).
export interface Release {
  requestId: string;
  /** The reservation, the same on every counter it was taken from. */
  amount: number;
  counters: readonly { counterKey: string; windowStart: number }[];
}

/** A release and when it was recorded: one object per request (it is handed out as the Release). */
interface Pending extends Release {
  at: number;
}

export class PendingReleases {
  private readonly byRequest = new Map<string, Pending>();
  /**
   * Recorded since the writer last asked, in arrival order. A request only appends here; they move into
   * `byRequest` in one pass when the writer asks. Inserting into the map once per request, while it
   * held every release awaiting the next write, took 0.9 µs per request in a profile of the gateway.
   */
  private arrived: Pending[] = [];
  /** Handed to the transaction in flight; put back if it fails, dropped once it commits. */
  private offered: Pending[] = [];

  get size(): number {
    return this.byRequest.size + this.arrived.length;
  }

  add(release: Release, now: number): void {
    this.reserve(release.requestId, release.amount, release.counters, now);
  }

  /** `add` without building the Release first (the quota gate's settle, once per request). */
  reserve(requestId: string, amount: number, counters: Release["counters"], now: number): void {
    this.arrived.push({ requestId, amount, counters, at: now });
  }

  private index(): void {
    const arrived = this.arrived;
    if (arrived.length === 0) return;
    this.arrived = [];
    for (const pending of arrived) this.byRequest.set(pending.requestId, pending);
  }

  /** The releases of these requests, moved aside until the writer reports the transaction's outcome. */
  offer(requestIds: readonly string[]): Release[] {
    this.index();
    const out: Release[] = [];
    for (const requestId of requestIds) {
      const pending = this.byRequest.get(requestId);
      if (pending === undefined) continue;
      this.byRequest.delete(requestId);
      this.offered.push(pending);
      out.push(pending);
    }
    return out;
  }

  committed(): void {
    this.offered = [];
  }

  rolledBack(): void {
    for (const pending of this.offered) this.byRequest.set(pending.requestId, pending);
    this.offered = [];
  }

  /** Releases older than `maxAgeMs` whose event never came (dropped from a full buffer): remove and return. */
  expire(now: number, maxAgeMs: number): Release[] {
    this.index();
    const out: Release[] = [];
    // Insertion order is age order, except for rolled-back entries put back; good enough for a sweep.
    for (const [requestId, pending] of this.byRequest) {
      if (now - pending.at < maxAgeMs) break;
      this.byRequest.delete(requestId);
      out.push(pending);
    }
    return out;
  }
}
