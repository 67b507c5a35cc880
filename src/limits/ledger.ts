// This instance's share of every shared budget (rate-limit windows and quota periods). Requests take from
// a local slice in memory; slices are leased from the LeaseStore when one runs low and handed back when
// idle, so admission costs no database round-trip except about once per slice.
//
// Why the bounds hold: the store never lets `used` pass `limit`, and an instance only admits against
// amounts the store granted it. So across any number of instances the admitted *reservations* in one
// window never exceed the limit. The only overshoot is what requests really use beyond what they
// reserved (settled afterwards), see quota-gate.ts and rate-limit-gate.ts for each kind's bound.
// Conversely, slices held by an instance but not spent make others refuse a little early: at most
// one slice plus a prefetched slice per instance per budget, for at most `idleMs` after that instance
// stops taking (then it hands them back).
import type { Logger } from "../log.ts";
import type { LeaseStore } from "./lease-store.ts";
import type { Clock, Window } from "./windows.ts";

/** "rate": leases are spent by taking (RPM, TPM). "quota": spending is settled by the usage writer. */
export type BudgetKind = "rate" | "quota";

export interface BudgetSpec {
  counterKey: string;
  window: Window;
  limit: number;
  kind: BudgetKind;
}

export class Budget {
  /** In the store's `used` on this instance's behalf and not yet handed back. */
  held = 0;
  /** The part of `held` nobody has taken; negative after a request used more than it took (a debt). */
  free = 0;
  /** Quota reservations taken and not yet settled; the budget is kept until they are. */
  inFlight = 0;
  /** Everyone else's `used` at the last lease, for the remaining-estimate in response headers. */
  othersUsed = 0;
  lastTake = 0;
  /** The store had nothing left (or failed) a moment ago: refuse locally until then instead of asking again. */
  shortUntil = 0;
  /** Sum of what waiting requests need, so one lease serves a burst instead of one lease per request. */
  demand = 0;
  /** Settled quota reservations that spent nothing: handed back by the next tick. */
  pendingGiveBack = 0;
  leasing: Promise<void> | null = null;

  constructor(
    readonly counterKey: string,
    readonly windowStart: number,
    readonly windowEnd: number,
    readonly kind: BudgetKind,
    public limit: number,
  ) {}

  /** Best local estimate of what is left for everyone, for x-ratelimit-remaining-*. */
  remaining(): number {
    return Math.max(0, this.limit - this.othersUsed - this.held + Math.max(0, this.free));
  }
}

export interface LedgerOptions {
  store: LeaseStore;
  clock: Clock;
  log: Logger;
  /** A lease asks for at least limit × this (rate limits: 1/10 of the window's budget). */
  rateSliceFraction?: number;
  /** Quotas are larger and longer: 1/20 of the period's budget. */
  quotaSliceFraction?: number;
  /** Free slices of a budget nobody took from for this long go back to the store. */
  idleMs?: number;
  /** After the store says a budget is spent (or fails), refuse locally this long before asking again. */
  shortMs?: number;
}

export class LeaseLedger {
  /** The current window's budget per counter; the map key is the counter key alone (no string building). */
  private readonly budgets = new Map<string, Budget>();
  /** Budgets of windows that ended but still have reservations in flight or slices to hand back. */
  private retired: Budget[] = [];
  private readonly retryGiveBacks: { counterKey: string; windowStart: number; amount: number }[] = [];
  private readonly store: LeaseStore;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly rateSlice: number;
  private readonly quotaSlice: number;
  private readonly idleMs: number;
  private readonly shortMs: number;
  private timer: Timer | null = null;
  /**
   * Bumped whenever the map of current budgets changes (a budget created, replaced or retired), so a gate
   * may keep the budgets it looked up for a window and skip the lookups until this moves.
   */
  generation = 0;

  constructor(options: LedgerOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.log = options.log;
    this.rateSlice = options.rateSliceFraction ?? 0.1;
    this.quotaSlice = options.quotaSliceFraction ?? 0.05;
    this.idleMs = options.idleMs ?? 1_000;
    this.shortMs = options.shortMs ?? 500;
  }

  get size(): number {
    return this.budgets.size + this.retired.length;
  }

  /** The budget if this instance holds one, without creating it (for reporting). */
  find(counterKey: string, windowStart: number): Budget | undefined {
    const budget = this.budgets.get(counterKey);
    return budget?.windowStart === windowStart ? budget : this.retired.find((old) => old.counterKey === counterKey && old.windowStart === windowStart);
  }

