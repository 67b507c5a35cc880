// GET /api/quota on the proxy port: what the calling API key has left of its own quotas (and its
// user's), authenticated like any proxy request. Reads the shared counters: this is not the hot path.
import { Elysia } from "elysia";
import type { KeyCache } from "../auth/key-cache.ts";
import { errorResponse, GatewayError } from "../errors.ts";
import { requestIdFrom } from "../http/request-context.ts";
import { authenticate } from "../proxy/auth.ts";
import type { LeaseLedger } from "./ledger.ts";
import type { LeaseStore } from "./lease-store.ts";
import type { LimitPolicies, LimitScope, Limits } from "./policies.ts";
import { type QuotaPeriod, quotaCounterKey } from "./counter-keys.ts";
import { type Clock, utcDay, utcMonth } from "./windows.ts";

export interface QuotaRouteDeps {
  keys: KeyCache;
  policies: LimitPolicies;
  ledger: LeaseLedger;
  store: LeaseStore;
  clock: Clock;
}

interface QuotaLine {
  scope: LimitScope;
  period: QuotaPeriod;
  limit: number;
  counterKey: string;
  windowStart: number;
  windowEnd: number;
}

export function quotaRoute(deps: QuotaRouteDeps) {
  return new Elysia({ name: "proxy-quota" }).get(
    "/api/quota",
    async ({ request }) => {
      const requestId = requestIdFrom(request.headers);
      const checked = authenticate(deps.keys, request.headers);
      const key = checked instanceof Promise ? await checked : checked;
      if (key instanceof GatewayError) return errorResponse(key, requestId);
      const now = deps.clock();
      const own: [LimitScope, string, Limits | null][] = [
        ["key", key.id, { rpm: key.rpm, tpm: key.tpm, dailyQuota: key.dailyQuota, monthlyQuota: key.monthlyQuota }],
        ["user", key.userId, deps.policies.get("user", key.userId)],
      ];
      const lines: QuotaLine[] = [];
      const rateLimits: { scope: LimitScope; rpm: number | null; tpm: number | null }[] = [];
      for (const [scope, id, limits] of own) {
        if (limits === null) continue;
        if (limits.rpm !== null || limits.tpm !== null) rateLimits.push({ scope, rpm: limits.rpm, tpm: limits.tpm });
        for (const period of ["daily", "monthly"] as const) {
          const limit = period === "daily" ? limits.dailyQuota : limits.monthlyQuota;
          if (limit === null) continue;
          const window = period === "daily" ? utcDay(now) : utcMonth(now);
          lines.push({ scope, period, limit, counterKey: quotaCounterKey(scope, id, period), windowStart: window.start, windowEnd: window.end });
        }
      }
      let used: number[];
      try {
        used = await deps.store.read(lines);
      } catch {
        return errorResponse(new GatewayError("service_unavailable", "quota state is unavailable right now"), requestId);
      }
      const quotas = lines.map((line, index) => {
        // The counter holds spending plus slices instances have leased; this instance's unspent slice is not spending.
        const local = deps.ledger.find(line.counterKey, line.windowStart);
        const spent = Math.max(0, (used[index] ?? 0) - Math.max(0, local?.free ?? 0));
        return {
          scope: line.scope,
          period: line.period,
          limit: line.limit,
          used: spent,
          remaining: Math.max(0, line.limit - spent),
          resets_at: new Date(line.windowEnd).toISOString(),
        };
      });
      const body = { object: "quota", key_id: key.id, quotas, rate_limits: rateLimits };
      return new Response(JSON.stringify(body), { headers: { "content-type": "application/json", "x-request-id": requestId } });
    },
    { detail: { hide: true } },
  );
}
