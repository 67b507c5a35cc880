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
import { type Budget, LeaseLedger } from "./ledger.ts";
import { type KeyLimits, type LimitPolicies, type LimitScope, SCOPE_LABEL, SCOPE_NAME } from "./policies.ts";
import { nearItsLimit, quickReservationFor, type Reservation, reservationFor } from "./reservation.ts";
import { type Clock, utcDay, utcMonth, type Window } from "./windows.ts";

export interface QuotaGateOptions {
  ledger: LeaseLedger;
  policies: LimitPolicies;
  rates: RateTable;
  metrics: Metrics;
  clock: Clock;
  defaultMaxTokens: number;
}

/** One quota of a key's limits in the current day or month: what a refusal names. */
interface Slot {
  scope: LimitScope;
  period: QuotaPeriod;
}

/**
 * A key's quotas for the current day and month, valid while the ledger's budgets have not changed. The
 * budgets double as the counters a release names (shared by every release of this plan; never mutated).
 */
export interface QuotaPlan {
  dayStart: number;
  monthStart: number;
  generation: number;
  budgets: Budget[];
  /** Each budget's quota as the policies state it; re-applied to the budget if something else changed it. */
  limits: number[];
  slots: Slot[];
}

const NO_QUOTA: GatePass = Object.freeze({});

/** An admitted request's reservation: at the end, handed to the usage writer or handed back. */
class Reserved implements GatePass {
  constructor(
    private readonly budgets: readonly Budget[],
    private readonly amount: number,
    private readonly options: QuotaGateOptions,
  ) {}

  settle(usage: SettledUsage): void {
    const { ledger } = this.options;
    const { budgets, amount } = this;
    // Nothing spent, and no usage event will carry tokens: hand the reservation straight back.
    if (usage.waddleaiTokens <= 0) {
      for (let index = 0; index < budgets.length; index++) ledger.cancelReservation(budgets[index] as Budget, amount);
      return;
    }
    for (let index = 0; index < budgets.length; index++) ledger.handOverReservation(budgets[index] as Budget, amount);
    // Every budget reserved the same amount (the request's WaddleAI tokens); budgets name their counters.
    // The usage event carries it to the transaction that writes the event (usage-hook.ts).
    usage.release = { amount, counters: budgets };
  }
}

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

  private planFor(limits: KeyLimits, now: number): QuotaPlan {
    const { ledger } = this.options;
    if (now >= this.day.end) this.day = utcDay(now);
    if (now >= this.month.end) this.month = utcMonth(now);
    const plan = limits.quotaPlan;
    if (plan !== null && plan.generation === ledger.generation && plan.dayStart === this.day.start && plan.monthStart === this.month.start) {
      LeaseLedger.applyLimits(plan.budgets, plan.limits);
      return plan;
    }
    const fresh: QuotaPlan = { dayStart: this.day.start, monthStart: this.month.start, generation: 0, budgets: [], limits: [], slots: [] };
    for (const scoped of limits.list) {
      for (const period of ["daily", "monthly"] as const) {
        const quota = period === "daily" ? scoped.dailyQuota : scoped.monthlyQuota;
        if (quota === null) continue;
        const window = period === "daily" ? this.day : this.month;
        fresh.budgets.push(ledger.budget({ counterKey: scoped.counters[period], window, limit: quota, kind: "quota" }));
        fresh.limits.push(quota);
        fresh.slots.push({ scope: scoped.scope, period });
      }
    }
    fresh.generation = ledger.generation;
    limits.quotaPlan = fresh;
    return fresh;
  }

  check(input: GateInput): GatePass | GatewayError | Promise<GatePass | GatewayError> {
    const limits = this.options.policies.forKey(input.key);
    if (limits.list.length === 0) return NO_QUOTA;
    const { ledger } = this.options;
    let now = this.options.clock();
    const plan = this.planFor(limits, now);
    const { budgets } = plan;
    if (budgets.length === 0) return NO_QUOTA;
    let units = this.units(input, quickReservationFor(input, this.options.defaultMaxTokens));
    let nearQuota = false;
    for (let index = 0; index < budgets.length; index++) {
      const budget = budgets[index] as Budget;
      if (budget.free < units && nearItsLimit(budget, units)) nearQuota = true;
    }
    if (nearQuota) {
      // Near a quota (not merely out of this instance's slice, as on a fresh budget, when a lease will
      // bring plenty): reserve the tokenizer's estimate instead of the quick upper bound.
      units = this.units(input, reservationFor(input, this.options.defaultMaxTokens));
      now = this.options.clock(); // the tokenizer takes a while on long prompts
    }
    const taken = ledger.takeAll(budgets, budgets.length, units, 0, now);
    return taken instanceof Promise ? taken.then((index) => this.verdict(plan, units, index)) : this.verdict(plan, units, taken);
  }

  private verdict(plan: QuotaPlan, amount: number, refusedAt: number): GatePass | GatewayError {
    const { budgets, slots } = plan;
    if (refusedAt >= 0) {
      const refused = slots[refusedAt] as Slot;
      this.options.metrics.rateLimited(SCOPE_LABEL[refused.scope], "quota");
      const resetMs = Math.max(0, (budgets[refusedAt] as Budget).windowEnd - this.options.clock());
      // Names the quota, never its numbers: an organisation's usage is not the caller's business.
      return new GatewayError("insufficient_quota", `${SCOPE_NAME[refused.scope]} ${refused.period} quota exceeded`, {
        headers: { "retry-after": String(Math.max(1, Math.ceil(resetMs / 1000))), "x-should-retry": "false" },
      });
    }
    for (let index = 0; index < budgets.length; index++) (budgets[index] as Budget).inFlight++;
    return new Reserved(budgets, amount, this.options);
  }
}
