// Routing end to end: fallback on scripted upstream faults, retries, the circuit breaker and its probe,
// upstream retry hints (a link answering 429 with retry-after rests), strategies and aliases set through
// the management API, the health endpoint, and live configuration across two gateway processes sharing
// one Postgres database.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Socket, TCPSocketListener } from "bun";
import OpenAI from "openai";
import { type FakeOpenAI, startFakeOpenAI } from "./support/fake-openai.ts";
import { call, type DatabaseHandle, ENGINE, freshDatabase, type Gateway, startGateway } from "./support/gateway.ts";
import { createKey, createLink, usageOf } from "./support/setup.ts";

let database: DatabaseHandle;
let gateway: Gateway;
let adminKey: string;
let userKey: string;
let primary: FakeOpenAI;
let backup: FakeOpenAI;
let resetServer: TCPSocketListener<undefined>;
let client: OpenAI;
const linkIds = new Map<string, string>();
let primaryDown = true;
let retryFailures = 0;
/** Scripted 429s with a retry hint, per model: how many are left and the retry-after they carry. */
const rateLimited = new Map<string, { left: number; retryAfter: string }>();

const chat = (model: string, init: { key?: string } = {}) =>
  call(`${gateway.proxyUrl}/v1/chat/completions`, {
    token: init.key ?? userKey,
    body: { model, messages: [{ role: "user", content: "hi" }] },
  });

const upstreamError = (status: number) =>
  Response.json(
    { error: { message: `scripted ${status}`, type: status === 429 ? "tokens" : "server_error", param: null, code: null } },
    { status },
  );

interface HealthRow {
  name: string;
  state: string;
  consecutive_failures: number;
  in_flight: number;
  ewma_latency_ms: number | null;
  last_error: string | null;
  last_success_at: string | null;
  resting_until: string | null;
}

/** Log lines of one request with the given message; the process's stdout may lag its response a little. */
async function logLines(requestId: string | null, msg: string): Promise<Record<string, unknown>[]> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const lines = gateway.logs().filter((entry) => entry.msg === msg && entry.requestId === requestId);
    if (lines.length > 0 || Date.now() > deadline) return lines;
    await Bun.sleep(20);
  }
}

async function health(name: string): Promise<HealthRow> {
  const answer = await call(`${gateway.mgmtUrl}/config/links/health`, { token: adminKey });
  expect(answer.status).toBe(200);
  const row = (answer.body as { data: HealthRow[] }).data.find((candidate) => candidate.name === name);
  if (!row) throw new Error(`no health for ${name}`);
  return row;
}

