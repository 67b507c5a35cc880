// Governance end to end: quotas in WaddleAI tokens (key, user, organisation; reservations under
// concurrency), GET /api/quota, disabling users and organisations, analytics from rollups, the audit log.
// Daily rollover is tested at unit level with an injected clock (src/limits/gates.test.ts).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { countChatPromptTokens } from "../src/usage/tokens.ts";
import { call, type Gateway } from "./support/gateway.ts";
import { createKey, type ProxyFixture, startProxyFixture } from "./support/setup.ts";

const MODEL = "gpt-4o-mini";
const MESSAGES = [{ role: "user", content: "hi" }];
const MAX_TOKENS = 5;
/** The fake answers with exactly what the gateway reserves: estimated prompt tokens and max_tokens. */
const PROMPT_TOKENS = countChatPromptTokens(MODEL, MESSAGES);
/** WaddleAI tokens per request at the default rate (10 prompt, 5 completion tokens per unit). */
const UNITS = Math.ceil(PROMPT_TOKENS / 10) + Math.ceil(MAX_TOKENS / 5);

let fixture: ProxyFixture;
let gateway: Gateway;
let admin: string;

beforeAll(async () => {
  fixture = await startProxyFixture({ models: [MODEL], upstream: { promptTokens: PROMPT_TOKENS, reply: "one two three four five" } });
  ({ gateway, adminKey: admin } = fixture);
}, 60_000);

afterAll(async () => {
  if (process.env.DEBUG_GATEWAY) console.log(gateway?.output());
  await fixture?.stop();
}, 60_000);

function chat(key: string) {
  return call(`${gateway.proxyUrl}/v1/chat/completions`, { token: key, body: { model: MODEL, messages: MESSAGES, max_tokens: MAX_TOKENS } });
}

async function createOrg(name: string): Promise<string> {
  const created = await call(`${gateway.mgmtUrl}/organizations`, { token: admin, body: { name } });
  expect(created.status).toBe(201);
  return (created.body as { id: string }).id;
}

async function createUser(organizationId: string, username: string, role = "user", managed?: string[]): Promise<string> {
  const created = await call(`${gateway.mgmtUrl}/users`, {
    token: admin,
    body: { username, organization_id: organizationId, role, password: "password-123", ...(managed ? { managed_organization_ids: managed } : {}) },
  });
  expect(created.status).toBe(201);
  return (created.body as { id: string }).id;
}

async function setQuota(body: Record<string, unknown>) {
  const set = await call(`${gateway.mgmtUrl}/quotas`, { method: "PUT", token: admin, body });
  expect(set.status).toBe(200);
  return set.body as Record<string, unknown>;
}

async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await Bun.sleep(50);
  }
  return Date.now() - started;
}

