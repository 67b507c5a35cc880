// Which limits apply to a request: the key's own (on the key record), its user's and its organisation's
// (the `quotas` table, held in memory and re-read on a "quotas" notification or a timer).
import type { Sql } from "postgres";
import type { KeyRecord } from "../auth/key-cache.ts";
import type { Logger } from "../log.ts";
import type { RateLimitScope } from "../metrics/registry.ts";
import { quotaCounterKey, rateCounterKey } from "./counter-keys.ts";
import type { QuotaPlan } from "./quota-gate.ts";
import type { RatePlan } from "./rate-limit-gate.ts";

export type LimitScope = "key" | "user" | "organization";

/** The scope as a metrics label and as words in a refusal message. */
export const SCOPE_LABEL: Record<LimitScope, RateLimitScope> = { key: "key", user: "user", organization: "org" };
export const SCOPE_NAME: Record<LimitScope, string> = { key: "API key", user: "user", organization: "organization" };

export interface Limits {
  rpm: number | null;
  tpm: number | null;
  dailyQuota: number | null;
  monthlyQuota: number | null;
}

export interface ScopedLimits extends Limits {
  scope: LimitScope;
  id: string;
  /** Counter names, built once per key record rather than per request. */
  counters: { rpm: string; tpm: string; daily: string; monthly: string };
}

function scoped(scope: LimitScope, id: string, limits: Limits): ScopedLimits {
  return {
    scope,
    id,
    ...limits,
    counters: {
      rpm: rateCounterKey("rpm", scope, id),
      tpm: rateCounterKey("tpm", scope, id),
      daily: quotaCounterKey(scope, id, "daily"),
      monthly: quotaCounterKey(scope, id, "monthly"),
    },
  };
}

/**
 * The limits on requests made with one key record, as of one reload of the policies, and what each gate
 * derived from them (its budgets for the current window): kept together, so that a request finds all
 * of it through one lookup. A reload or a changed key record makes a new one.
 */
export class KeyLimits {
  ratePlan: RatePlan | null = null;
  quotaPlan: QuotaPlan | null = null;

  constructor(
    readonly list: readonly ScopedLimits[],
    readonly version: number,
  ) {}
}

export interface QuotaRow {
  scope_type: string;
  scope_id: string;
  daily_quota: string | number | null;
  monthly_quota: string | number | null;
  rpm: number | null;
  tpm: number | null;
}

const toNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));

function hasAny(limits: Limits): boolean {
  return limits.rpm !== null || limits.tpm !== null || limits.dailyQuota !== null || limits.monthlyQuota !== null;
}

export function loadQuotaRows(sql: Sql): Promise<QuotaRow[]> {
  return sql<QuotaRow[]>`select scope_type, scope_id, daily_quota, monthly_quota, rpm, tpm from quotas`;
}

export class LimitPolicies {
  private byScope = new Map<string, Limits>();
  /** Bumped on every reload, so the per-key answers below know when to recompute. */
  private version = 0;
  private readonly perKey = new WeakMap<KeyRecord, KeyLimits>();
  /** The last answer: both gates ask about the same key one after the other. */
  private lastKey: KeyRecord | null = null;
  private lastLimits: KeyLimits | null = null;
  private timer: Timer | null = null;

  constructor(
    private readonly load: () => Promise<QuotaRow[]>,
    private readonly log: Logger,
  ) {}

  async reload(): Promise<void> {
    this.replace(await this.load());
  }

  /** Swap in a whole new set of rows; lookups never see a half-built table. */
  replace(rows: readonly QuotaRow[]): void {
    const next = new Map<string, Limits>();
    for (const row of rows) {
      const limits = { rpm: row.rpm, tpm: row.tpm, dailyQuota: toNumber(row.daily_quota), monthlyQuota: toNumber(row.monthly_quota) };
      if (hasAny(limits)) next.set(`${row.scope_type}:${row.scope_id}`, limits);
    }
    this.byScope = next;
    this.version++;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.reload().catch((error: unknown) => this.log.warn("quota reload failed", { error }));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get(scope: "user" | "organization", id: string): Limits | null {
    return this.byScope.get(`${scope}:${id}`) ?? null;
  }

  /**
   * The limits on a request made with this key: key, user, organisation, each only if it sets something.
   * Cached per key record (records are replaced when a key changes) until the next reload.
   */
  forKey(key: KeyRecord): KeyLimits {
    const last = this.lastLimits;
    if (key === this.lastKey && last !== null && last.version === this.version) return last;
    let limits = this.perKey.get(key);
    if (limits === undefined || limits.version !== this.version) {
      const list: ScopedLimits[] = [];
      const own = { rpm: key.rpm, tpm: key.tpm, dailyQuota: key.dailyQuota, monthlyQuota: key.monthlyQuota };
      if (hasAny(own)) list.push(scoped("key", key.id, own));
      const user = this.get("user", key.userId);
      if (user) list.push(scoped("user", key.userId, user));
      const organization = this.get("organization", key.organizationId);
      if (organization) list.push(scoped("organization", key.organizationId, organization));
      limits = new KeyLimits(list, this.version);
      this.perKey.set(key, limits);
    }
    this.lastKey = key;
    this.lastLimits = limits;
    return limits;
  }
}
