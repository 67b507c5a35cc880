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
import { type Budget, LeaseLedger, type TakeItem } from "./ledger.ts";
import { type LimitPolicies, type LimitScope, SCOPE_LABEL, SCOPE_NAME, type ScopedLimits } from "./policies.ts";
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


/** One limit of a key's limits in one window: its budget, looked up once, and its header text cache. */
interface Slot {
  budget: Budget;
  /** The limit as the policies state it; re-applied to the budget if something else changed it. */
  limit: number;
  scope: LimitScope;
  kind: "rpm" | "tpm";
  limitText: string;
  limitTextOf: number;
  resetKey: number;
  resetText: string;
}

/** The slots of one key's limits for one window, valid while the ledger's budgets have not changed. */
interface Plan {
  windowStart: number;
  windowEnd: number;
  generation: number;
  slots: Slot[];
  hasTokens: boolean;
}

interface Entry extends TakeItem {
  slot: Slot;
}

const NO_LIMITS: GatePass = Object.freeze({});

/** The rpm and tpm entries with the least left (what OpenAI-style headers report), in one pass. */
function tightest(entries: readonly Entry[]): { requests: Entry | null; tokens: Entry | null } {
  let requests: Entry | null = null;
  let tokens: Entry | null = null;
  let leastRequests = 0;
  let leastTokens = 0;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as Entry;
    const remaining = entry.budget.remaining();
    if (entry.slot.kind === "rpm") {
      if (requests === null || remaining < leastRequests) {
        requests = entry;
        leastRequests = remaining;
      }
    } else if (tokens === null || remaining < leastTokens) {
      tokens = entry;
      leastTokens = remaining;
    }
  }
  return { requests, tokens };
}

