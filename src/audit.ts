// The audit log: who changed what, with before/after snapshots whose secrets are redacted.
import type { Sql } from "postgres";
import type { Principal } from "./auth/principal.ts";

const SECRET_FIELDS = /^(api_?key|apiKey|api_key_encrypted|apiKeyEncrypted|password|password_hash|passwordHash|key|key_hash|keyHash|secret|token)$/;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(value)) {
      out[field] = SECRET_FIELDS.test(field) ? (inner === null || inner === undefined ? inner : "[redacted]") : redact(inner);
    }
    return out;
  }
  return value;
}

export interface AuditEntry {
  actor: Principal | null;
  action: string;
  targetType: string;
  targetId: string | null;
  organizationId?: string | null;
  before?: unknown;
  after?: unknown;
  ip: string | null;
  requestId: string | null;
}

export async function recordAudit(sql: Sql, entry: AuditEntry): Promise<void> {
  const before = entry.before === undefined ? null : JSON.stringify(redact(entry.before));
  const after = entry.after === undefined ? null : JSON.stringify(redact(entry.after));
  await sql`
    insert into audit_log (actor_user_id, actor_key_id, action, target_type, target_id, organization_id, before, after, ip, request_id)
    values (${entry.actor?.userId ?? null}, ${entry.actor?.keyId ?? null}, ${entry.action}, ${entry.targetType},
            ${entry.targetId}, ${entry.organizationId ?? null}, ${before}::text::jsonb, ${after}::text::jsonb, ${entry.ip}, ${entry.requestId})`;
}
