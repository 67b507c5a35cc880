export {};

// A minimal, fast OpenAI upstream for load benchmarks, run as its own process: a fixed chat completion,
// or a fixed stream of 12 chunks plus the usage chunk (the 2026 recorded shape). Prints its port.
const model = "gpt-4o-mini";
const completion = JSON.stringify({
  id: "chatcmpl-bench",
  object: "chat.completion",
  created: 1770933883,
  model,
  choices: [{ index: 0, message: { role: "assistant", content: "The capital of France is Paris.", refusal: null, annotations: [] }, logprobs: null, finish_reason: "stop" }],
  usage: { prompt_tokens: 14, completion_tokens: 7, total_tokens: 21, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } },
  service_tier: "default",
  system_fingerprint: null,
});
const chunk = (delta: object, finish: string | null) =>
  `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1782955818, model, system_fingerprint: null, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], usage: null, obfuscation: "abc" })}\n\n`;
const words = "The capital of France is Paris , a city of light and history .".split(" ");
const stream =
  chunk({ role: "assistant", content: "" }, null) +
  words.map((word) => chunk({ content: ` ${word}` }, null)).join("") +
  chunk({}, "stop") +
  `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1782955818, model, choices: [], usage: { prompt_tokens: 14, completion_tokens: 14, total_tokens: 28 } })}\n\n` +
  "data: [DONE]\n\n";
const streamBytes = new TextEncoder().encode(stream);

const server = Bun.serve({
  port: Number(process.env.PORT ?? 0),
  hostname: "127.0.0.1",
  async fetch(request) {
    const body = (await request.json()) as { stream?: boolean };
    if (body.stream) return new Response(streamBytes, { headers: { "content-type": "text/event-stream; charset=utf-8" } });
    return new Response(completion, { headers: { "content-type": "application/json" } });
  },
});
console.log(`port ${server.port}`);