beforeAll(async () => {
  primary = startFakeOpenAI();
  backup = startFakeOpenAI({ reply: "served by the backup" });
  // Scripted faults of the primary upstream, by model.
  primary.override = (model) => {
    if (model === "fo-500" || model === "all-fail") return upstreamError(500);
    if (model === "fo-429") return upstreamError(429);
    if (model === "fo-400") {
      return Response.json(
        { error: { message: "bad temperature", type: "invalid_request_error", param: "temperature", code: null } },
        { status: 400 },
      );
    }
    if (model === "fo-timeout") return new Promise<Response>(() => {});
    if (model === "probe" && primaryDown) return upstreamError(500);
    if (model === "retry" && retryFailures-- > 0) return upstreamError(503);
    const limited = rateLimited.get(model);
    if (limited && limited.left-- > 0) {
      const response = upstreamError(429);
      response.headers.set("retry-after", limited.retryAfter);
      return response;
    }
    return null;
  };
  backup.override = (model) => (model === "all-fail" ? upstreamError(503) : null);
  // Accepts connections and drops them on the first bytes: a reset before any response byte.
  resetServer = Bun.listen({
    hostname: "127.0.0.1",
    port: 0,
    socket: { data: (socket: Socket<undefined>) => void socket.terminate() },
  });

  database = await freshDatabase();
  gateway = await startGateway({ database });
  adminKey = gateway.adminKey ?? "";
  const quick = { max_retries: 0, first_byte_timeout_ms: 400 };
  const links: Parameters<typeof createLink>[2][] = [
    { name: "p-500", endpoint_url: primary.url, model_list: ["fo-500"], priority: 10, options: quick },
    { name: "p-429", endpoint_url: primary.url, model_list: ["fo-429"], priority: 10, options: quick },
    { name: "p-400", endpoint_url: primary.url, model_list: ["fo-400"], priority: 10, options: quick },
    { name: "p-timeout", endpoint_url: primary.url, model_list: ["fo-timeout"], priority: 10, options: quick },
    { name: "p-reset", endpoint_url: `http://127.0.0.1:${resetServer.port}/v1`, model_list: ["fo-reset"], priority: 10, options: quick },
    { name: "p-all", endpoint_url: primary.url, model_list: ["all-fail"], priority: 10, options: quick },
    {
      name: "p-probe",
      endpoint_url: primary.url,
      model_list: ["probe"],
      priority: 10,
      options: { ...quick, breaker_failures: 2, breaker_cooldown_ms: 1000 },
    },
    { name: "p-retry", endpoint_url: primary.url, model_list: ["retry"], options: { max_retries: 2, retry_base_ms: 50 } },
    { name: "ra-a", endpoint_url: primary.url, model_list: ["rested"], priority: 10 },
    { name: "ra-b", endpoint_url: backup.url, model_list: ["rested"], priority: 0 },
    { name: "ra-solo", endpoint_url: primary.url, model_list: ["rested-solo"], options: { max_retries: 1, retry_base_ms: 20 } },
    { name: "ra-wait", endpoint_url: primary.url, model_list: ["rested-wait"], options: { max_retries: 1, retry_base_ms: 20 } },
    { name: "w-a", endpoint_url: primary.url, model_list: ["weighted", "rr"], weight: 1 },
    { name: "w-b", endpoint_url: backup.url, model_list: ["weighted", "rr"], weight: 3 },
    {
      name: "backup",
      endpoint_url: backup.url,
      model_list: ["fo-500", "fo-429", "fo-400", "fo-timeout", "fo-reset", "all-fail", "probe", "target-model"],
      priority: 0,
      options: { max_retries: 1, retry_base_ms: 20 },
    },
  ];
  for (const link of links) linkIds.set(link.name, await createLink(gateway, adminKey, link));
  userKey = (await createKey(gateway, adminKey, { name: "routing" })).key;
  client = new OpenAI({ apiKey: userKey, baseURL: `${gateway.proxyUrl}/v1`, maxRetries: 0 });
  const strategy = await call(`${gateway.mgmtUrl}/config/routing`, {
    method: "PUT",
    token: adminKey,
    body: { global_strategy: "priority_failover" },
  });
  expect(strategy.status).toBe(200);
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  primary?.stop();
  backup?.stop();
  resetServer?.stop(true);
  await database?.drop();
}, 60_000);

