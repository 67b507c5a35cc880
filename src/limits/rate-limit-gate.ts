// RPM and TPM limits of the key, its user and its organisation, as a RequestGate. Each limit is a budget
// per fixed window (one minute, aligned to the epoch) shared by all instances through leased slices.
//
// Overshoot bound, across any number of instances, per window:
//   RPM — none: every admitted request took 1 from a slice the store granted, and grants never pass the
//         limit. (Like every fixed window, a burst straddling a window boundary can see up to 2× the limit
//         within 60 s of wall time.)
//   TPM — requests take their reservation (estimated prompt + max_tokens or DEFAULT_MAX_TOKENS_RESERVATION)
//         up front; what they really use beyond it is charged after the fact (the slice goes into debt).
//         So a window overshoots by at most Σ over requests in flight of (actual − reserved)⁺, which is 0
//         when clients send max_tokens and the prompt estimate is not below the upstream's count.
import type { Metrics } from "../metrics/registry.ts";
import { GatewayError } from "../errors.ts";
import type { GateInput, GatePass, RequestGate, SettledUsage } from "../proxy/gate.ts";
import { type Budget, LeaseLedger } from "./ledger.ts";
import { type KeyLimits, type LimitPolicies, type LimitScope, SCOPE_LABEL, SCOPE_NAME } from "./policies.ts";
import { nearItsLimit, quickReservationFor, reservationFor } from "./reservation.ts";
import { type Clock, fixedWindow, formatReset } from "./windows.ts";

export interface RateLimitGateOptions {
  ledger: LeaseLedger;
  policies: LimitPolicies;
  metrics: Metrics;
  clock: Clock;
  /** Length of a rate-limit window; one minute outside tests. */
  windowMs: number;
  defaultMaxTokens: number;
}

/** One limit of a key's limits in one window: what is rarely needed about it (its budget is in the plan). */
interface Slot {
  scope: LimitScope;
  kind: "rpm" | "tpm";
  limitText: string;
  limitTextOf: number;
  resetKey: number;
  resetText: string;
}

/**
 * A key's limits for one window, valid while the ledger's budgets have not changed. Flat arrays, RPM
 * budgets first: a request walks `budgets` only, with no per-request list of what it takes.
 */
export interface RatePlan {
  windowStart: number;
  windowEnd: number;
  generation: number;
  budgets: Budget[];
  /** Each budget's limit as the policies state it; re-applied to the budget if something else changed it. */
  limits: number[];
  slots: Slot[];
  /** Index of the first TPM budget (`budgets.length` when there is none). */
  firstTokens: number;
}

const NO_LIMITS: GatePass = Object.freeze({});

/** The index of the budget with the least left among budgets[from, to), or -1 when the range is empty. */
function tightest(budgets: readonly Budget[], from: number, to: number): number {
  let found = -1;
  let least = 0;
  for (let index = from; index < to; index++) {
    const remaining = (budgets[index] as Budget).remaining();
    if (found < 0 || remaining < least) {
      found = index;
      least = remaining;
    }
  }
  return found;
}

function limitText(slot: Slot, budget: Budget): string {
  const limit = budget.limit;
  if (slot.limitTextOf !== limit) {
    slot.limitTextOf = limit;
    slot.limitText = String(limit);
  }
  return slot.limitText;
}

/** formatReset(ms), recomputed only when its text changes (each second; each millisecond in the last one). */
function resetText(slot: Slot, ms: number): string {
  const key = ms < 1000 ? -1 - Math.max(0, Math.ceil(ms)) : Math.ceil(ms / 1000);
  if (slot.resetKey !== key) {
    slot.resetKey = key;
    slot.resetText = formatReset(ms);
  }
  return slot.resetText;
}

/**
 * OpenAI's x-ratelimit-* headers for the tightest rpm and tpm limits: limit and remaining on every
 * response (the contract's four), plus the reset times when the request is refused. Admitted requests
 * leave the resets out: each header on a response costs the server far more than computing it, and a
 * client that has been admitted has no use for the time until the window resets.
 */
function rateHeaders(plan: RatePlan, now: number, refused: boolean): Record<string, string> {
  const { budgets, slots, firstTokens } = plan;
  const requests = tightest(budgets, 0, firstTokens);
  const tokens = tightest(budgets, firstTokens, budgets.length);
  if (requests >= 0 && tokens >= 0 && !refused) {
    const requestBudget = budgets[requests] as Budget;
    const tokenBudget = budgets[tokens] as Budget;
    // The usual case, as one literal (one object shape, no incremental growth).
    return {
      "x-ratelimit-limit-requests": limitText(slots[requests] as Slot, requestBudget),
      "x-ratelimit-remaining-requests": String(requestBudget.remaining()),
      "x-ratelimit-limit-tokens": limitText(slots[tokens] as Slot, tokenBudget),
      "x-ratelimit-remaining-tokens": String(tokenBudget.remaining()),
    };
  }
  const headers: Record<string, string> = {};
  for (const [index, what] of [[requests, "requests"], [tokens, "tokens"]] as const) {
    if (index < 0) continue;
    const budget = budgets[index] as Budget;
    const slot = slots[index] as Slot;
    headers[`x-ratelimit-limit-${what}`] = limitText(slot, budget);
    headers[`x-ratelimit-remaining-${what}`] = String(budget.remaining());
    if (refused) headers[`x-ratelimit-reset-${what}`] = resetText(slot, budget.windowEnd - now);
  }
  return headers;
}