  /** The budget for this counter and window, created on first use; a changed limit applies at once. */
  budget(spec: BudgetSpec): Budget {
    let budget = this.budgets.get(spec.counterKey);
    if (budget === undefined || budget.windowStart !== spec.window.start) {
      if (budget !== undefined) this.retired.push(budget);
      budget = new Budget(spec.counterKey, spec.window.start, spec.window.end, spec.kind, spec.limit);
      this.budgets.set(spec.counterKey, budget);
      this.generation++;
    } else if (budget.limit !== spec.limit) {
      LeaseLedger.setLimit(budget, spec.limit);
    }
    return budget;
  }

  /** A changed limit applies at once (what `budget()` does for a budget a gate kept from an earlier lookup). */
  static setLimit(budget: Budget, limit: number): void {
    budget.limit = limit;
    budget.shortUntil = 0;
  }

  /** `setLimit` for budgets a gate kept, where something else changed their limit since (limits[i] is budgets[i]'s). */
  static applyLimits(budgets: readonly Budget[], limits: readonly number[]): void {
    for (let index = 0; index < budgets.length; index++) {
      const budget = budgets[index] as Budget;
      const limit = limits[index] as number;
      if (budget.limit !== limit) LeaseLedger.setLimit(budget, limit);
    }
  }

  private sliceOf(budget: Budget): number {
    const fraction = budget.kind === "rate" ? this.rateSlice : this.quotaSlice;
    return Math.max(1, Math.ceil(budget.limit * fraction));
  }

  /**
   * Take `amount` from a budget. Decided synchronously from the local slice when possible; a promise only
   * when a lease is needed. False means refused: the budget (as far as anyone may spend it) is spent.
   * `now` lets a caller that just read the clock pass it on instead of reading it again.
   */
  take(budget: Budget, amount: number, now: number = this.clock()): boolean | Promise<boolean> {
    budget.lastTake = now;
    if (budget.free >= amount) {
      budget.free -= amount;
      this.prefetch(budget, now);
      return true;
    }
    if (amount > budget.limit || now < budget.shortUntil) return false;
    return this.takeAfterLease(budget, amount);
  }

  private async takeAfterLease(budget: Budget, amount: number): Promise<boolean> {
    budget.demand += amount;
    try {
      for (;;) {
        if (budget.free >= amount) {
          budget.free -= amount;
          return true;
        }
        if (this.clock() < budget.shortUntil) return false;
        // Each lease either grants something (progress) or marks the budget short (the loop ends).
        await this.lease(budget, budget.demand - budget.free);
      }
    } finally {
      budget.demand -= amount;
    }
  }

  /**
   * Take from every budget or from none: the budgets before `split` take `first`, the others `rest` (a
   * request takes 1 from each RPM budget and its tokens from each TPM one), so a caller needs no list of
   * items per request. On a refusal, what was taken is put back. -1 when all were taken, else the
   * index of the budget that refused.
   */
  takeAll(budgets: readonly Budget[], split: number, first: number, rest: number, now: number = this.clock()): number | Promise<number> {
    for (let index = 0; index < budgets.length; index++) {
      const taken = this.take(budgets[index] as Budget, index < split ? first : rest, now);
      if (taken === true) continue;
      if (taken === false) {
        this.putBack(budgets, index, split, first, rest);
        return index;
      }
      return this.takeRestAsync(budgets, split, first, rest, index, taken);
    }
    return -1;
  }

  private async takeRestAsync(budgets: readonly Budget[], split: number, first: number, rest: number, index: number, pending: Promise<boolean>): Promise<number> {
    if (!(await pending)) {
      this.putBack(budgets, index, split, first, rest);
      return index;
    }
    for (let next = index + 1; next < budgets.length; next++) {
      const taken = this.take(budgets[next] as Budget, next < split ? first : rest);
      if (taken === true || (taken !== false && (await taken))) continue;
      this.putBack(budgets, next, split, first, rest);
      return next;
    }
    return -1;
  }

  private putBack(budgets: readonly Budget[], before: number, split: number, first: number, rest: number): void {
    for (let index = 0; index < before; index++) (budgets[index] as Budget).free += index < split ? first : rest;
  }

  /** A rate budget's request used `unused` less than it took (negative: more). The window may be over. */
  adjust(budget: Budget, unused: number, now?: number): void {
    if (unused !== 0 && (now ?? this.clock()) < budget.windowEnd) budget.free += unused;
  }

  /** A reservation was not spent at all (the request was refused or failed before any tokens). */
  cancelReservation(budget: Budget, amount: number): void {
    budget.inFlight--;
    budget.held -= amount;
    budget.pendingGiveBack += amount;
  }

