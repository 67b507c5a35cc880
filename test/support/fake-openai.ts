// A fake OpenAI upstream on loopback. It records what it receives and answers in OpenAI's recorded wire
// format (2026 chunk shape: `usage: null` on every chunk, `obfuscation`, a `choices: []` usage chunk after
// the finish chunk, then `[DONE]`). Behaviour is scripted per request by the requested model name:
//   fail-500 / fail-429 / fail-400 / fail-401  → that error status with OpenAI's error body
//   hang                                        → never answers
//   reset-mid                                   → streams a few chunks, then cuts the connection
//   slow-stream                                 → one chunk every 100 ms for ~30 s (client-abort tests)
//   no-usage                                    → answers without any usage (the gateway must estimate)
// Anything else answers normally with `reply` text and usage computed from it.

import { type ReceivedRequest, readReceived } from "./recording.ts";

export type { ReceivedRequest };

export interface FakeOpenAI {
  url: string;
  received: ReceivedRequest[];
  /** Streams whose client (the gateway) went away before the end. */
  abortedStreams: number;
  reply: string;
  promptTokens: number;
  /** When set and it returns a response, that answers instead of the scripted behaviour (per-instance faults). */
  override: ((model: string, body: Record<string, unknown> | null) => Response | Promise<Response> | null) | null;
  stop(): void;
}

const ID = "chatcmpl-Dx0Xq5Xx9rHB2ehcHZCRDsnuymUXc";

function chunk(model: string, delta: Record<string, unknown>, finishReason: string | null = null): string {
  return `data: ${JSON.stringify({
    id: ID,
    object: "chat.completion.chunk",
    created: 1782955818,
    model,
    service_tier: "default",
    system_fingerprint: "fp_d0469e1700",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    usage: null,
    obfuscation: "HM7mrUsjk",
  })}\n\n`;
}

function usageChunk(model: string, promptTokens: number, completionTokens: number): string {
  return `data: ${JSON.stringify({
    id: ID,
    object: "chat.completion.chunk",
    created: 1782955818,
    model,
    service_tier: "default",
    system_fingerprint: "fp_d0469e1700",
    choices: [],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    obfuscation: "x",
  })}\n\n`;
}

function errorBody(status: number): Record<string, unknown> {
  const table: Record<number, [string, string | null]> = {
    400: ["invalid_request_error", "invalid_value"],
    401: ["invalid_request_error", "invalid_api_key"],
    429: ["tokens", "rate_limit_exceeded"],
    500: ["server_error", null],
  };
  const [type, code] = table[status] ?? ["server_error", null];
  return { error: { message: `fake upstream error ${status}`, type, param: null, code } };
}

export function startFakeOpenAI(options: { reply?: string; promptTokens?: number } = {}): FakeOpenAI {
  const fake: FakeOpenAI = {
    url: "",
    received: [],
    abortedStreams: 0,
    reply: options.reply ?? "The capital of France is Paris.",
    promptTokens: options.promptTokens ?? 14,
    override: null,
    stop: () => server.stop(true),
  };
  const words = () => fake.reply.split(/(?= )/);

  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    idleTimeout: 0,
    async fetch(request) {
      const url = new URL(request.url);
      const received = await readReceived(request);
      fake.received.push(received);
      const { body } = received;
      const model = typeof body?.model === "string" ? body.model : "";

      if (url.pathname.endsWith("/models")) {
        return Response.json({ object: "list", data: [{ id: "gpt-4o-mini", object: "model", created: 1, owned_by: "system" }] });
      }
      const forced = fake.override?.(model, body);
      if (forced) return forced;
      const failure = /^fail-(\d{3})$/.exec(model);
      if (failure) return Response.json(errorBody(Number(failure[1])), { status: Number(failure[1]) });
      if (model === "hang") return new Promise<Response>(() => {});

      if (url.pathname.endsWith("/embeddings")) {
        const inputs = Array.isArray(body?.input) ? body.input : [body?.input];
        const vector = new Float32Array([0.25, -0.5, 0.125, 1]);
        const base64 = body?.encoding_format === "base64";
        return Response.json({
          object: "list",
          data: inputs.map((_, index) => ({
            object: "embedding",
            index,
            embedding: base64 ? Buffer.from(vector.buffer).toString("base64") : Array.from(vector),
          })),
          model,
          usage: { prompt_tokens: 5 * inputs.length, total_tokens: 5 * inputs.length },
        });
      }

      const completionTokens = words().length;
      const withUsage = model !== "no-usage";
      if (body?.stream !== true) {
        const completion: Record<string, unknown> = {
          id: ID,
          object: url.pathname.endsWith("/completions") && !url.pathname.endsWith("/chat/completions") ? "text_completion" : "chat.completion",
          created: 1770933883,
          model,
          choices: url.pathname.endsWith("/chat/completions")
            ? [{ index: 0, message: { role: "assistant", content: fake.reply, refusal: null, annotations: [] }, logprobs: null, finish_reason: "stop" }]
            : [{ index: 0, text: fake.reply, logprobs: null, finish_reason: "stop" }],
          service_tier: "default",
          system_fingerprint: null,
        };
        if (withUsage) {
          completion.usage = {
            prompt_tokens: fake.promptTokens,
            completion_tokens: completionTokens,
            total_tokens: fake.promptTokens + completionTokens,
            prompt_tokens_details: { cached_tokens: 4, audio_tokens: 0 },
            completion_tokens_details: { reasoning_tokens: 2, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
          };
        }
        return Response.json(completion);
      }

      const encoder = new TextEncoder();
      const parts = [chunk(model, { role: "assistant", content: "", refusal: null }), ...words().map((word) => chunk(model, { content: word }))];
      if (model === "reset-mid") {
        // Send a few chunks, then break the connection without an end marker.
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (sent < 3) {
              controller.enqueue(encoder.encode(parts[sent++] ?? ""));
              await Bun.sleep(10);
              return;
            }
            controller.error(new Error("connection reset by fake upstream"));
          },
        });
        return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8" } });
      }
      if (model === "slow-stream") {
        let index = 0;
        const stream = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (index > 300) return controller.close();
            controller.enqueue(encoder.encode(chunk(model, { content: ` word${index++}` })));
            await Bun.sleep(100);
          },
          cancel() {
            fake.abortedStreams++;
          },
        });
        return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8" } });
      }
      parts.push(chunk(model, {}, "stop"));
      // Like OpenAI, usage comes only when asked for through stream_options.include_usage.
      const options = body.stream_options as { include_usage?: boolean } | undefined;
      if (withUsage && options?.include_usage) parts.push(usageChunk(model, fake.promptTokens, completionTokens));
      parts.push("data: [DONE]\n\n");
      let index = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const part = parts[index++];
          if (part === undefined) return controller.close();
          controller.enqueue(encoder.encode(part));
        },
        cancel() {
          fake.abortedStreams++;
        },
      });
      return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8" } });
    },
  });
  fake.url = `http://127.0.0.1:${server.port}/v1`;
  return fake;
}
