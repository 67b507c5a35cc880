// attemptUpstreams against fake upstreams on loopback: a 429 the client hears always says when to retry.
import { afterAll, describe, expect, test } from "bun:test";
import { createLogger } from "../log.ts";
import { noopMetrics } from "../metrics/registry.ts";
import { NO_DETAILS, UPSTREAM_429_RETRY_AFTER_S, upstreamStatusError } from "../providers/shared/errors.ts";
import type { LinkEntry } from "../routing/link-cache.ts";
import { LinkRouter, type RouteCandidate } from "../routing/router.ts";
import { linkSource, testLink } from "../routing/test-links.ts";
import { attemptUpstreams } from "./attempts.ts";

const quiet = createLogger("error", {}, () => {});
const OPENAI_429 = { error: { message: "Rate limit reached", type: "tokens", param: null, code: "rate_limit_exceeded" } };

/** A loopback upstream that answers every request with `status` and `headers`. */
function upstream(status: number, headers: Record<string, string> = {}) {
  return Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => Response.json(status === 429 ? OPENAI_429 : { error: { message: "boom", type: "server_error" } }, { status, headers }) });
}

const servers = { plain429: upstream(429), hinted429: upstream(429, { "retry-after": "5" }), failing500: upstream(500) };
afterAll(() => {
  for (const server of Object.values(servers)) server.stop(true);
});

function link(name: string, server: { url: URL }): LinkEntry {
  const entry = testLink(name, { models: ["m"], options: { max_retries: 0 } });
  entry.config.endpointUrl = `${server.url.origin}/v1`;
  return entry;
}

function attempt(links: LinkEntry[]) {
  const router = new LinkRouter(linkSource(links));
  // The plan in the order given, whatever the routing strategy would choose.
  const plan: RouteCandidate[] = links.map((entry) => ({ link: entry, upstreamModel: "m" }));
  return attemptUpstreams({
    requestId: "req_test", operation: "chat", body: { model: "m", messages: [{ role: "user", content: "hi" }] }, plan,
    clientSignal: new AbortController().signal, router, metrics: noopMetrics(), log: quiet,
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