describe("fallback before the first byte", () => {
  for (const [model, link, outcome] of [
    ["fo-500", "p-500", "error"],
    ["fo-429", "p-429", "rate_limited"],
    ["fo-timeout", "p-timeout", "timeout"],
    ["fo-reset", "p-reset", "connection"],
  ] as const) {
    test(`${link} fails with ${outcome} → the backup serves, and the SDK sees a normal answer`, async () => {
      const { data, response } = await client.chat.completions
        .create({ model, messages: [{ role: "user", content: "hi" }] })
        .withResponse();
      expect(data.choices[0]?.message.content).toBe("served by the backup");
      expect(data.model).toBe(model);
      expect(response.headers.get("x-waddleai-link")).toBe("backup");
      const requestId = response.headers.get("x-request-id") ?? "";
      const [line] = await logLines(requestId, "served after fallback");
      expect(line?.attempts).toMatchObject([
        { link, outcome },
        { link: "backup", outcome: "ok", status: 200 },
      ]);
      expect((await health(link)).last_error).toBeTruthy();
    });
  }

  test("streams fall back too: the client sees only the backup's stream", async () => {
    const stream = await client.chat.completions.create({ model: "fo-500", messages: [{ role: "user", content: "hi" }], stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("served by the backup");
  });

  test("every link fails → 502 in OpenAI's envelope and ONE log line listing every attempt", async () => {
    const answer = await chat("all-fail");
    expect([502, 503]).toContain(answer.status);
    expect((answer.body as { error: { type: string } }).error.type).toBe("upstream_error");
    expect(answer.text).not.toContain("sk-fake-upstream-secret");
    const requestId = answer.headers.get("x-request-id");
    const lines = await logLines(requestId, "every link failed");
    expect(lines).toHaveLength(1);
    const attempts = lines[0]?.attempts as { link: string; outcome: string; status: number }[];
    // The primary once (max_retries 0), the backup twice (max_retries 1, after a backoff).
    expect(attempts.map((attempt) => `${attempt.link}:${attempt.status}`)).toEqual(["p-all:500", "backup:503", "backup:503"]);
    const recorded = await usageOf(gateway, adminKey, requestId ?? "");
    expect(recorded.status).toBe(answer.status);
  });

  test("a transient failure is retried on the same link after a backoff when no other link serves", async () => {
    retryFailures = 2;
    const { response } = await client.chat.completions
      .create({ model: "retry", messages: [{ role: "user", content: "hi" }] })
      .withResponse();
    expect(response.headers.get("x-waddleai-link")).toBe("p-retry");
    const [line] = await logLines(response.headers.get("x-request-id"), "served after fallback");
    expect(((line?.attempts ?? []) as { status: number }[]).map((attempt) => attempt.status)).toEqual([503, 503, 200]);
  });

  test("client errors are final: an upstream 400 stays 400 and is not tried elsewhere", async () => {
    const before = backup.received.length;
    const answer = await chat("fo-400");
    expect(answer.status).toBe(400);
    expect((answer.body as { error: { type: string; param: string } }).error).toMatchObject({
      type: "invalid_request_error",
      param: "temperature",
    });
    expect(answer.headers.get("x-waddleai-link")).toBe("p-400");
    expect(backup.received.length).toBe(before);
    // A client's mistake says nothing about the link's health.
    expect(await health("p-400")).toMatchObject({ state: "closed", consecutive_failures: 0 });
  });
});

describe("circuit breaker", () => {
  test("a failing link is cooled down, skipped while open, probed after the cool-down and restored", async () => {
    for (let i = 0; i < 2; i++) expect((await chat("probe")).headers.get("x-waddleai-link")).toBe("backup");
    expect(await health("p-probe")).toMatchObject({ state: "open", consecutive_failures: 2 });
    const metrics = await (await fetch(`${gateway.mgmtUrl}/metrics`)).text();
    expect(metrics).toMatch(/waddleai_link_health\{[^}]*link="p-probe"[^}]*state="open"[^}]*\} 1/);

    // While open the link is skipped: the primary upstream hears nothing.
    const heardBefore = primary.received.filter((request) => request.body?.model === "probe").length;
    const skipped = await chat("probe");
    expect(skipped.headers.get("x-waddleai-link")).toBe("backup");
    expect(primary.received.filter((request) => request.body?.model === "probe").length).toBe(heardBefore);
    // The open link went to the end of the plan, so the backup answered at the first attempt.
    expect(
      gateway.logs().some((entry) => entry.requestId === skipped.headers.get("x-request-id") && entry.msg === "served after fallback"),
    ).toBe(false);

    primaryDown = false;
    await Bun.sleep(1100);
    const probed = await chat("probe");
    expect(probed.headers.get("x-waddleai-link")).toBe("p-probe");
    const restored = await health("p-probe");
    expect(restored).toMatchObject({ state: "closed", consecutive_failures: 0 });
    expect(restored.last_success_at).not.toBeNull();
    expect(restored.ewma_latency_ms).toBeGreaterThan(0);
    expect((await chat("probe")).headers.get("x-waddleai-link")).toBe("p-probe");
  });
});

