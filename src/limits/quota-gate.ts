// Daily and monthly WaddleAI-token quotas (UTC) of the key, its user and its organisation, as a
// RequestGate. All that are set apply; the first one that cannot cover the request refuses it.
//
// A request reserves its worst case before it runs — estimated prompt tokens plus max_tokens (or
// DEFAULT_MAX_TOKENS_RESERVATION), converted with the model's rate — from slices leased out of the shared
// counter. When it ends, the reservation is handed to the usage writer, whose transaction adds the
// actual WaddleAI tokens to the counter and takes the reservation off, atomically with the usage event.
//
// Overshoot bound, across any number of instances, per quota period:
//   Σ over requests admitted while the quota was nearly spent of (actual − reserved)⁺ —
//   0 when clients send max_tokens and the prompt estimate is not below the upstream's own count (the
//   estimate uses the model's tokenizer; a provider-specific rate that is cheaper than the reservation
//   rate, or a long answer to a request without max_tokens, is charged in full afterwards).
// Reservations never sum past the quota, so concurrent requests cannot overspend it.
import { GatewayError } from "../errors.ts";
import type { Metrics, RateLimitScope } from "../metrics/registry.ts";
import type { GateInput, GatePass, RequestGate, SettledUsage } from "../proxy/gate.ts";
import { type RateTable, waddleaiTokens } from "../usage/rates.ts";
import type { QuotaPeriod } from "./counter-keys.ts";
import type { Budget, LeaseLedger, TakeItem } from "./ledger.ts";
import type { PendingReleases } from "./pending-releases.ts";
import type { LimitPolicies, LimitScope } from "./policies.ts";
import { quickReservationFor, type Reservation, reservationFor } from "./reservation.ts";
import { type Clock, utcDay, utcMonth, type Window } from "./windows.ts";

export interface QuotaGateOptions {
  ledger: LeaseLedger;
  policies: LimitPolicies;
  releases: PendingReleases;
  rates: RateTable;
  metrics: Metrics;
  clock: Clock;
  defaultMaxTokens: number;
}

const SCOPE_LABEL: Record<LimitScope, RateLimitScope> = { key: "key", user: "user", organization: "org" };
const SCOPE_NAME: Record<LimitScope, string> = { key: "API key", user: "user", organization: "organization" };

interface Entry extends TakeItem {
  scope: LimitScope;
  period: QuotaPeriod;
}

const NO_QUOTA: GatePass = Object.freeze({});

export class QuotaGate implements RequestGate {
  readonly name = "quotas";
  /** The current UTC day and month, recomputed only when they end. */
  private day: Window = { start: 0, end: 0 };
  private month: Window = { start: 0, end: 0 };

  constructor(private readonly options: QuotaGateOptions) {}

  private units(input: GateInput, reservation: Reservation): number {
    // The provider is not chosen yet; the model's any-provider rate prices the reservation.
    return waddleaiTokens(reservation.promptTokens, reservation.completionTokens, this.options.rates.lookup("*", input.model));
  }

  check(input: GateInput): GatePass | GatewayError | Promise<GatePass | GatewayError> {
    const limits = this.options.policies.forKey(input.key);
    if (limits.length === 0) return NO_QUOTA;
    const { ledger } = this.options;
    const now = this.options.clock();
    const entries: Entry[] = [];
    let units = -1;
    for (const limit of limits) {
      for (const period of ["daily", "monthly"] as const) {
        const quota = period === "daily" ? limit.dailyQuota : limit.monthlyQuota;
        if (quota === null) continue;
        if (units < 0) units = this.units(input, quickReservationFor(input, this.options.defaultMaxTokens));
        if (now >= this.day.end) this.day = utcDay(now);
        if (now >= this.month.end) this.month = utcMonth(now);
        const window = period === "daily" ? this.day : this.month;
        const budget = ledger.budget({ counterKey: period === "daily" ? limit.counters.daily : limit.counters.monthly, window, limit: quota, kind: "quota" });
        entries.push({ budget, amount: units, scope: limit.scope, period });
      }
    }
    if (entries.length === 0) return NO_QUOTA;
    if (!entries.every((entry) => entry.budget.free >= entry.amount)) {
      // Near a quota: reserve the tokenizer's estimate instead of the quick upper bound.
      const precise = this.units(input, reservationFor(input, this.options.defaultMaxTokens));
      for (const entry of entries) entry.amount = precise;
    }
    const taken = ledger.takeAll(entries);
    return taken instanceof Promise ? taken.then((index) => this.verdict(input.requestId, entries, index)) : this.verdict(input.requestId, entries, taken);
  }

  private verdict(requestId: string, entries: Entry[], refusedAt: number): GatePass | GatewayError {
    if (refusedAt >= 0) {
      const refused = entries[refusedAt] as Entry;
      this.options.metrics.rateLimited(SCOPE_LABEL[refused.scope], "quota");
      const resetMs = Math.max(0, refused.budget.windowEnd - this.options.clock());
      // Names the quota, never its numbers: an organisation's usage is not the caller's business.
      return new GatewayError("insufficient_quota", `${SCOPE_NAME[refused.scope]} ${refused.period} quota exceeded`, {
        headers: { "retry-after": String(Math.max(1, Math.ceil(resetMs / 1000))), "x-should-retry": "false" },
      });
    }
    for (const entry of entries) entry.budget.inFlight++;
    const { ledger, releases, clock } = this.options;
    return {
      settle(usage: SettledUsage) {
        // Nothing spent, and no usage event will carry tokens: hand the reservation straight back.
        const spent = usage.waddleaiTokens > 0;
        for (const entry of entries) {
          if (spent) ledger.handOverReservation(entry.budget as Budget, entry.amount);
          else ledger.cancelReservation(entry.budget as Budget, entry.amount);
        }
        // Every entry reserved the same amount (the request's WaddleAI tokens); budgets name their counters.
        if (spent) releases.add({ requestId, amount: (entries[0] as Entry).amount, counters: entries.map((entry) => entry.budget) }, clock());
      },
    };
  }
}
