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
import type { Metrics } from "../metrics/registry.ts";
import type { GateInput, GatePass, RequestGate, SettledUsage } from "../proxy/gate.ts";
import { type RateTable, waddleaiTokens } from "../usage/rates.ts";
import type { QuotaPeriod } from "./counter-keys.ts";
import { type Budget, LeaseLedger, type TakeItem } from "./ledger.ts";
import type { PendingReleases } from "./pending-releases.ts";
import { type LimitPolicies, type LimitScope, SCOPE_LABEL, SCOPE_NAME, type ScopedLimits } from "./policies.ts";
import { nearItsLimit, quickReservationFor, type Reservation, reservationFor } from "./reservation.ts";
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


/** One quota of a key's limits in the current day or month: its budget, looked up once. */
interface Slot {
  budget: Budget;
  /** The quota as the policies state it; re-applied to the budget if something else changed it. */
  limit: number;
  scope: LimitScope;
  period: QuotaPeriod;
}

/** The slots of one key's quotas for the current day and month, valid while the ledger's budgets have not changed. */
interface Plan {
  dayStart: number;
  monthStart: number;
  generation: number;
  slots: Slot[];
  /** The budgets as the counters a release names (shared by every release of this plan; never mutated). */
  counters: readonly Budget[];
}

const NO_QUOTA: GatePass = Object.freeze({});

export class QuotaGate implements RequestGate {
  readonly name = "quotas";
  /** The current UTC day and month, recomputed only when they end. */
  private day: Window = { start: 0, end: 0 };
  private month: Window = { start: 0, end: 0 };
  /** Per limits list (policies return the same array for a key until a reload): its budgets this day and month. */
  private readonly plans = new WeakMap<readonly ScopedLimits[], Plan>();

  constructor(private readonly options: QuotaGateOptions) {}

  private units(input: GateInput, reservation: Reservation): number {
    // The provider is not chosen yet; the model's any-provider rate prices the reservation.
    return waddleaiTokens(reservation.promptTokens, reservation.completionTokens, this.options.rates.lookup("*", input.model));
  }

  private planFor(limits: readonly ScopedLimits[], now: number): Plan {
    const { ledger } = this.options;
    if (now >= this.day.end) this.day = utcDay(now);
    if (now >= this.month.end) this.month = utcMonth(now);
    const plan = this.plans.get(limits);
    if (plan !== undefined && plan.generation === ledger.generation && plan.dayStart === this.day.start && plan.monthStart === this.month.start) {
      for (const slot of plan.slots) if (slot.budget.limit !== slot.limit) LeaseLedger.setLimit(slot.budget, slot.limit);
      return plan;
    }
    const slots: Slot[] = [];
    for (const limit of limits) {
      for (const period of ["daily", "monthly"] as const) {
        const quota = period === "daily" ? limit.dailyQuota : limit.monthlyQuota;
        if (quota === null) continue;
        const window = period === "daily" ? this.day : this.month;
        const budget = ledger.budget({ counterKey: period === "daily" ? limit.counters.daily : limit.counters.monthly, window, limit: quota, kind: "quota" });
        slots.push({ budget, limit: quota, scope: limit.scope, period });
      }
    }
    const fresh: Plan = { dayStart: this.day.start, monthStart: this.month.start, generation: ledger.generation, slots, counters: slots.map((slot) => slot.budget) };
    this.plans.set(limits, fresh);
    return fresh;
  }

  check(input: GateInput): GatePass | GatewayError | Promise<GatePass | GatewayError> {
    const limits = this.options.policies.forKey(input.key);
    if (limits.length === 0) return NO_QUOTA;
    const { ledger } = this.options;
    let now = this.options.clock();
    const plan = this.planFor(limits, now);
    const { slots } = plan;
    if (slots.length === 0) return NO_QUOTA;
    let units = this.units(input, quickReservationFor(input, this.options.defaultMaxTokens));
    let nearQuota = false;
    for (const slot of slots) if (slot.budget.free < units && nearItsLimit(slot.budget, units)) nearQuota = true;
    if (nearQuota) {
      // Near a quota (not merely out of this instance's slice, as on a fresh budget, when a lease will
      // bring plenty): reserve the tokenizer's estimate instead of the quick upper bound.
      units = this.units(input, reservationFor(input, this.options.defaultMaxTokens));
      now = this.options.clock(); // the tokenizer takes a while on long prompts
    }
    const entries: TakeItem[] = new Array(slots.length);
    for (let index = 0; index < slots.length; index++) entries[index] = { budget: (slots[index] as Slot).budget, amount: units };
    const taken = ledger.takeAll(entries, now);
    return taken instanceof Promise ? taken.then((index) => this.verdict(input.requestId, plan, units, index)) : this.verdict(input.requestId, plan, units, taken);
  }

  private verdict(requestId: string, plan: Plan, amount: number, refusedAt: number): GatePass | GatewayError {
    const { slots, counters } = plan;
    if (refusedAt >= 0) {
      const refused = slots[refusedAt] as Slot;
      this.options.metrics.rateLimited(SCOPE_LABEL[refused.scope], "quota");
      const resetMs = Math.max(0, refused.budget.windowEnd - this.options.clock());
      // Names the quota, never its numbers: an organisation's usage is not the caller's business.
      return new GatewayError("insufficient_quota", `${SCOPE_NAME[refused.scope]} ${refused.period} quota exceeded`, {
        headers: { "retry-after": String(Math.max(1, Math.ceil(resetMs / 1000))), "x-should-retry": "false" },
      });
    }
    for (const budget of counters) budget.inFlight++;
    const { ledger, releases, clock } = this.options;
    return {
      settle(usage: SettledUsage) {
        // Nothing spent, and no usage event will carry tokens: hand the reservation straight back.
        const spent = usage.waddleaiTokens > 0;
        for (const budget of counters) {
          if (spent) ledger.handOverReservation(budget, amount);
          else ledger.cancelReservation(budget, amount);
        }
        // Every budget reserved the same amount (the request's WaddleAI tokens); budgets name their counters.
        if (spent) releases.reserve(requestId, amount, counters, clock());
      },
    };
  }
}