describe("quotas", () => {
  test("20 concurrent requests against a key quota that fits 10: exactly 10 succeed, the rest get insufficient_quota", async () => {
    const key = await createKey(gateway, admin, { name: "concurrent", daily_quota: 10 * UNITS });
    const results = await Promise.all(Array.from({ length: 20 }, () => chat(key.key)));
    const ok = results.filter((result) => result.status === 200);
    const refused = results.filter((result) => result.status === 429);
    // Stated bound: no overshoot when the reservation covers the actual usage (here it is equal).
    expect(ok.length).toBe(10);
    expect(refused.length).toBe(10);
    expect(refused[0]?.body).toMatchObject({ error: { code: "insufficient_quota", type: "insufficient_quota", message: "API key daily quota exceeded" } });
    expect(refused[0]?.headers.get("x-should-retry")).toBe("false");
    for (const result of ok) expect((result.body as { usage: { waddleai_tokens: number } }).usage.waddleai_tokens).toBe(UNITS);
  });

  test("an organisation quota caps all its users together; the message names the quota and no numbers", async () => {
    const org = await createOrg("quota-org");
    const alice = await createUser(org, "quota-alice");
    const bob = await createUser(org, "quota-bob");
    await setQuota({ scope_type: "organization", scope_id: org, daily_quota: 5 * UNITS });
    const aliceKey = await createKey(gateway, admin, { user_id: alice });
    const bobKey = await createKey(gateway, admin, { user_id: bob });
    const statuses: number[] = [];
    let lastRefusal: unknown = null;
    for (let i = 0; i < 5; i++) {
      for (const key of [aliceKey.key, bobKey.key]) {
        const result = await chat(key);
        statuses.push(result.status);
        if (result.status === 429) lastRefusal = result.body;
      }
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    expect(lastRefusal).toMatchObject({ error: { code: "insufficient_quota", message: "organization daily quota exceeded" } });
    expect(JSON.stringify(lastRefusal)).not.toMatch(/\d/);
  });

  test("a user quota applies across all of the user's keys", async () => {
    const org = await createOrg("user-quota-org");
    const carol = await createUser(org, "quota-carol");
    await setQuota({ scope_type: "user", scope_id: carol, daily_quota: 3 * UNITS });
    const first = await createKey(gateway, admin, { user_id: carol });
    const second = await createKey(gateway, admin, { user_id: carol });
    const statuses = [];
    for (let i = 0; i < 3; i++) for (const key of [first.key, second.key]) statuses.push((await chat(key)).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    const refused = await chat(first.key);
    expect(refused.body).toMatchObject({ error: { message: "user daily quota exceeded" } });
  });

  test("GET /api/quota on the proxy port shows the key's own remaining quota", async () => {
    const key = await createKey(gateway, admin, { name: "quota-view", daily_quota: 100, monthly_quota: 1000, rpm: 50 });
    expect((await chat(key.key)).status).toBe(200);
    await Bun.sleep(1_500); // the usage writer settles actual spending
    const view = await call(`${gateway.proxyUrl}/api/quota`, { token: key.key });
    expect(view.status).toBe(200);
    const body = view.body as { key_id: string; quotas: { scope: string; period: string; limit: number; used: number; remaining: number }[]; rate_limits: unknown[] };
    expect(body.key_id).toBe(key.id);
    const daily = body.quotas.find((quota) => quota.scope === "key" && quota.period === "daily");
    expect(daily).toMatchObject({ limit: 100, used: UNITS, remaining: 100 - UNITS });
    expect(body.quotas.find((quota) => quota.period === "monthly")).toMatchObject({ limit: 1000, used: UNITS });
    expect(body.rate_limits).toEqual([{ scope: "key", rpm: 50, tpm: null }]);
    expect((await call(`${gateway.proxyUrl}/api/quota`)).status).toBe(401);
    expect((await call(`${gateway.proxyUrl}/api/quota`, { token: "wa-not-a-real-key" })).status).toBe(401);
  });

  test("PUT /quotas on a key takes effect at once and GET /quotas reports it with usage", async () => {
    const key = await createKey(gateway, admin, { name: "put-quota" });
    expect((await chat(key.key)).status).toBe(200);
    const after = await setQuota({ scope_type: "key", scope_id: key.id, daily_quota: 0 });
    expect(after).toMatchObject({ id: `key:${key.id}`, scope_type: "key", scope_id: key.id, daily_quota: 0 });
    const refused = await chat(key.key);
    expect(refused.status).toBe(429);
    const quotaOf = () => call(`${gateway.mgmtUrl}/quotas?scope_type=key&scope_id=${key.id}`, { token: admin });
    // Actual spending reaches the shared counter with the usage writer's next batch.
    await until(async () => ((await quotaOf()).body as { data: { daily_used: number }[] }).data[0]?.daily_used === UNITS);
    const listed = await quotaOf();
    expect(listed.status).toBe(200);
    expect((listed.body as { data: unknown[] }).data[0]).toMatchObject({ daily_quota: 0, daily_used: UNITS });
    await setQuota({ scope_type: "key", scope_id: key.id, daily_quota: null });
    expect((await chat(key.key)).status).toBe(200);
  });

  test("a body nested too deeply to forward is a 400 (both envelopes) that leaves the key's quota untouched", async () => {
    // A quota that fits exactly one request: a reservation left behind would refuse the last request.
    const key = await createKey(gateway, admin, { name: "deep-body", daily_quota: UNITS });
    const deep = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
    const messages = JSON.stringify(MESSAGES);
    for (let i = 0; i < 3; i++) {
      const openai = await call(`${gateway.proxyUrl}/v1/chat/completions`, { token: key.key, body: `{"model":"${MODEL}","messages":${messages},"max_tokens":${MAX_TOKENS},"extra":${deep}}` });
      expect(openai.status).toBe(400);
      expect(openai.body).toMatchObject({ error: { code: "invalid_request_error", type: "invalid_request_error" } });
      expect(openai.headers.get("x-request-id")).toMatch(/^req_/);
      const anthropic = await call(`${gateway.proxyUrl}/v1/messages`, { token: key.key, body: `{"model":"${MODEL}","messages":${messages},"max_tokens":${MAX_TOKENS},"extra":${deep}}` });
      expect(anthropic.status).toBe(400);
      expect(anthropic.body).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
    }
    const quotaOf = async () => ((await call(`${gateway.mgmtUrl}/quotas?scope_type=key&scope_id=${key.id}`, { token: admin })).body as { data: { daily_used: number }[] }).data[0];
    expect(await quotaOf()).toMatchObject({ daily_quota: UNITS, daily_used: 0 });
    const own = await call(`${gateway.proxyUrl}/api/quota`, { token: key.key });
    expect((own.body as { quotas: { period: string; used: number }[] }).quotas.find((quota) => quota.period === "daily")).toMatchObject({ used: 0 });
    expect((await chat(key.key)).status).toBe(200);
    expect(gateway.output()).not.toContain("Maximum call stack size exceeded");
  });

  test("limits beyond what their columns hold, and dates beyond plain years, are 400s that name the field", async () => {
    const key = await createKey(gateway, admin, { name: "bounds" });
    const cases: Array<[string, string, unknown, string]> = [
      ["POST", "/api-keys", { rpm: 3_000_000_000 }, "rpm"],
      ["POST", "/api-keys", { daily_quota: 1e19 }, "daily_quota"],
      ["PUT", "/quotas", { scope_type: "key", scope_id: key.id, tpm: 3_000_000_000 }, "tpm"],
      ["PUT", "/quotas", { scope_type: "key", scope_id: key.id, monthly_quota: 1e19 }, "monthly_quota"],
    ];
    for (const [method, path, body, field] of cases) {
      const answer = await call(`${gateway.mgmtUrl}${path}`, { method, token: admin, body });
      expect({ path, field, status: answer.status }).toEqual({ path, field, status: 400 });
      expect(answer.text).toContain(field);
    }
    for (const from of ["-271821-04-20", "1969-12-31", "+275760-09-13"]) {
      const answer = await call(`${gateway.mgmtUrl}/analytics/usage?from=${encodeURIComponent(from)}`, { token: admin });
      expect({ from, status: answer.status }).toEqual({ from, status: 400 });
    }
    for (const expires of ["2026-02-30T00:00:00Z", "0001-01-01T00:00:00Z", "10000-01-01T00:00:00Z"]) {
      const answer = await call(`${gateway.mgmtUrl}/api-keys`, { token: admin, body: { expires_at: expires } });
      expect({ expires, status: answer.status }).toEqual({ expires, status: 400 });
    }
    const offset = await call(`${gateway.mgmtUrl}/api-keys`, { token: admin, body: { expires_at: "2099-03-01T01:00:00+02:00" } });
    expect(offset.status).toBe(201);
    expect((offset.body as { expires_at: string }).expires_at).toBe("2099-02-28T23:00:00.000Z");
    // The largest values that fit are accepted.
    const largest = await call(`${gateway.mgmtUrl}/quotas`, { method: "PUT", token: admin, body: { scope_type: "key", scope_id: key.id, rpm: 2_147_483_647, daily_quota: Number.MAX_SAFE_INTEGER } });
    expect(largest.status).toBe(200);
    expect(largest.body).toMatchObject({ rpm: 2_147_483_647, daily_quota: Number.MAX_SAFE_INTEGER });
  });
});

describe("client request ids", () => {
  test("requests sharing a client x-request-id are each metered: usage events, analytics and the quota count all of them", async () => {
    const key = await createKey(gateway, admin, { name: "same-request-id", daily_quota: 1_000 * UNITS });
    const send = () =>
      call(`${gateway.proxyUrl}/v1/chat/completions`, { token: key.key, headers: { "x-request-id": "fixed-id-4" }, body: { model: MODEL, messages: MESSAGES, max_tokens: MAX_TOKENS } });
    // One after another (separate usage batches), then at once (one batch).
    const responses = [];
    for (let i = 0; i < 6; i++) responses.push(await send());
    responses.push(...(await Promise.all(Array.from({ length: 6 }, send))));
    const total = responses.length;
    expect(responses.map((response) => response.status)).toEqual(Array(total).fill(200));
    // The gateway's own id, unique per request, with the client's kept after it for correlation.
    const ids = responses.map((response) => response.headers.get("x-request-id") ?? "");
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{32}\.fixed-id-4$/);
    expect(new Set(ids).size).toBe(total);

    const events = async () => ((await call(`${gateway.mgmtUrl}/usage/events?key_id=${key.id}&limit=1000`, { token: admin })).body as { data: { request_id: string }[] }).data;
    await until(async () => (await events()).length >= total);
    expect((await events()).map((event) => event.request_id).sort()).toEqual([...ids].sort());
    const today = new Date().toISOString().slice(0, 10);
    const analytics = await call(`${gateway.mgmtUrl}/analytics/usage?group_by=key&from=${today}&to=${today}`, { token: admin });
    const row = (analytics.body as { data: { key_id: string; requests: number; waddleai_tokens: number }[] }).data.find((entry) => entry.key_id === key.id);
    expect(row).toMatchObject({ requests: total, waddleai_tokens: total * UNITS });
    const quotaOf = async () => ((await call(`${gateway.mgmtUrl}/quotas?scope_type=key&scope_id=${key.id}`, { token: admin })).body as { data: { daily_used: number }[] }).data[0];
    await until(async () => (await quotaOf())?.daily_used === total * UNITS);
    // Every reservation was released as its event was written: nothing more is held against the key.
    const own = await call(`${gateway.proxyUrl}/api/quota`, { token: key.key });
    expect((own.body as { quotas: { period: string; used: number }[] }).quotas.find((quota) => quota.period === "daily")).toMatchObject({ used: total * UNITS });
  });
});

describe("disabling", () => {
  test("disabling or deleting a user, and disabling or deleting an organisation, stops their keys at once", async () => {
    const org = await createOrg("disable-org");
    const dave = await createUser(org, "disable-dave");
    const key = await createKey(gateway, admin, { user_id: dave });
    expect((await chat(key.key)).status).toBe(200);
    const statusOf = async (id: string) =>
      ((await call(`${gateway.mgmtUrl}/api-keys?limit=1000`, { token: admin })).body as { data: { id: string; status: string }[] }).data.find((row) => row.id === id)?.status;
    expect(await statusOf(key.id)).toBe("active");
    expect((await call(`${gateway.mgmtUrl}/users/${dave}`, { method: "PATCH", token: admin, body: { enabled: false } })).status).toBe(200);
    expect((await chat(key.key)).status).toBe(401);
    // The listing says what the proxy does.
    expect(await statusOf(key.id)).toBe("disabled");
    expect((await call(`${gateway.mgmtUrl}/users/${dave}`, { method: "PATCH", token: admin, body: { enabled: true } })).status).toBe(200);
    expect(await statusOf(key.id)).toBe("active");
    expect((await chat(key.key)).status).toBe(200);
    expect((await call(`${gateway.mgmtUrl}/organizations/${org}`, { method: "PATCH", token: admin, body: { enabled: false } })).status).toBe(200);
    expect((await chat(key.key)).status).toBe(401);
    expect((await call(`${gateway.mgmtUrl}/organizations/${org}`, { method: "PATCH", token: admin, body: { enabled: true } })).status).toBe(200);
    expect((await chat(key.key)).status).toBe(200);
    expect((await call(`${gateway.mgmtUrl}/organizations/${org}`, { method: "DELETE", token: admin })).status).toBe(200);
    expect((await chat(key.key)).status).toBe(401);

    const org2 = await createOrg("delete-user-org");
    const erin = await createUser(org2, "delete-erin");
    const erinKey = await createKey(gateway, admin, { user_id: erin });
    expect((await chat(erinKey.key)).status).toBe(200);
    expect((await call(`${gateway.mgmtUrl}/users/${erin}`, { method: "DELETE", token: admin })).status).toBe(200);
    expect((await chat(erinKey.key)).status).toBe(401);
    expect(await statusOf(erinKey.id)).toBe("disabled");
  });
});

describe("analytics", () => {
  test("totals from the rollups equal the sum of the usage events; a reporter sees only managed organisations", async () => {
    const orgA = await createOrg("analytics-a");
    const orgB = await createOrg("analytics-b");
    const userA = await createUser(orgA, "analytics-ua");
    const userB = await createUser(orgB, "analytics-ub");
    await createUser(orgA, "analytics-reporter", "reporter", [orgA]);
    const keyA = await createKey(gateway, admin, { user_id: userA });
    const keyB = await createKey(gateway, admin, { user_id: userB });
    for (let i = 0; i < 3; i++) expect((await chat(keyA.key)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await chat(keyB.key)).status).toBe(200);

    type Event = { key_id: string; organization_id: string; prompt_tokens: number; completion_tokens: number; waddleai_tokens: number };
    const events = async () => {
      const listed = await call(`${gateway.mgmtUrl}/usage/events?limit=1000`, { token: admin });
      return (listed.body as { data: Event[] }).data;
    };
    await until(async () => (await events()).filter((event) => event.key_id === keyA.id || event.key_id === keyB.id).length === 5);
    await Bun.sleep(1_000); // everything earlier tests sent is written too
    const all = await events();
    const today = new Date().toISOString().slice(0, 10);
    const byKey = await call(`${gateway.mgmtUrl}/analytics/usage?group_by=key&from=${today}&to=${today}`, { token: admin });
    expect(byKey.status).toBe(200);
    const rows = (byKey.body as { data: { key_id: string; requests: number; prompt_tokens: number; completion_tokens: number; total_tokens: number; waddleai_tokens: number }[] }).data;
    for (const row of rows) {
      const mine = all.filter((event) => event.key_id === row.key_id);
      expect(row.requests).toBe(mine.length);
      expect(row.prompt_tokens).toBe(mine.reduce((sum, event) => sum + event.prompt_tokens, 0));
      expect(row.completion_tokens).toBe(mine.reduce((sum, event) => sum + event.completion_tokens, 0));
      expect(row.total_tokens).toBe(row.prompt_tokens + row.completion_tokens);
      expect(row.waddleai_tokens).toBe(mine.reduce((sum, event) => sum + event.waddleai_tokens, 0));
    }
    const byDay = await call(`${gateway.mgmtUrl}/analytics/usage?group_by=day&from=${today}&to=${today}`, { token: admin });
    const dayRows = (byDay.body as { data: { day: string; requests: number; waddleai_tokens: number }[] }).data;
    expect(dayRows).toEqual([expect.objectContaining({ day: today, requests: all.length, waddleai_tokens: all.reduce((sum, event) => sum + event.waddleai_tokens, 0) })]);

    const login = await call(`${gateway.mgmtUrl}/auth/login`, { body: { username: "analytics-reporter", password: "password-123" } });
    const reporter = (login.body as { access_token: string }).access_token;
    const seen = await call(`${gateway.mgmtUrl}/analytics/usage?group_by=organization&from=${today}&to=${today}`, { token: reporter });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ data: [{ organization_id: orgA, requests: 3, waddleai_tokens: 3 * UNITS }] });
    const keys = await call(`${gateway.mgmtUrl}/analytics/usage?group_by=key`, { token: reporter });
    expect((keys.body as { data: { key_id: string }[] }).data.map((row) => row.key_id)).toEqual([keyA.id]);
  });
});

