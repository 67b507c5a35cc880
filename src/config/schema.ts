// The environment schema: every setting the process reads, parsed and validated once at start.

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = "ConfigError";
  }
}

export type SecurityPolicySetting = "strict" | "balanced" | "permissive" | "off";
export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Config {
  databaseUrl: string | null;
  dataDir: string;
  jwtSecret: string | null;
  /** Derives the key that encrypts provider secrets at rest; generated and stored when unset. */
  secretKey: string | null;
  adminPassword: string | null;
  securityPolicy: SecurityPolicySetting;
  openaiApiKey: string | null;
  anthropicApiKey: string | null;
  ollamaUrl: string | null;
  proxyPort: number;
  mgmtPort: number;
  host: string;
  logLevel: LogLevel;
  /** Maximum request body in bytes on the proxy. */
  maxBodyBytes: number;
  /** Lifetime of management access tokens, seconds. */
  tokenTtlSeconds: number;
  /** How long graceful shutdown waits for in-flight requests, milliseconds. */
  shutdownTimeoutMs: number;
  /** How often in-memory caches (keys, links, rates) are refreshed from the database, milliseconds. */
  cacheRefreshMs: number;
  /** Usage writer: flush every N ms or M rows, keep at most `usageBufferMax` rows while the DB is away. */
  usageFlushMs: number;
  usageBatchRows: number;
  usageBufferMax: number;
  /** Raw usage events older than this many days are deleted (rollups are kept). 0 keeps them forever. */
  usageRetentionDays: number;
  /** Default reservation (completion tokens) for quota checks when a request names no max_tokens. */
  defaultMaxTokensReservation: number;
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | null {
  const value = env[name];
  return value === undefined || value.trim() === "" ? null : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name);
  if (raw === null) return fallback;
  const lowered = raw.toLowerCase();
  const match = allowed.find((value) => value === lowered);
  if (!match) throw new ConfigError(name, `must be one of ${allowed.join(", ")}, got "${raw}"`);
  return match;
}

function databaseUrl(env: Env): string | null {
  const raw = text(env, "DATABASE_URL");
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("DATABASE_URL", "is not a valid URL (expected postgres://user@host:port/database)");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError("DATABASE_URL", `must use the postgres:// scheme, got "${url.protocol.replace(/:$/, "")}"`);
  }
  return raw;
}

function httpUrl(env: Env, name: string): string | null {
  const raw = text(env, name);
  if (raw === null) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
  } catch {
    throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, "");
}

export function parseConfig(env: Env): Config {
  const jwtSecret = text(env, "JWT_SECRET");
  if (jwtSecret !== null && jwtSecret.length < 32) {
    throw new ConfigError("JWT_SECRET", "must be at least 32 characters");
  }
  const secretKey = text(env, "WADDLEAI_SECRET_KEY");
  if (secretKey !== null && secretKey.length < 32) {
    throw new ConfigError("WADDLEAI_SECRET_KEY", "must be at least 32 characters");
  }
  const adminPassword = text(env, "WADDLEAI_ADMIN_PASSWORD");
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError("WADDLEAI_ADMIN_PASSWORD", "must be at least 8 characters");
  }
  const proxyPort = integer(env, "PROXY_PORT", 8000, 0, 65535);
  const mgmtPort = integer(env, "MGMT_PORT", 8001, 0, 65535);
  if (proxyPort !== 0 && proxyPort === mgmtPort) {
    throw new ConfigError("MGMT_PORT", `must differ from PROXY_PORT (both ${proxyPort})`);
  }
  return {
    databaseUrl: databaseUrl(env),
    dataDir: text(env, "WADDLEAI_DATA_DIR") ?? "./data",
    jwtSecret,
    secretKey,
    adminPassword,
    securityPolicy: oneOf(env, "SECURITY_POLICY", ["strict", "balanced", "permissive", "off"] as const, "balanced"),
    openaiApiKey: text(env, "OPENAI_API_KEY"),
    anthropicApiKey: text(env, "ANTHROPIC_API_KEY"),
    ollamaUrl: httpUrl(env, "OLLAMA_URL"),
    proxyPort,
    mgmtPort,
    host: text(env, "HOST") ?? "0.0.0.0",
    logLevel: oneOf(env, "LOG_LEVEL", ["debug", "info", "warn", "error"] as const, "info"),
    maxBodyBytes: integer(env, "MAX_BODY_BYTES", 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    tokenTtlSeconds: integer(env, "TOKEN_TTL_SECONDS", 8 * 3600, 60, 30 * 24 * 3600),
    shutdownTimeoutMs: integer(env, "SHUTDOWN_TIMEOUT_MS", 15_000, 0, 600_000),
    cacheRefreshMs: integer(env, "CACHE_REFRESH_MS", 2_000, 100, 60_000),
    usageFlushMs: integer(env, "USAGE_FLUSH_MS", 500, 10, 60_000),
    usageBatchRows: integer(env, "USAGE_BATCH_ROWS", 2000, 1, 20_000),
    usageBufferMax: integer(env, "USAGE_BUFFER_MAX", 1_000_000, 1_000, 100_000_000),
    usageRetentionDays: integer(env, "USAGE_RETENTION_DAYS", 90, 0, 36_500),
    defaultMaxTokensReservation: integer(env, "DEFAULT_MAX_TOKENS_RESERVATION", 1024, 0, 1_000_000),
  };
}