function limitText(slot: Slot): string {
  const limit = slot.budget.limit;
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
function rateHeaders(entries: readonly Entry[], now: number, refused: boolean): Record<string, string> {
  const { requests, tokens } = tightest(entries);
  if (requests !== null && tokens !== null && !refused) {
    // The usual case, as one literal (one object shape, no incremental growth).
    return {
      "x-ratelimit-limit-requests": limitText(requests.slot),
      "x-ratelimit-remaining-requests": String(requests.budget.remaining()),
      "x-ratelimit-limit-tokens": limitText(tokens.slot),
      "x-ratelimit-remaining-tokens": String(tokens.budget.remaining()),
    };
  }
  const headers: Record<string, string> = {};
  if (requests) {
    headers["x-ratelimit-limit-requests"] = limitText(requests.slot);
    headers["x-ratelimit-remaining-requests"] = String(requests.budget.remaining());
    if (refused) headers["x-ratelimit-reset-requests"] = resetText(requests.slot, requests.budget.windowEnd - now);
  }
  if (tokens) {
    headers["x-ratelimit-limit-tokens"] = limitText(tokens.slot);
    headers["x-ratelimit-remaining-tokens"] = String(tokens.budget.remaining());
    if (refused) headers["x-ratelimit-reset-tokens"] = resetText(tokens.slot, tokens.budget.windowEnd - now);
  }
  return headers;
}

export class RateLimitGate implements RequestGate {
  readonly name = "rate-limits";
  /** Per limits list (policies return the same array for a key until a reload): its budgets this window. */
  private readonly plans = new WeakMap<readonly ScopedLimits[], Plan>();

  constructor(private readonly options: RateLimitGateOptions) {}

  /** The budgets of these limits in the window containing `now`, looked up in the ledger only when needed. */
  private planFor(limits: readonly ScopedLimits[], now: number): Plan {
    const { ledger } = this.options;
    const plan = this.plans.get(limits);
    if (plan !== undefined && plan.generation === ledger.generation && now >= plan.windowStart && now < plan.windowEnd) {
      for (const slot of plan.slots) if (slot.budget.limit !== slot.limit) LeaseLedger.setLimit(slot.budget, slot.limit);
      return plan;
    }
    const window = fixedWindow(now, this.options.windowMs);
    const slots: Slot[] = [];
    let hasTokens = false;
    for (const limit of limits) {
      if (limit.rpm !== null) {
        const budget = ledger.budget({ counterKey: limit.counters.rpm, window, limit: limit.rpm, kind: "rate" });
        slots.push({ budget, limit: limit.rpm, scope: limit.scope, kind: "rpm", limitText: "", limitTextOf: Number.NaN, resetKey: Number.NaN, resetText: "" });
      }
      if (limit.tpm !== null) {
        const budget = ledger.budget({ counterKey: limit.counters.tpm, window, limit: limit.tpm, kind: "rate" });
        slots.push({ budget, limit: limit.tpm, scope: limit.scope, kind: "tpm", limitText: "", limitTextOf: Number.NaN, resetKey: Number.NaN, resetText: "" });
        hasTokens = true;
      }
    }
    // Looking budgets up may itself have created some (and moved the generation): record the result.
    const fresh: Plan = { windowStart: window.start, windowEnd: window.end, generation: ledger.generation, slots, hasTokens };
    this.plans.set(limits, fresh);
    return fresh;
  }

  check(input: GateInput): GatePass | GatewayError | Promise<GatePass | GatewayError> {
    const limits = this.options.policies.forKey(input.key);
    if (limits.length === 0) return NO_LIMITS;
    const { ledger } = this.options;
    let now = this.options.clock();
    const plan = this.planFor(limits, now);
    const { slots } = plan;
    if (slots.length === 0) return NO_LIMITS;
    let tokens = -1;
    if (plan.hasTokens) {
      const reservation = quickReservationFor(input, this.options.defaultMaxTokens);
      tokens = reservation.promptTokens + reservation.completionTokens;
    }
    const entries: Entry[] = new Array(slots.length);
    let nearLimit = false;
    for (let index = 0; index < slots.length; index++) {
      const slot = slots[index] as Slot;
      const amount = slot.kind === "rpm" ? 1 : tokens;
      if (slot.budget.free < amount && nearItsLimit(slot.budget, amount)) nearLimit = true;
      entries[index] = { budget: slot.budget, amount, slot };
    }
    // Near a limit (not merely out of this instance's slice, as at the start of every window, when a
    // lease brings plenty): reserve the tokenizer's estimate instead of the quick upper bound.
    if (tokens >= 0 && nearLimit) {
      const reservation = reservationFor(input, this.options.defaultMaxTokens);
      const precise = reservation.promptTokens + reservation.completionTokens;
      for (const entry of entries) if (entry.slot.kind === "tpm") entry.amount = precise;
      now = this.options.clock(); // the tokenizer takes a while on long prompts
    }
    const taken = ledger.takeAll(entries, now);
    return taken instanceof Promise ? taken.then((index) => this.verdict(entries, index, this.options.clock())) : this.verdict(entries, taken, now);
  }

  private verdict(entries: Entry[], refusedAt: number, now: number): GatePass | GatewayError {
    const headers = rateHeaders(entries, now, refusedAt >= 0);
    if (refusedAt >= 0) {
      const refused = entries[refusedAt] as Entry;
      const { scope, kind } = refused.slot;
      this.options.metrics.rateLimited(SCOPE_LABEL[scope], kind);
      const waitMs = Math.max(0, refused.budget.windowEnd - now);
      const what = kind === "rpm" ? "requests" : "tokens";
      const message = `Rate limit reached for ${SCOPE_NAME[scope]} ${what} per minute (limit ${refused.budget.limit}). Please try again in ${formatReset(waitMs)}.`;
      return new GatewayError("rate_limit_exceeded", message, { headers: { ...headers, "retry-after": String(Math.max(1, Math.ceil(waitMs / 1000))) } });
    }
    const { ledger, clock } = this.options;
    return {
      headers,
      settle(usage: SettledUsage) {
        // Requests stay counted; tokens are trued up to what was really used.
        const used = usage.promptTokens + usage.completionTokens;
        let at = -1;
        for (const entry of entries) {
          if (entry.slot.kind !== "tpm" || entry.amount === used) continue;
          if (at < 0) at = clock();
          ledger.adjust(entry.budget, entry.amount - used, at);
        }
      },
    };
  }
}
