// Names of the shared counters in `limit_counters`. The usage writer's hook adds actual spending under the
// same quota names, so they are defined once here.
import type { LimitScope } from "./policies.ts";

export type QuotaPeriod = "daily" | "monthly";

export function quotaCounterKey(scope: LimitScope, id: string, period: QuotaPeriod): string {
  return `quota:${scope}:${id}:${period === "daily" ? "day" : "month"}`;
}

export function rateCounterKey(kind: "rpm" | "tpm", scope: LimitScope, id: string): string {
  return `${kind}:${scope}:${id}`;
}
