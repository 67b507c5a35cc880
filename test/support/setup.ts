// Shared set-up for proxy tests: a gateway with a provider link to a fake upstream and helpers to read
// back recorded usage.
import { type FakeOpenAI, startFakeOpenAI } from "./fake-openai.ts";
import { call, type DatabaseHandle, freshDatabase, type Gateway, startGateway } from "./gateway.ts";

export async function createLink(
  gateway: Gateway,
  adminKey: string,
  link: { name: string; provider?: string; endpoint_url: string; api_key?: string; model_list: string[]; options?: Record<string, unknown>; weight?: number; priority?: number },
): Promise<string> {
  const created = await call(`${gateway.mgmtUrl}/config/links`, { token: adminKey, body: { provider: "openai", api_key: "sk-fake-upstream-secret", ...link } });
  if (created.status !== 201) throw new Error(`link not created: ${created.text}`);
  return (created.body as { id: string }).id;
}

export async function createKey(gateway: Gateway, adminKey: string, body: Record<string, unknown> = {}): Promise<{ id: string; key: string }> {
  const created = await call(`${gateway.mgmtUrl}/api-keys`, { token: adminKey, body });
  if (created.status !== 201) throw new Error(`key not created: ${created.text}`);
  return created.body as { id: string; key: string };
}

export interface RecordedUsage {
  request_id: string;
  key_id: string;
  model: string;
  endpoint: string;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  reasoning_tokens: number;
  waddleai_tokens: number;
  estimated: boolean;
  status: number;
  ttft_ms: number | null;
  bytes_out: number;
}

/** The usage event of one request, waiting for the batched writer (up to `timeoutMs`). */
export async function usageOf(gateway: Gateway, adminKey: string, requestId: string, timeoutMs = 10_000): Promise<RecordedUsage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await call(`${gateway.mgmtUrl}/usage/events?request_id=${encodeURIComponent(requestId)}`, { token: adminKey });
    const rows = (found.body as { data?: RecordedUsage[] }).data ?? [];
    if (rows[0]) return rows[0];
    await Bun.sleep(100);
  }
  throw new Error(`no usage event for ${requestId}`);
}

/** Every usage event of a key (newest first), paging through the list. */
export async function usageOfKey(gateway: Gateway, adminKey: string, keyId: string): Promise<RecordedUsage[]> {
  const all: RecordedUsage[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await call(`${gateway.mgmtUrl}/usage/events?key_id=${keyId}&limit=1000&offset=${offset}`, { token: adminKey });
    const body = page.body as { data: RecordedUsage[]; has_more: boolean };
    all.push(...body.data);
    if (!body.has_more) return all;
  }
}

export interface ProxyFixture {
  database: DatabaseHandle;
  gateway: Gateway;
  upstream: FakeOpenAI;
  adminKey: string;
  /** Stop the gateway and the fake upstream, drop the database. */
  stop(): Promise<void>;
}

/** A fresh database, a gateway on it, a fake OpenAI upstream and one link to it serving `models`. */
export async function startProxyFixture(options: {
  models: string[];
  linkName?: string;
  linkOptions?: Record<string, unknown>;
  env?: Record<string, string>;
  upstream?: Parameters<typeof startFakeOpenAI>[0];
}): Promise<ProxyFixture> {
  const upstream = startFakeOpenAI(options.upstream);
  const database = await freshDatabase();
  const gateway = await startGateway({ database, env: options.env });
  const adminKey = gateway.adminKey ?? "";
  await createLink(gateway, adminKey, { name: options.linkName ?? "fake", endpoint_url: upstream.url, model_list: options.models, options: options.linkOptions });
  return {
    database,
    gateway,
    upstream,
    adminKey,
    async stop() {
      await gateway.stop();
      upstream.stop();
      await database.drop();
    },
  };
}