  /**
   * A quota reservation is over and real tokens were spent: it leaves this instance's share; the usage
   * writer's hook subtracts it from the store in the same transaction that adds the actual spending.
   */
  handOverReservation(budget: Budget, amount: number): void {
    budget.inFlight--;
    budget.held -= amount;
  }

  /** Hand back an amount the ledger no longer tracks (a reservation whose usage event was lost). */
  giveBackLater(counterKey: string, windowStart: number, amount: number): void {
    if (amount > 0) this.retryGiveBacks.push({ counterKey, windowStart, amount });
  }

  private prefetch(budget: Budget, now: number): void {
    if (budget.leasing !== null || now < budget.shortUntil || budget.windowEnd - now < this.idleMs) return;
    const slice = this.sliceOf(budget);
    if (budget.free >= slice / 2) return;
    void this.lease(budget, slice);
  }

  /** One lease per budget at a time; callers that arrive meanwhile wait for it and look again. */
  private lease(budget: Budget, need: number): Promise<void> {
    if (budget.leasing !== null) return budget.leasing;
    const want = Math.min(budget.limit, Math.max(need, this.sliceOf(budget)));
    budget.leasing = this.store
      .lease(budget.counterKey, budget.windowStart, want, budget.limit)
      .then(
        (grant) => {
          budget.held += grant.granted;
          budget.free += grant.granted;
          budget.othersUsed = grant.used - budget.held;
          if (grant.granted < want) budget.shortUntil = this.clock() + this.shortMs;
        },
        (error: unknown) => {
          // Fail closed, but only for what the local slices cannot cover: the store is the only place
          // that knows what other instances spent.
          budget.shortUntil = this.clock() + this.shortMs;
          this.log.warn("limit lease failed; refusing beyond the local slice", { counter: budget.counterKey, error });
        },
      )
      .finally(() => {
        budget.leasing = null;
      });
    return budget.leasing;
  }

  private giveBack(counterKey: string, windowStart: number, amount: number): void {
    if (amount <= 0) return;
    this.store.giveBack(counterKey, windowStart, amount).catch((error: unknown) => {
      if (this.retryGiveBacks.length < 100_000) this.retryGiveBacks.push({ counterKey, windowStart, amount });
      this.log.warn("limit give-back failed; will retry", { counter: counterKey, error });
    });
  }

  /** Background upkeep: hand back idle slices and settled zero-spend reservations, forget ended windows. */
  tick(): void {
    const now = this.clock();
    for (const item of this.retryGiveBacks.splice(0)) this.giveBack(item.counterKey, item.windowStart, item.amount);
    for (const [counterKey, budget] of this.budgets) {
      if (now >= budget.windowEnd) {
        this.budgets.delete(counterKey);
        this.retired.push(budget);
        this.generation++;
      }
    }
    this.retired = this.retired.filter((budget) => {
      if (budget.pendingGiveBack > 0) {
        this.giveBack(budget.counterKey, budget.windowStart, budget.pendingGiveBack);
        budget.pendingGiveBack = 0;
      }
      if (budget.inFlight > 0 || budget.leasing !== null || budget.demand > 0) return true;
      // A finished rate window needs nothing back; a finished quota period gets its unused slice back
      // so its counter reads as exactly what was spent.
      if (budget.kind === "quota" && budget.free > 0) this.giveBack(budget.counterKey, budget.windowStart, budget.free);
      return false;
    });
    for (const budget of this.budgets.values()) {
      if (budget.pendingGiveBack > 0) {
        this.giveBack(budget.counterKey, budget.windowStart, budget.pendingGiveBack);
        budget.pendingGiveBack = 0;
      }
      if (budget.free > 0 && budget.leasing === null && budget.demand === 0 && now - budget.lastTake >= this.idleMs) {
        this.giveBack(budget.counterKey, budget.windowStart, budget.free);
        budget.held -= budget.free;
        budget.free = 0;
      }
    }
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  /** Stop the timer and hand back every unused slice (shutdown), waiting for the store. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const returns: Promise<void>[] = [];
    const back = (counterKey: string, windowStart: number, amount: number) => {
      if (amount > 0) returns.push(this.store.giveBack(counterKey, windowStart, amount).catch(() => {}));
    };
    for (const item of this.retryGiveBacks.splice(0)) back(item.counterKey, item.windowStart, item.amount);
    for (const budget of [...this.budgets.values(), ...this.retired]) {
      back(budget.counterKey, budget.windowStart, budget.pendingGiveBack + Math.max(0, budget.free));
      budget.held -= Math.max(0, budget.free);
      budget.pendingGiveBack = 0;
      budget.free = Math.min(0, budget.free);
    }
    await Promise.all(returns);
  }
}
