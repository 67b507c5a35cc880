// Two WaddleAI processes on one Postgres database share one budget. Postgres engine only: the embedded
// engine admits one process per data directory (see src/db/data-dir-lock.ts), so there is nothing to share.
//
// The rate-limit window is shortened to 10 s through WADDLEAI_LIMIT_WINDOW_MS (a test-only knob; the
// default is one minute and the logic is the same), so "RPM 60" here means 60 per 10-second window.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type FakeOpenAI, startFakeOpenAI } from "./support/fake-openai.ts";
import { call, type DatabaseHandle, ENGINE, freshDatabase, type Gateway, startGateway } from "./support/gateway.ts";
import { createKey, createLink } from "./support/setup.ts";

const WINDOW_MS = 10_000;
const MODEL = "gpt-4o-mini";

let database: DatabaseHandle;
let a: Gateway;
let b: Gateway;
let upstream: FakeOpenAI;
let admin: string;

const postgresOnly = ENGINE === "postgres" ? describe : describe.skip;

function chat(gateway: Gateway, key: string) {
  return call(`${gateway.proxyUrl}/v1/chat/completions`, { token: key, body: { model: MODEL, messages: [{ role: "user", content: "hi" }], max_tokens: 5 } });
}

postgresOnly("two instances on one database", () => {
  beforeAll(async () => {
    upstream = startFakeOpenAI();
    database = await freshDatabase();
    // The default cache refresh (2 s), so "within 5 s" is shown for the shipped setting.
    const env = { WADDLEAI_LIMIT_WINDOW_MS: String(WINDOW_MS), CACHE_REFRESH_MS: "2000" };
    a = await startGateway({ database, env });
    b = await startGateway({ database, env });
    admin = a.adminKey ?? "";
    await createLink(a, admin, { name: "fake", endpoint_url: upstream.url, model_list: [MODEL] });
    // The other instance picks the link up by notification; wait until it routes.
    const probe = await createKey(a, admin, {});
    for (let i = 0; i < 100 && (await chat(b, probe.key)).status !== 200; i++) await Bun.sleep(100);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    upstream?.stop();
    await database?.drop();
  }, 60_000);

  test("a key with RPM 60 driven through both at once admits at most 60 per window, not 120", async () => {
    const key = await createKey(a, admin, { rpm: 60 });
    // Start just after a window boundary so the burst stays inside one window.
    const intoWindow = Date.now() % WINDOW_MS;
    await Bun.sleep(WINDOW_MS - intoWindow + 200);
    const started = Date.now();
    const drive = async (gateway: Gateway) => {
      const statuses: number[] = [];
      const worker = async () => {
        for (let i = 0; i < 15; i++) statuses.push((await chat(gateway, key.key)).status);
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      return statuses;
    };
    const [fromA, fromB] = await Promise.all([drive(a), drive(b)]);
    expect(Date.now() - started).toBeLessThan(WINDOW_MS - 500);
    const admittedA = fromA.filter((status) => status === 200).length;
    const admittedB = fromB.filter((status) => status === 200).length;
    const refused = [...fromA, ...fromB].filter((status) => status === 429).length;
    // Stated bound for RPM: no overshoot (leases never pass the limit). Undershoot: at most the unused
    // slices an instance holds (two slices of 6 each here) until it hands them back.
    expect(admittedA + admittedB).toBeLessThanOrEqual(60);
    expect(admittedA + admittedB).toBeGreaterThanOrEqual(60 - 2 * 2 * 6);
    expect(admittedA).toBeGreaterThan(0);
    expect(admittedB).toBeGreaterThan(0);
    expect(admittedA + admittedB + refused).toBe(240);
  }, 30_000);

  test("a key revoked on one instance is refused by the other within 5 s", async () => {
    const key = await createKey(a, admin, {});
    expect((await chat(b, key.key)).status).toBe(200);
    const revoked = await call(`${a.mgmtUrl}/api-keys/${key.id}`, { method: "DELETE", token: admin });
    expect(revoked.status).toBe(200);
    const started = Date.now();
    while ((await chat(b, key.key)).status !== 401) {
      expect(Date.now() - started).toBeLessThan(5_000);
      await Bun.sleep(100);
    }
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 15_000);

  test("a user disabled on one instance loses their keys on the other within 5 s", async () => {
    const org = await call(`${a.mgmtUrl}/organizations`, { token: admin, body: { name: "multi-org" } });
    const user = await call(`${a.mgmtUrl}/users`, { token: admin, body: { username: "multi-user", organization_id: (org.body as { id: string }).id } });
    const userId = (user.body as { id: string }).id;
    const key = await createKey(a, admin, { user_id: userId });
    expect((await chat(b, key.key)).status).toBe(200);
    expect((await call(`${a.mgmtUrl}/users/${userId}`, { method: "PATCH", token: admin, body: { enabled: false } })).status).toBe(200);
    const started = Date.now();
    while ((await chat(b, key.key)).status !== 401) {
      expect(Date.now() - started).toBeLessThan(5_000);
      await Bun.sleep(100);
    }
  }, 15_000);

  test("a quota set on one instance holds on the other: both together spend at most the quota", async () => {
    const key = await createKey(a, admin, {});
    const set = await call(`${a.mgmtUrl}/quotas`, { method: "PUT", token: admin, body: { scope_type: "key", scope_id: key.id, daily_quota: 40 } });
    expect(set.status).toBe(200);
    // The other instance's key cache sees the new quota within one refresh.
    await Bun.sleep(2_500);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => chat(i % 2 === 0 ? a : b, key.key)));
    const spent = results
      .filter((result) => result.status === 200)
      .reduce((sum, result) => sum + (result.body as { usage: { waddleai_tokens: number } }).usage.waddleai_tokens, 0);
    // Each request reserves prompt estimate + max_tokens 5 (2 units) but the fake reports 14 prompt and
    // 6 completion tokens (4 units): the stated overshoot is Σ (actual − reserved) of requests admitted.
    const admitted = results.filter((result) => result.status === 200).length;
    expect(admitted).toBeGreaterThan(0);
    expect(admitted).toBeLessThanOrEqual(20);
    expect(spent).toBeLessThanOrEqual(40 + admitted * 2);
  }, 20_000);
});
