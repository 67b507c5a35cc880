// A fake Ollama server on loopback speaking the native API with the recorded fixtures: /api/chat
// (JSON or NDJSON stream, tool calls whole per chunk, arguments as objects), /api/embed, /api/tags.
// It checks method, path and JSON content type, and that no credential is sent unless one is expected.
// `fail-<status>` as the model name answers Ollama's `{"error": …}` with that status.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ReceivedRequest, readReceived } from "./recording.ts";

const FIXTURES = join(import.meta.dir, "..", "..", "..", "shared", "wire-fixtures", "ollama");

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

export interface FakeOllama {
  url: string;
  received: ReceivedRequest[];
  violations: string[];
  stop(): void;
}

function ndjsonResponse(text: string): Response {
  const lines = text.split(/(?<=\n)/).filter((line) => line.trim().length > 0);
  let index = 0;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const line = lines[index++];
      if (line === undefined) return controller.close();
      controller.enqueue(encoder.encode(line.endsWith("\n") ? line : `${line}\n`));
      await Bun.sleep(1);
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson" } });
}

const json = (text: string, status = 200) => new Response(text, { status, headers: { "content-type": "application/json; charset=utf-8" } });

export function startFakeOllama(options: { bearer?: string } = {}): FakeOllama {
  const fake: FakeOllama = { url: "", received: [], violations: [], stop: () => server.stop(true) };
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
        return json(JSON.stringify({ error: problem }), status);
      };
      const authorization = request.headers.get("authorization");
      const expected = options.bearer ? `Bearer ${options.bearer}` : null;
      if (authorization !== expected) return refuse(`unexpected authorization header ${authorization === null ? "(none)" : "(set)"}`, 401);
      if (url.pathname === "/api/tags" && request.method === "GET") return json(fixture("tags.docs.json"));
      if (request.method !== "POST") return refuse("wrong method", 405);
      if (!(request.headers.get("content-type") ?? "").includes("application/json")) return refuse("body is not declared as JSON", 400);
      if (!body || typeof body.model !== "string") return refuse("body lacks model", 400);
      const failure = /^fail-(\d{3})$/.exec(body.model);
      if (failure) return json(fixture("error.docs.json"), Number(failure[1]));
      if (url.pathname === "/api/embed") return json(fixture("embed.json"));
      if (url.pathname !== "/api/chat") return refuse("unknown route", 404);
      if (!Array.isArray(body.messages)) return refuse("body lacks messages", 400);
      const tools = Array.isArray(body.tools) && body.tools.length > 0;
      // Ollama streams unless told otherwise.
      if (body.stream !== false) return ndjsonResponse(fixture(tools ? "chat-stream-tool-calls.ndjson" : "chat-stream.ndjson"));
      return json(fixture(tools ? "chat-tool-calls.json" : "chat-nonstream.json"));
    },
  });
  fake.url = `http://127.0.0.1:${server.port}`;
  return fake;
}
