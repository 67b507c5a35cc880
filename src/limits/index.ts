// Wires quotas and rate limits together: the shared ledger, the two request gates, the usage writer hook,
// GET /api/quota and the retention job. services.ts calls buildLimits once at start.
import type { AnyElysia } from "elysia";
import type { KeyCache } from "../auth/key-cache.ts";
import { ConfigError } from "../config/schema.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics/registry.ts";
import type { RequestGate } from "../proxy/gate.ts";
import type { RateTable } from "../usage/rates.ts";
import type { Database } from "../db/client.ts";
import { LeaseLedger } from "./ledger.ts";
import { PostgresLeaseStore } from "./lease-store.ts";
import { LimitPolicies, loadQuotaRows } from "./policies.ts";
import { QuotaGate } from "./quota-gate.ts";
import { quotaRoute } from "./quota-route.ts";
import { RateLimitGate } from "./rate-limit-gate.ts";
import { RetentionJob } from "./retention.ts";
import { createUsageHook, type UsageHook } from "./usage-hook.ts";
import { MINUTE_MS, systemClock } from "./windows.ts";

export interface LimitsDeps {
  database: Database;
  log: Logger;
  keys: KeyCache;
  rates: RateTable;
  metrics: Metrics;
  defaultMaxTokensReservation: number;
  usageRetentionDays: number;
  env?: Record<string, string | undefined>;
}

export interface Limits {
  /** Rate limits first (cheap to refuse), then quotas. */
  gates: RequestGate[];
  usageHook: UsageHook;
  policies: LimitPolicies;
  proxyRoutes: AnyElysia[];
  start(): void;
  /** Stop timers; call before the usage writer's final flush. */
  stopTimers(): Promise<void>;
  /** Hand back unused slices; call after the usage writer's final flush. */
  stop(): Promise<void>;
}

/** How often the ledger hands back idle slices and settled reservations. */
const TICK_MS = 250;
/** Quota settings are re-read at least this often even without a notification. */
const POLICY_POLL_MS = 5_000;
const RETENTION_INTERVAL_MS = 3_600_000;

/**
 * WADDLEAI_LIMIT_WINDOW_MS shortens the rate-limit window so tests need not wait whole minutes; limits then
 * apply per that window. Production leaves it unset (one minute); the logic is the same.
 */
export function limitWindowMs(env: Record<string, string | undefined>): number {
  const raw = env.WADDLEAI_LIMIT_WINDOW_MS?.trim();
  if (!raw) return MINUTE_MS;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1_000 || value > 3_600_000) {
    throw new ConfigError("WADDLEAI_LIMIT_WINDOW_MS", `must be a whole number of milliseconds from 1000 to 3600000, got "${raw}"`);
  }
  return value;
}

export async function buildLimits(deps: LimitsDeps): Promise<Limits> {
  const { sql } = deps.database;
  const clock = systemClock;
  const store = new PostgresLeaseStore(sql);
  const ledger = new LeaseLedger({ store, clock, log: deps.log });
  const policies = new LimitPolicies(() => loadQuotaRows(sql), deps.log);
  await policies.reload();
  const windowMs = limitWindowMs(deps.env ?? process.env);
  const defaultMaxTokens = deps.defaultMaxTokensReservation;
  const gates: RequestGate[] = [
    new RateLimitGate({ ledger, policies, metrics: deps.metrics, clock, windowMs, defaultMaxTokens }),
    new QuotaGate({ ledger, policies, rates: deps.rates, metrics: deps.metrics, clock, defaultMaxTokens }),
  ];
  const retention = new RetentionJob(sql, deps.log, { retentionDays: deps.usageRetentionDays, intervalMs: RETENTION_INTERVAL_MS });
  return {
    gates,
    usageHook: createUsageHook(ledger),
    policies,
    proxyRoutes: [quotaRoute({ keys: deps.keys, policies, ledger, store, clock })],
    start() {
      ledger.start(TICK_MS);
      policies.start(POLICY_POLL_MS);
      retention.start();
      // First clean-up shortly after start, off the boot path.
      setTimeout(() => void retention.runOnce(), 60_000).unref();
    },
    async stopTimers() {
      policies.stop();
      await retention.stop();
    },
    async stop() {
      await ledger.stop();
    },
  };
}
