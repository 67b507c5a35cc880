// Rate limits end to end: RPM and TPM per key and per user, OpenAI's x-ratelimit-* headers, 429 with
// retry-after as the official openai SDK sees it, and the rate-limited metric.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import OpenAI from "openai";
import { countChatPromptTokens } from "../src/usage/tokens.ts";
import { call, type Gateway } from "./support/gateway.ts";
import { createKey, type ProxyFixture, startProxyFixture } from "./support/setup.ts";

const MODEL = "gpt-4o-mini";
const MESSAGES = [{ role: "user" as const, content: "hi" }];
const MAX_TOKENS = 5;
const PROMPT_TOKENS = countChatPromptTokens(MODEL, MESSAGES);
/** What one request reserves against a TPM limit (and, with this fake, what it really uses). */
const TOKENS = PROMPT_TOKENS + MAX_TOKENS;

let fixture: ProxyFixture;
let gateway: Gateway;
let admin: string;

beforeAll(async () => {
  fixture = await startProxyFixture({
    models: [MODEL],
    upstream: { promptTokens: PROMPT_TOKENS, reply: "one two three four five" },
    // A long window, so no test straddles a window boundary by accident.
    env: { WADDLEAI_LIMIT_WINDOW_MS: "600000" },
  });
  ({ gateway, adminKey: admin } = fixture);
}, 60_000);

afterAll(async () => {
  await fixture?.stop();
}, 60_000);

function clientFor(key: string): OpenAI {
  return new OpenAI({ apiKey: key, baseURL: `${gateway.proxyUrl}/v1`, maxRetries: 0 });
}

function chat(key: string) {
  return call(`${gateway.proxyUrl}/v1/chat/completions`, { token: key, body: { model: MODEL, messages: MESSAGES, max_tokens: MAX_TOKENS } });
}

describe("rate limits", () => {
  test("key RPM: limit and remaining on every response, then 429 rate_limit_exceeded with retry-after (openai SDK)", async () => {
    const key = await createKey(gateway, admin, { rpm: 3 });
    const client = clientFor(key.key);
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { response } = await client.chat.completions.create({ model: MODEL, messages: MESSAGES, max_tokens: MAX_TOKENS }).withResponse();
      expect(response.headers.get("x-ratelimit-limit-requests")).toBe("3");
      // The reset times come with a refusal only (see below).
      expect(response.headers.get("x-ratelimit-reset-requests")).toBeNull();
      remaining.push(response.headers.get("x-ratelimit-remaining-requests") ?? "");
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const refused = await client.chat.completions.create({ model: MODEL, messages: MESSAGES, max_tokens: MAX_TOKENS }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    const error = refused as InstanceType<typeof OpenAI.RateLimitError>;
    expect(error.code).toBe("rate_limit_exceeded");
    expect(Number(error.headers?.get("retry-after"))).toBeGreaterThan(0);
    expect(error.headers?.get("x-ratelimit-remaining-requests")).toBe("0");
    expect(error.headers?.get("x-ratelimit-reset-requests")).toMatch(/^\d+(ms|s)$|^\d+m\d+s$/);
    expect(error.headers?.get("x-request-id")).toMatch(/^req_/);
  });

  test("key TPM counts reserved then actual tokens; the tokens headers report it", async () => {
    const key = await createKey(gateway, admin, { tpm: 2 * TOKENS });
    const first = await chat(key.key);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-limit-tokens")).toBe(String(2 * TOKENS));
    expect(first.headers.get("x-ratelimit-remaining-tokens")).toBe(String(TOKENS));
    expect((await chat(key.key)).status).toBe(200);
    const refused = await chat(key.key);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: "rate_limit_exceeded", type: "rate_limit_error" } });
    expect(refused.headers.get("retry-after")).not.toBeNull();
  });

  test("a user RPM set through PUT /quotas applies across the user's keys", async () => {
    const me = await call(`${gateway.mgmtUrl}/auth/me`, { token: admin });
    const org = await call(`${gateway.mgmtUrl}/organizations`, { token: admin, body: { name: "rpm-org" } });
    const user = await call(`${gateway.mgmtUrl}/users`, { token: admin, body: { username: "rpm-user", organization_id: (org.body as { id: string }).id } });
    expect(me.status).toBe(200);
    const userId = (user.body as { id: string }).id;
    const set = await call(`${gateway.mgmtUrl}/quotas`, { method: "PUT", token: admin, body: { scope_type: "user", scope_id: userId, rpm: 2 } });
    expect(set.status).toBe(200);
    const first = await createKey(gateway, admin, { user_id: userId });
    const second = await createKey(gateway, admin, { user_id: userId });
    expect((await chat(first.key)).status).toBe(200);
    expect((await chat(second.key)).status).toBe(200);
    const refused = await chat(first.key);
    expect(refused.status).toBe(429);
    expect((refused.body as { error: { message: string } }).error.message).toContain("user requests");
  });

  test("keys without limits carry no rate-limit headers and are never refused", async () => {
    const key = await createKey(gateway, admin, {});
    for (let i = 0; i < 5; i++) {
      const result = await chat(key.key);
      expect(result.status).toBe(200);
      expect(result.headers.get("x-ratelimit-limit-requests")).toBeNull();
    }
  });

  test("refusals are counted in waddleai_rate_limited_total by scope and kind", async () => {
    const metrics = await call(`${gateway.proxyUrl}/metrics`);
    expect(metrics.text).toMatch(/waddleai_rate_limited_total\{scope="key",kind="rpm"\} [1-9]/);
    expect(metrics.text).toMatch(/waddleai_rate_limited_total\{scope="key",kind="tpm"\} [1-9]/);
    expect(metrics.text).toMatch(/waddleai_rate_limited_total\{scope="user",kind="rpm"\} [1-9]/);
  });
});