describe("audit", () => {
  test("every management change is in GET /audit with who, what, before/after (secrets redacted), when and from where", async () => {
    const key = await createKey(gateway, admin, { name: "audited" });
    await setQuota({ scope_type: "key", scope_id: key.id, rpm: 7 });
    const listed = await call(`${gateway.mgmtUrl}/audit?action=quota.update&target_id=${key.id}`, { token: admin });
    expect(listed.status).toBe(200);
    const body = listed.body as { data: Record<string, unknown>[]; has_more: boolean; next_offset: number | null };
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ action: "quota.update", target_type: "key", target_id: key.id, ip: "127.0.0.1", before: { rpm: null }, after: { rpm: 7 } });
    expect(typeof body.data[0]?.actor_user_id).toBe("string");
    expect(typeof body.data[0]?.created_at).toBe("string");
    const created = await call(`${gateway.mgmtUrl}/audit?action=api_key.create&target_id=${key.id}`, { token: admin });
    expect(JSON.stringify(created.body)).not.toContain(key.key);
    const page = await call(`${gateway.mgmtUrl}/audit?limit=2`, { token: admin });
    expect(page.body).toMatchObject({ has_more: true, next_offset: 2 });
    const user = await createKey(gateway, admin, { name: "not-admin", user_id: await createUser(await createOrg("audit-org"), "audit-user") });
    expect((await call(`${gateway.mgmtUrl}/audit`, { token: user.key })).status).toBe(403);
  });
});
