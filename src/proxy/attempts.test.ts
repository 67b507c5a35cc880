// attemptUpstreams against fake upstreams on loopback: a 429 the client hears always says when to retry;
// an Anthropic 529 is an overload (next link, brief rest, never a 429); a stream request answered with a
// JSON body is read here, its error envelope failing like the HTTP error it stands for.
import { afterAll, describe, expect, test } from "bun:test";
import { createLogger } from "../log.ts";
import { noopMetrics } from "../metrics/registry.ts";
import { NO_DETAILS, UPSTREAM_429_RETRY_AFTER_S, upstreamStatusError } from "../providers/shared/errors.ts";
import type { LinkEntry } from "../routing/link-cache.ts";
import { LinkRouter, type RouteCandidate } from "../routing/router.ts";
import { linkSource, testLink } from "../routing/test-links.ts";
import { anthropicAdapter } from "../providers/anthropic/index.ts";
import { readFixture } from "../providers/shared/wire-fixtures.ts";
import { attemptUpstreams, OVERLOAD_REST_MS } from "./attempts.ts";

const quiet = createLogger("error", {}, () => {});
const OPENAI_429 = { error: { message: "Rate limit reached", type: "tokens", param: null, code: "rate_limit_exceeded" } };

/** A loopback upstream that answers every request with `status` and `headers`. */
function upstream(status: number, headers: Record<string, string> = {}) {
  return Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => Response.json(status === 429 ? OPENAI_429 : { error: { message: "boom", type: "server_error" } }, { status, headers }) });
}

/** A loopback upstream that answers every request with this body, status and content type. */
function answering(body: string, status = 200, contentType = "application/json") {
  return Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response(body, { status, headers: { "content-type": contentType, "retry-after": "30" } }) });
}

const servers = {
  plain429: upstream(429),
  hinted429: upstream(429, { "retry-after": "5" }),
  failing500: upstream(500),
  // The recorded 529 body, with a long retry hint that must not idle the link.
  overloaded: answering(readFixture("anthropic/error-overloaded.json"), 529),
  // 200 + JSON where a stream was asked for: an error envelope (the recorded 400 body), then a completion.
  jsonError: answering(readFixture("openai-responses/error-400.json")),
  jsonCompletion: answering(readFixture("openai-chat/nonstream-basic.json")),
  sse: answering("data: [DONE]\n\n", 200, "text/event-stream"),
};
afterAll(() => {
  for (const server of Object.values(servers)) server.stop(true);
});

function link(name: string, server: { url: URL }): LinkEntry {
  const entry = testLink(name, { models: ["m"], options: { max_retries: 0 } });
  entry.config.endpointUrl = `${server.url.origin}/v1`;
  return entry;
}

function anthropicLink(name: string, server: { url: URL }, options: Record<string, unknown> = { max_retries: 0 }): LinkEntry {
  const entry = testLink(name, { models: ["m"], options });
  entry.config.endpointUrl = server.url.origin;
  entry.config.provider = "anthropic";
  entry.adapter = anthropicAdapter;
  return entry;
}

function attempt(links: LinkEntry[], options: { stream?: boolean; router?: LinkRouter } = {}) {
  const router = options.router ?? new LinkRouter(linkSource(links));
  // The plan in the order given, whatever the routing strategy would choose.
  const plan: RouteCandidate[] = links.map((entry) => ({ link: entry, upstreamModel: "m" }));
  return attemptUpstreams({
    requestId: "req_test", operation: "chat", body: { model: "m", stream: options.stream ?? false, messages: [{ role: "user", content: "hi" }] }, plan,
    stream: options.stream ?? false, clientSignal: new AbortController().signal, router, metrics: noopMetrics(), log: quiet,
  });
}