describe("upstream retry hints", () => {
  const heard = (model: string) => primary.received.filter((request) => request.body?.model === model).length;

  test("429 with retry-after: 2 → the other link serves; the rested link hears nothing until the hint, then serves again", async () => {
    rateLimited.set("rested", { left: 1, retryAfter: "2" });
    const first = await chat("rested");
    expect(first.status).toBe(200);
    expect(first.headers.get("x-waddleai-link")).toBe("ra-b");
    expect(heard("rested")).toBe(1);
    const [line] = await logLines(first.headers.get("x-request-id"), "served after fallback");
    expect(line?.attempts).toMatchObject([
      { link: "ra-a", outcome: "rate_limited", status: 429, retryAfterMs: 2000 },
      { link: "ra-b", outcome: "ok", status: 200 },
    ]);
    const resting = await health("ra-a");
    expect(resting.state).toBe("closed");
    const restingUntil = Date.parse(resting.resting_until ?? "");
    expect(restingUntil).toBeGreaterThan(Date.now());

    // While it rests, new requests go straight to the other link (no fallback: the rested one is last).
    // Only requests sent well before the hint ends are checked, so a slow machine cannot race it.
    for (let i = 0; i < 3 && Date.now() < restingUntil - 800; i++) {
      const during = await chat("rested");
      expect(during.headers.get("x-waddleai-link")).toBe("ra-b");
      const id = during.headers.get("x-request-id");
      expect(gateway.logs().some((entry) => entry.requestId === id && entry.msg === "served after fallback")).toBe(false);
    }
    expect(heard("rested")).toBe(1);

    // After the hint the link is used again; polled with a generous deadline, never a tight timing.
    let backAt: number | null = null;
    for (const giveUp = Date.now() + 15_000; backAt === null && Date.now() < giveUp; ) {
      const answer = await chat("rested");
      expect(answer.status).toBe(200);
      if (answer.headers.get("x-waddleai-link") === "ra-a") backAt = Date.now();
      else await Bun.sleep(100);
    }
    expect(backAt).not.toBeNull();
    expect(backAt ?? 0).toBeGreaterThanOrEqual(restingUntil);
    expect(heard("rested")).toBe(2);
    expect((await health("ra-a")).resting_until).toBeNull();
  }, 30_000);

  test("a retry on the same link waits for the hint when the deadline allows", async () => {
    rateLimited.set("rested-wait", { left: 1, retryAfter: "1" });
    const started = Date.now();
    const answer = await chat("rested-wait");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-waddleai-link")).toBe("ra-wait");
    // The hint was given after the request was sent, so the retry cannot have gone out sooner.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    const [line] = await logLines(answer.headers.get("x-request-id"), "served after fallback");
    expect(((line?.attempts ?? []) as { status: number }[]).map((attempt) => attempt.status)).toEqual([429, 200]);
  }, 30_000);

  test("every link resting → 429 with retry-after (OpenAI and Anthropic shapes), the rested upstream is not asked", async () => {
    // A hint beyond the request deadline: the link is not retried within the request.
    const set = await call(`${gateway.mgmtUrl}/config/routing`, { method: "PUT", token: adminKey, body: { request_deadline_ms: 5_000 } });
    expect(set.status).toBe(200);
    try {
      rateLimited.set("rested-solo", { left: 1, retryAfter: "30" });
      const started = Date.now();
      const refused = await chat("rested-solo");
      // Answered at once: neither the 30 s hint nor the 5 s deadline was slept through.
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(25);
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(30);
      expect((refused.body as { error: { type: string; code: string; message: string } }).error).toMatchObject({
        type: "rate_limit_error",
        code: "rate_limit_exceeded",
      });
      expect(refused.text).not.toContain("scripted 429");
      expect(heard("rested-solo")).toBe(1);

      const again = await chat("rested-solo");
      expect(again.status).toBe(429);
      expect(Number(again.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      const anthropic = await call(`${gateway.proxyUrl}/v1/messages`, {
        token: userKey,
        body: { model: "rested-solo", max_tokens: 16, messages: [{ role: "user", content: "hi" }] },
      });
      expect(anthropic.status).toBe(429);
      expect(anthropic.body).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
      expect(Number(anthropic.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(heard("rested-solo")).toBe(1);
      expect((await health("ra-solo")).resting_until).not.toBeNull();
    } finally {
      await call(`${gateway.mgmtUrl}/config/routing`, { method: "PUT", token: adminKey, body: { request_deadline_ms: null } });
    }
  }, 30_000);
});

describe("strategies and aliases through the management API", () => {
  test("weighted_random respects weights over 200 requests (1:3, within ±0.12)", async () => {
    const answers: string[] = [];
    for (let i = 0; i < 200; i++) answers.push((await chat("weighted")).headers.get("x-waddleai-link") ?? "");
    const share = answers.filter((link) => link === "w-b").length / answers.length;
    expect(Math.abs(share - 0.75)).toBeLessThan(0.12);
    expect(answers.every((link) => link === "w-a" || link === "w-b")).toBe(true);
  });

  test("round_robin per model: exact shares per cycle; GET /config/routing shows the settings", async () => {
    const put = await call(`${gateway.mgmtUrl}/config/routing`, {
      method: "PUT",
      token: adminKey,
      body: { strategies: [{ model: "rr", strategy: "round_robin" }] },
    });
    expect(put.status).toBe(200);
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) seen.push((await chat("rr")).headers.get("x-waddleai-link") ?? "");
    expect(seen.filter((link) => link === "w-a")).toHaveLength(2);
    expect(seen.filter((link) => link === "w-b")).toHaveLength(6);
    const got = await call(`${gateway.mgmtUrl}/config/routing`, { token: adminKey });
    expect(got.body).toMatchObject({
      global_strategy: "priority_failover",
      strategies: [{ model: "rr", strategy: "round_robin" }],
      default_strategy: "weighted_random",
    });
  });

  test("aliases: the client's name is shown and metered, the target is sent upstream, /v1/models lists it", async () => {
    const put = await call(`${gateway.mgmtUrl}/config/aliases`, {
      method: "PUT",
      token: adminKey,
      body: {
        aliases: [
          { alias: "smart", target_model: "target-model" },
          { alias: "pinned", target_model: "pinned-target", link_id: linkIds.get("w-a") },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect((put.body as { data: unknown[] }).data).toHaveLength(2);
    const models = (await client.models.list()).data.map((model) => model.id);
    expect(models).toContain("smart");
    expect(models).toContain("pinned");

    const { data, response } = await client.chat.completions
      .create({ model: "smart", messages: [{ role: "user", content: "hi" }] })
      .withResponse();
    expect(data.model).toBe("smart");
    expect(backup.received.at(-1)?.body?.model).toBe("target-model");
    const recorded = await usageOf(gateway, adminKey, response.headers.get("x-request-id") ?? "");
    expect(recorded.model).toBe("smart");

    const pinned = await chat("pinned");
    expect(pinned.headers.get("x-waddleai-link")).toBe("w-a");
    expect(primary.received.at(-1)?.body?.model).toBe("pinned-target");

    const removed = await call(`${gateway.mgmtUrl}/config/aliases/pinned`, { method: "DELETE", token: adminKey });
    expect(removed.status).toBe(200);
    expect((await chat("pinned")).status).toBe(404);
    expect((await call(`${gateway.mgmtUrl}/config/aliases/pinned`, { method: "DELETE", token: adminKey })).status).toBe(404);
    const created = await call(`${gateway.mgmtUrl}/config/aliases`, {
      token: adminKey,
      body: { alias: "fast", target_model: "target-model" },
    });
    expect(created.status).toBe(201);
    expect((await call(`${gateway.mgmtUrl}/config/aliases`, { token: adminKey, body: { alias: "fast", target_model: "x" } })).status).toBe(
      409,
    );
    const audit = await call(`${gateway.mgmtUrl}/audit?limit=1000`, { token: adminKey });
    const actions = ((audit.body as { data?: { action: string }[] }).data ?? []).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["aliases.update", "alias.delete", "alias.create", "routing.update"]));
  });

  test("routing and health routes: admin only, validated", async () => {
    const user = await createKey(gateway, adminKey, { name: "plain user" });
    for (const path of ["/config/aliases", "/config/routing", "/config/links/health"]) {
      expect((await call(`${gateway.mgmtUrl}${path}`)).status).toBe(401);
      expect((await call(`${gateway.mgmtUrl}${path}`, { token: "wa-thisisnotarealkeythisisnotarealkey12345678" })).status).toBe(401);
    }
    // The admin's key acts as admin; a key of a plain user would need a user account, so check the role gate with a non-admin user.
    const made = await call(`${gateway.mgmtUrl}/users`, {
      token: adminKey,
      body: { username: `reporter-${Date.now()}`, password: "reporter-password-1", role: "reporter" },
    });
    expect(made.status).toBe(201);
    const login = await call(`${gateway.mgmtUrl}/auth/login`, {
      body: { username: (made.body as { username: string }).username, password: "reporter-password-1" },
    });
    const token = (login.body as { access_token: string }).access_token;
    for (const path of ["/config/aliases", "/config/routing", "/config/links/health"])
      expect((await call(`${gateway.mgmtUrl}${path}`, { token })).status).toBe(403);
    expect(
      (await call(`${gateway.mgmtUrl}/config/routing`, { method: "PUT", token, body: { global_strategy: "round_robin" } })).status,
    ).toBe(403);
    expect(user.key).toMatch(/^wa-/);
    const bad = await call(`${gateway.mgmtUrl}/config/routing`, {
      method: "PUT",
      token: adminKey,
      body: { global_strategy: "fastest_please" },
    });
    expect(bad.status).toBe(400);
    const unknownLink = await call(`${gateway.mgmtUrl}/config/aliases`, {
      method: "PUT",
      token: adminKey,
      body: { aliases: [{ alias: "ghost", target_model: "x", link_id: "00000000-0000-4000-8000-000000000000" }] },
    });
    expect(unknownLink.status).toBe(400);
  });

  test("the request deadline bounds the whole attempt loop → 504", async () => {
    const set = await call(`${gateway.mgmtUrl}/config/routing`, { method: "PUT", token: adminKey, body: { request_deadline_ms: 300 } });
    expect((set.body as { request_deadline_ms: number }).request_deadline_ms).toBe(300);
    try {
      primary.override = (model) => (model === "weighted" ? new Promise<Response>(() => {}) : null);
      backup.override = (model) => (model === "weighted" ? new Promise<Response>(() => {}) : null);
      const started = Date.now();
      const answer = await chat("weighted");
      expect(answer.status).toBe(504);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      primary.override = null;
      backup.override = null;
      await call(`${gateway.mgmtUrl}/config/routing`, { method: "PUT", token: adminKey, body: { request_deadline_ms: null } });
    }
  });
});

// One embedded data directory admits one process, so two instances can only share a Postgres server.
describe.skipIf(ENGINE !== "postgres")("live configuration across instances (Postgres only)", () => {
  test("a link and an alias created on one instance are used by a second instance within 5 s", async () => {
    const second = await startGateway({ database });
    try {
      expect((await chat("late-model", {})).status).toBe(404);
      const late = startFakeOpenAI({ reply: "late link" });
      try {
        await createLink(gateway, adminKey, { name: "late", endpoint_url: late.url, model_list: ["late-model"] });
        await call(`${gateway.mgmtUrl}/config/aliases`, {
          method: "PUT",
          token: adminKey,
          body: { aliases: [{ alias: "late-alias", target_model: "late-model" }] },
        });
        const started = Date.now();
        let linkServed = false;
        let aliasServed = false;
        while (Date.now() - started < 5_000 && !(linkServed && aliasServed)) {
          const viaLink = await call(`${second.proxyUrl}/v1/chat/completions`, {
            token: userKey,
            body: { model: "late-model", messages: [{ role: "user", content: "hi" }] },
          });
          const viaAlias = await call(`${second.proxyUrl}/v1/chat/completions`, {
            token: userKey,
            body: { model: "late-alias", messages: [{ role: "user", content: "hi" }] },
          });
          linkServed ||= viaLink.status === 200 && viaLink.headers.get("x-waddleai-link") === "late";
          aliasServed ||= viaAlias.status === 200;
          if (!(linkServed && aliasServed)) await Bun.sleep(100);
        }
        expect(linkServed).toBe(true);
        expect(aliasServed).toBe(true);
      } finally {
        late.stop();
      }
    } finally {
      await second.stop();
    }
  }, 30_000);
});
