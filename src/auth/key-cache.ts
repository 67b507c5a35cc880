// API keys held in memory by hash, so authenticating a proxy request costs one hash and one map lookup.
// A refresh loop pulls keys changed since the last look (revocations, expiry edits, and — through the
// triggers in migrations/0001 — disabled users and organisations) so every instance converges within
// one refresh interval.
import type { Sql } from "postgres";
import type { Logger } from "../log.ts";
import { hashApiKey, looksLikeApiKey, secretsEqual } from "./api-keys.ts";
import type { Role } from "./principal.ts";

export interface KeyRecord {
  id: string;
  keyHash: string;
  prefix: string;
  name: string;
  userId: string;
  username: string;
  role: Role;
  organizationId: string;
  allowedModels: ReadonlySet<string> | null;
  expiresAt: number | null;
  /** False when the key is revoked or its user or organisation is disabled or deleted. */
  active: boolean;
  rpm: number | null;
  tpm: number | null;
  dailyQuota: number | null;
  monthlyQuota: number | null;
  securityPolicy: string | null;
  organizationSecurityPolicy: string | null;
}

interface KeyRow {
  id: string;
  key_hash: string;
  prefix: string;
  name: string;
  user_id: string;
  username: string;
  role: Role;
  organization_id: string;
  allowed_models: string[] | null;
  expires_at: Date | null;
  active: boolean;
  rpm: number | null;
  tpm: number | null;
  daily_quota: string | number | null;
  monthly_quota: string | number | null;
  security_policy: string | null;
  org_security_policy: string | null;
  updated_at: Date;
}

function toRecord(row: KeyRow): KeyRecord {
  return {
    id: row.id,
    keyHash: row.key_hash,
    prefix: row.prefix,
    name: row.name,
    userId: row.user_id,
    username: row.username,
    role: row.role,
    organizationId: row.organization_id,
    allowedModels: row.allowed_models ? new Set(row.allowed_models) : null,
    expiresAt: row.expires_at ? row.expires_at.getTime() : null,
    active: row.active,
    rpm: row.rpm,
    tpm: row.tpm,
    dailyQuota: row.daily_quota === null ? null : Number(row.daily_quota),
    monthlyQuota: row.monthly_quota === null ? null : Number(row.monthly_quota),
    securityPolicy: row.security_policy,
    organizationSecurityPolicy: row.org_security_policy,
  };
}

/** Rows changed this long before the newest change seen are read again, covering commit-order skew. */
const OVERLAP_MS = 30_000;
/** How long an unknown hash is remembered as unknown, bounding database look-ups from bad keys. */
const NEGATIVE_TTL_MS = 2_000;
const NEGATIVE_MAX = 100_000;

export type KeyCheck = { ok: true; key: KeyRecord } | { ok: false; reason: "unknown" | "inactive" | "expired" };

export class KeyCache {
  private readonly byHash = new Map<string, KeyRecord>();
  private readonly unknown = new Map<string, number>();
  private watermark = new Date(0);
  private timer: Timer | null = null;

  constructor(
    private readonly sql: Sql,
    private readonly log: Logger,
  ) {}

  get size(): number {
    return this.byHash.size;
  }

  private query(where: "changed" | "hash", value: Date | string) {
    const condition = where === "changed" ? this.sql`k.updated_at > ${value}` : this.sql`k.key_hash = ${value}`;
    return this.sql<KeyRow[]>`
      select k.id, k.key_hash, k.prefix, k.name, k.user_id, u.username, u.role, k.organization_id,
             k.allowed_models, k.expires_at, k.rpm, k.tpm, k.daily_quota, k.monthly_quota,
             k.security_policy, o.security_policy as org_security_policy, k.updated_at,
             (k.revoked_at is null and u.enabled and u.deleted_at is null
               and o.enabled and o.deleted_at is null) as active
      from api_keys k
      join users u on u.id = k.user_id
      join organizations o on o.id = k.organization_id
      where ${condition}`;
  }

  private store(rows: KeyRow[]): void {
    for (const row of rows) {
      this.byHash.set(row.key_hash, toRecord(row));
      this.unknown.delete(row.key_hash);
      if (row.updated_at > this.watermark) this.watermark = row.updated_at;
    }
  }

  /** Pull keys changed since the last refresh. */
  async refresh(): Promise<void> {
    const since = new Date(this.watermark.getTime() - OVERLAP_MS);
    this.store(await this.query("changed", since));
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) => this.log.warn("key cache refresh failed", { error }));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private evaluate(key: KeyRecord, presentedHash: string): KeyCheck {
    if (!secretsEqual(key.keyHash, presentedHash)) return { ok: false, reason: "unknown" };
    if (!key.active) return { ok: false, reason: "inactive" };
    if (key.expiresAt !== null && key.expiresAt <= Date.now()) return { ok: false, reason: "expired" };
    return { ok: true, key };
  }

  /**
   * Check a presented key. Known keys answer from memory; an unknown key (e.g. created on another
   * instance a moment ago) costs one indexed look-up, then is remembered as unknown for a moment.
   */
  check(presented: string): KeyCheck | Promise<KeyCheck> {
    if (!looksLikeApiKey(presented)) return { ok: false, reason: "unknown" };
    const hash = hashApiKey(presented);
    const known = this.byHash.get(hash);
    if (known) return this.evaluate(known, hash);
    const missedAt = this.unknown.get(hash);
    if (missedAt !== undefined && Date.now() - missedAt < NEGATIVE_TTL_MS) return { ok: false, reason: "unknown" };
    return this.lookup(hash);
  }

  private async lookup(hash: string): Promise<KeyCheck> {
    const rows = await this.query("hash", hash);
    const row = rows[0];
    if (!row) {
      if (this.unknown.size >= NEGATIVE_MAX) this.unknown.clear();
      this.unknown.set(hash, Date.now());
      return { ok: false, reason: "unknown" };
    }
    const record = toRecord(row);
    this.byHash.set(hash, record);
    return this.evaluate(record, hash);
  }

  /** Apply a change made by this instance at once, without waiting for the refresh. */
  async reload(keyId: string): Promise<void> {
    const rows = await this.sql<KeyRow[]>`select key_hash from api_keys where id = ${keyId}`;
    for (const row of rows) {
      const fresh = await this.query("hash", row.key_hash);
      this.store(fresh);
    }
  }
}
