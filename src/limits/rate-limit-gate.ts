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
import type { Metrics, RateLimitScope } from "../metrics/registry.ts";
import { GatewayError } from "../errors.ts";
import type { GateInput, GatePass, RequestGate, SettledUsage } from "../proxy/gate.ts";
import type { Budget, LeaseLedger, TakeItem } from "./ledger.ts";
import type { LimitPolicies, LimitScope } from "./policies.ts";
import { quickReservationFor, reservationFor } from "./reservation.ts";
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

const SCOPE_LABEL: Record<LimitScope, RateLimitScope> = { key: "key", user: "user", organization: "org" };
const SCOPE_NAME: Record<LimitScope, string> = { key: "API key", user: "user", organization: "organization" };

interface Entry extends TakeItem {
  scope: LimitScope;
  kind: "rpm" | "tpm";
}

const NO_LIMITS: GatePass = Object.freeze({});

/** The entry of this kind with the least left: what OpenAI-style headers report. */
function tightest(entries: readonly Entry[], kind: "rpm" | "tpm"): Entry | null {
  let best: Entry | null = null;
  for (const entry of entries) {
    if (entry.kind === kind && (best === null || entry.budget.remaining() < best.budget.remaining())) best = entry;
  }
  return best;
}

function rateHeaders(entries: readonly Entry[], now: number): Record<string, string> {
  const headers: Record<string, string> = {};
  const requests = tightest(entries, "rpm");
  if (requests) {
    headers["x-ratelimit-limit-requests"] = String(requests.budget.limit);
    headers["x-ratelimit-remaining-requests"] = String(requests.budget.remaining());
    headers["x-ratelimit-reset-requests"] = formatReset(requests.budget.windowEnd - now);
  }
  const tokens = tightest(entries, "tpm");
  if (tokens) {
    headers["x-ratelimit-limit-tokens"] = String(tokens.budget.limit);
    headers["x-ratelimit-remaining-tokens"] = String(tokens.budget.remaining());
    headers["x-ratelimit-reset-tokens"] = formatReset(tokens.budget.windowEnd - now);
  }
  return headers;
}

export class RateLimitGate implements RequestGate {
  readonly name = "rate-limits";

  constructor(private readonly options: RateLimitGateOptions) {}

  check(input: GateInput): GatePass | GatewayError | Promise<GatePass | GatewayError> {
    const limits = this.options.policies.forKey(input.key);
    if (limits.length === 0) return NO_LIMITS;
    const { ledger } = this.options;
    const now = this.options.clock();
    const window = fixedWindow(now, this.options.windowMs);
    const entries: Entry[] = [];
    let tokens = -1;
    for (const limit of limits) {
      if (limit.rpm !== null) {
        const budget = ledger.budget({ counterKey: limit.counters.rpm, window, limit: limit.rpm, kind: "rate" });
        entries.push({ budget, amount: 1, scope: limit.scope, kind: "rpm" });
      }
      if (limit.tpm !== null) {
        if (tokens < 0) {
          const reservation = quickReservationFor(input, this.options.defaultMaxTokens);
          tokens = reservation.promptTokens + reservation.completionTokens;
        }
        const budget = ledger.budget({ counterKey: limit.counters.tpm, window, limit: limit.tpm, kind: "rate" });
        entries.push({ budget, amount: tokens, scope: limit.scope, kind: "tpm" });
      }
    }
    if (entries.length === 0) return NO_LIMITS;
    if (tokens >= 0 && !entries.every((entry) => entry.budget.free >= entry.amount)) {
      // Near a limit: reserve the tokenizer's estimate instead of the quick upper bound.
      const reservation = reservationFor(input, this.options.defaultMaxTokens);
      const precise = reservation.promptTokens + reservation.completionTokens;
      for (const entry of entries) if (entry.kind === "tpm") entry.amount = precise;
    }
    const taken = ledger.takeAll(entries);
    return taken instanceof Promise ? taken.then((index) => this.verdict(entries, index)) : this.verdict(entries, taken);
  }

  private verdict(entries: Entry[], refusedAt: number): GatePass | GatewayError {
    const now = this.options.clock();
    const headers = rateHeaders(entries, now);
    if (refusedAt >= 0) {
      const refused = entries[refusedAt] as Entry;
      this.options.metrics.rateLimited(SCOPE_LABEL[refused.scope], refused.kind);
      const waitMs = Math.max(0, refused.budget.windowEnd - now);
      const what = refused.kind === "rpm" ? "requests" : "tokens";
      const message = `Rate limit reached for ${SCOPE_NAME[refused.scope]} ${what} per minute (limit ${refused.budget.limit}). Please try again in ${formatReset(waitMs)}.`;
      return new GatewayError("rate_limit_exceeded", message, { headers: { ...headers, "retry-after": String(Math.max(1, Math.ceil(waitMs / 1000))) } });
    }
    const ledger = this.options.ledger;
    return {
      headers,
      settle(usage: SettledUsage) {
        // Requests stay counted; tokens are trued up to what was really used.
        const used = usage.promptTokens + usage.completionTokens;
        for (const entry of entries) if (entry.kind === "tpm") ledger.adjust(entry.budget as Budget, entry.amount - used);
      },
    };
  }
}