/** An admitted request: its headers, and at the end its tokens trued up to what it really used. */
class Admitted implements GatePass {
  constructor(
    readonly headers: Record<string, string>,
    private readonly plan: RatePlan,
    private readonly tokens: number,
    private readonly ledger: LeaseLedger,
    private readonly clock: Clock,
  ) {}

  settle(usage: SettledUsage): void {
    // Requests stay counted; tokens are trued up to what was really used.
    const unused = this.tokens - (usage.promptTokens + usage.completionTokens);
    const { budgets, firstTokens } = this.plan;
    if (unused === 0 || firstTokens === budgets.length) return;
    const at = this.clock();
    for (let index = firstTokens; index < budgets.length; index++) this.ledger.adjust(budgets[index] as Budget, unused, at);
  }
}

export class RateLimitGate implements RequestGate {
  readonly name = "rate-limits";

  constructor(private readonly options: RateLimitGateOptions) {}

  /** The budgets of these limits in the window containing `now`, looked up in the ledger only when needed. */
  private planFor(limits: KeyLimits, now: number): RatePlan {
    const { ledger } = this.options;
    const plan = limits.ratePlan;
    if (plan !== null && plan.generation === ledger.generation && now >= plan.windowStart && now < plan.windowEnd) {
      LeaseLedger.applyLimits(plan.budgets, plan.limits);
      return plan;
    }
    const window = fixedWindow(now, this.options.windowMs);
    const fresh: RatePlan = { windowStart: window.start, windowEnd: window.end, generation: 0, budgets: [], limits: [], slots: [], firstTokens: 0 };
    for (const kind of ["rpm", "tpm"] as const) {
      if (kind === "tpm") fresh.firstTokens = fresh.budgets.length;
      for (const scoped of limits.list) {
        const limit = scoped[kind];
        if (limit === null) continue;
        fresh.budgets.push(ledger.budget({ counterKey: scoped.counters[kind], window, limit, kind: "rate" }));
        fresh.limits.push(limit);
        fresh.slots.push({ scope: scoped.scope, kind, limitText: "", limitTextOf: Number.NaN, resetKey: Number.NaN, resetText: "" });
      }
    }
    // Looking budgets up may itself have created some (and moved the generation): record the result.
    fresh.generation = ledger.generation;
    limits.ratePlan = fresh;
    return fresh;
  }

  check(input: GateInput): GatePass | GatewayError | Promise<GatePass | GatewayError> {
    const limits = this.options.policies.forKey(input.key);
    if (limits.list.length === 0) return NO_LIMITS;
    const { ledger } = this.options;
    let now = this.options.clock();
    const plan = this.planFor(limits, now);
    const { budgets, firstTokens } = plan;
    if (budgets.length === 0) return NO_LIMITS;
    // Near a limit (not merely out of this instance's slice, as at the start of every window, when a
    // lease brings plenty): reserve the tokenizer's estimate instead of the quick upper bound.
    let nearLimit = false;
    for (let index = 0; index < firstTokens; index++) {
      const budget = budgets[index] as Budget;
      if (budget.free < 1 && nearItsLimit(budget, 1)) nearLimit = true;
    }
    let tokens = 0;
    if (firstTokens < budgets.length) {
      const quick = quickReservationFor(input, this.options.defaultMaxTokens);
      tokens = quick.promptTokens + quick.completionTokens;
      for (let index = firstTokens; index < budgets.length; index++) {
        const budget = budgets[index] as Budget;
        if (budget.free < tokens && nearItsLimit(budget, tokens)) nearLimit = true;
      }
      if (nearLimit) {
        const precise = reservationFor(input, this.options.defaultMaxTokens);
        tokens = precise.promptTokens + precise.completionTokens;
        now = this.options.clock(); // the tokenizer takes a while on long prompts
      }
    }
    const taken = ledger.takeAll(budgets, firstTokens, 1, tokens, now);
    return taken instanceof Promise ? taken.then((index) => this.verdict(plan, tokens, index, this.options.clock())) : this.verdict(plan, tokens, taken, now);
  }

  private verdict(plan: RatePlan, tokens: number, refusedAt: number, now: number): GatePass | GatewayError {
    const headers = rateHeaders(plan, now, refusedAt >= 0);
    if (refusedAt < 0) return new Admitted(headers, plan, tokens, this.options.ledger, this.options.clock);
    const refused = plan.budgets[refusedAt] as Budget;
    const { scope, kind } = plan.slots[refusedAt] as Slot;
    this.options.metrics.rateLimited(SCOPE_LABEL[scope], kind);
    const waitMs = Math.max(0, refused.windowEnd - now);
    const what = kind === "rpm" ? "requests" : "tokens";
    const message = `Rate limit reached for ${SCOPE_NAME[scope]} ${what} per minute (limit ${refused.limit}). Please try again in ${formatReset(waitMs)}.`;
    return new GatewayError("rate_limit_exceeded", message, { headers: { ...headers, "retry-after": String(Math.max(1, Math.ceil(waitMs / 1000))) } });
  }
}
