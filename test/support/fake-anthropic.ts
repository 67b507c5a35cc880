// A fake Anthropic Messages upstream on loopback, replying with the recorded wire fixtures (padded SSE
// JSON, `ping` events, parallel tool_use blocks). It checks what a real Anthropic API insists on — POST to
// /v1/messages, `x-api-key`, `anthropic-version`, a JSON body with model, max_tokens and messages — and
// refuses otherwise, noting the violation. Behaviour is scripted by the requested model name:
//   fail-<status>  → that status with Anthropic's error body (529 is the recorded "overloaded" body)
//   hang           → never answers
// Requests with tools get the tool-use fixtures unless the last turn carries tool results; stream requests
// with `thinking` get the recorded thinking stream. `override` answers instead when it returns a response.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ReceivedRequest, readReceived } from "./recording.ts";

const FIXTURES = join(import.meta.dir, "..", "..", "..", "shared", "wire-fixtures", "anthropic");

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

export interface FakeAnthropic {
  /** Base URL as a link's endpoint_url (no /v1). */
  url: string;
  apiKey: string;
  received: ReceivedRequest[];
  /** Every way a request differed from what the real API requires. */
  violations: string[];
  /** When set and it returns a response, that answers a well-formed /v1/messages request. */
  override: ((body: Record<string, unknown>) => Response | Promise<Response> | null) | null;
  stop(): void;
}

function errorBody(status: number): string {
  if (status === 529) return fixture("error-overloaded.json");
  if (status === 400) return fixture("error-400-invalid-request.json");
  if (status === 404) return fixture("error-404-not-found.json");
  const types: Record<number, string> = { 401: "authentication_error", 403: "permission_error", 429: "rate_limit_error", 500: "api_error" };
  return JSON.stringify({
    type: "error",
    error: { type: types[status] ?? "api_error", message: `fake anthropic error ${status}` },
    request_id: "req_011CWVbRFPEyaqcGFYP8v1J5",
  });
}

/** An SSE body streamed event by event, as the network would deliver it. */
function sseResponse(text: string): Response {
  const events = text.split(/(?<=\n\n)/);
  let index = 0;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const event = events[index++];
      if (event === undefined) return controller.close();
      controller.enqueue(encoder.encode(event));
      await Bun.sleep(1);
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" } });
}

function lastTurnHasToolResult(body: Record<string, unknown>): boolean {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const last = messages.at(-1) as { content?: unknown } | undefined;
  return Array.isArray(last?.content) && last.content.some((block) => (block as { type?: string }).type === "tool_result");
}

export function startFakeAnthropic(options: { apiKey?: string } = {}): FakeAnthropic {
  const fake: FakeAnthropic = {
    url: "",
    apiKey: options.apiKey ?? "sk-ant-fake-upstream-secret",
    received: [],
    violations: [],
    override: null,
    stop: () => server.stop(true),
  };
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    idleTimeout: 0,
    async fetch(request) {
      const url = new URL(request.url);
      const received = await readReceived(request);
      fake.received.push(received);
      const { body } = received;
      const refuse = (problem: string, status: number) => {
        fake.violations.push(`${request.method} ${url.pathname}: ${problem}`);
        return new Response(errorBody(status), { status, headers: { "content-type": "application/json" } });
      };
      if (request.headers.get("x-api-key") !== fake.apiKey) return refuse("missing or wrong x-api-key", 401);
      if (!request.headers.get("anthropic-version")) return refuse("missing anthropic-version", 400);
      if (url.pathname === "/v1/models" && request.method === "GET") {
        return new Response(fixture("models-list.json"), { headers: { "content-type": "application/json" } });
      }
      if (url.pathname !== "/v1/messages" || request.method !== "POST") return refuse("unknown route", 404);
      if (!body || typeof body.model !== "string" || typeof body.max_tokens !== "number" || !Array.isArray(body.messages)) {
        return refuse("body lacks model, max_tokens or messages", 400);
      }
      const overridden = fake.override?.(body);
      if (overridden) return overridden;
      const failure = /^fail-(\d{3})$/.exec(body.model);
      if (failure)
        return new Response(errorBody(Number(failure[1])), { status: Number(failure[1]), headers: { "content-type": "application/json" } });
      if (body.model === "hang") return new Promise<Response>(() => {});
      const tools = Array.isArray(body.tools) && body.tools.length > 0 && !lastTurnHasToolResult(body);
      if (body.stream === true && typeof body.thinking === "object" && body.thinking !== null) return sseResponse(fixture("stream-thinking.sse"));
      if (body.stream === true) return sseResponse(fixture(tools ? "stream-tool-use.sse" : "stream-basic.sse"));
      return new Response(fixture(tools ? "nonstream-tool-use-parallel.json" : "nonstream-basic.json"), {
        headers: { "content-type": "application/json" },
      });
    },
  });
  fake.url = `http://127.0.0.1:${server.port}`;
  return fake;
}