describe("upstream 429s reaching the client", () => {
  test("the shared error mapping gives every upstream 429 a short default retry-after", () => {
    const error = upstreamStatusError(429, NO_DETAILS, testLink("a").config);
    expect(error.code).toBe("rate_limit_exceeded");
    expect(error.headers["retry-after"]).toBe(String(UPSTREAM_429_RETRY_AFTER_S));
  });

  test("without a retry hint: 429 rate_limit_exceeded with the default retry-after", async () => {
    const result = await attempt([link("plain", servers.plain429)]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.status).toBe(429);
    expect(result.error.code).toBe("rate_limit_exceeded");
    expect(result.error.headers["retry-after"]).toBe("1");
  });

  test("with a retry hint, while another link could still serve: the upstream's hint, not the default", async () => {
    const result = await attempt([link("broken", servers.failing500), link("hinted", servers.hinted429)]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.attempts.map((record) => record.status)).toEqual([500, 429]);
    expect(result.error.code).toBe("rate_limit_exceeded");
    expect(result.error.headers["retry-after"]).toBe("5");
  });
});

describe("Anthropic 529 overloaded", () => {
  test("the next link serves; the overloaded one rests briefly despite its 30 s hint", async () => {
    const overloaded = anthropicLink("overloaded", servers.overloaded);
    const backup = link("backup", servers.jsonCompletion);
    const router = new LinkRouter(linkSource([overloaded, backup]));
    const result = await attempt([overloaded, backup], { router });
    expect(result.ok).toBe(true);
    expect(result.attempts.map((record) => [record.link, record.outcome, record.status])).toEqual([
      ["overloaded", "overloaded", 529],
      ["backup", "ok", 200],
    ]);
    expect(result.attempts[0]?.retryAfterMs).toBe(OVERLOAD_REST_MS);
    const rest = router.restMs({ link: overloaded, upstreamModel: "m" });
    expect(rest).toBeGreaterThan(0);
    expect(rest).toBeLessThanOrEqual(OVERLOAD_REST_MS);
  });

  test("no other link: the overload itself (529, retry-after 1), not a 429 — even after a retry that waited out the rest", async () => {
    const solo = anthropicLink("solo", servers.overloaded, { max_retries: 1, retry_base_ms: 10 });
    const started = performance.now();
    const result = await attempt([solo]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.attempts.map((record) => record.outcome)).toEqual(["overloaded", "overloaded"]);
    // The retry waited for the brief rest, not for the 30 s hint.
    expect(performance.now() - started).toBeLessThan(OVERLOAD_REST_MS + 2_000);
    expect(result.error.status).toBe(529);
    expect(result.error.code).toBe("upstream_unavailable");
    expect(result.error.headers["retry-after"]).toBe("1");
  });

  test("a request that finds the link resting after an overload hears of the overload too, not of a rate limit", async () => {
    const solo = anthropicLink("rested-solo", servers.overloaded);
    const router = new LinkRouter(linkSource([solo]));
    const first = await attempt([solo], { router });
    const second = await attempt([solo], { router });
    expect(second.attempts.map((record) => record.outcome)).toEqual(["resting"]);
    for (const result of [first, second]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect([result.error.status, result.error.code, result.error.headers["retry-after"]]).toEqual([529, "upstream_unavailable", "1"]);
    }
  });
});

describe("a stream request answered with a JSON body", () => {
  test("an error envelope in a 200 fails like the HTTP error it names (400: final, not retried)", async () => {
    const result = await attempt([link("json-error", servers.jsonError), link("never", servers.sse)], { stream: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.status).toBe(400);
    expect(result.error.code).toBe("invalid_request_error");
    expect(result.error.message).toContain("temperature");
    expect(result.attempts).toHaveLength(1);
  });

  test("a completion is read and handed over as json", async () => {
    const result = await attempt([link("json", servers.jsonCompletion)], { stream: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    result.clearTotal();
    expect(result.json).toMatchObject({ object: "chat.completion", usage: { prompt_tokens: expect.any(Number) } });
  });

  test("a non-stream request leaves the body to the caller; an event stream is never read", async () => {
    const plain = await attempt([link("json", servers.jsonCompletion)]);
    expect(plain.ok && plain.json === undefined && !plain.response.bodyUsed).toBe(true);
    if (plain.ok) plain.clearTotal();
    const streamed = await attempt([link("sse", servers.sse)], { stream: true });
    expect(streamed.ok && streamed.json === undefined && !streamed.response.bodyUsed).toBe(true);
    if (streamed.ok) streamed.clearTotal();
  });
});
