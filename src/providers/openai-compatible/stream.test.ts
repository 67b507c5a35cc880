import { describe, expect, test } from "bun:test";
import { OpenAIPassthroughStream } from "./stream.ts";
import { parseSseText } from "../../streaming/sse.ts";
import { pushInPieces, randomCuts, readFixture, testStreamOptions } from "../shared/wire-fixtures.ts";
import type { Usage } from "../types.ts";

function run(fixture: string, includeUsage: boolean, cuts: readonly number[] = []) {
  const options = testStreamOptions(includeUsage);
  const translator = new OpenAIPassthroughStream("chat", options);
  const text = readFixture(fixture);
  const out = pushInPieces(text, cuts, (piece) => translator.push(piece)) + translator.finish();
  return { text, out, translator, options };
}

function usageEventIndex(text: string): number {
  return parseSseText(text).findIndex((event) => event.data.includes('"usage":{'));
}

const withUsage: Record<string, Usage> = {
  "openai-chat/stream-with-usage.sse": { promptTokens: 78, completionTokens: 9, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
  "openai-chat/stream-with-usage-reasoning-length.sse": {
    promptTokens: 12,
    completionTokens: 100,
    cachedTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 100,
  },
  "openai-chat/stream-with-usage-2024.sse": { promptTokens: 14, completionTokens: 30, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
  "openai-chat/stream-tool-calls.sse": { promptTokens: 149, completionTokens: 60, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
  "openai-chat/stream-tool-call-single.sse": { promptTokens: 53, completionTokens: 15, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
};

describe("OpenAI passthrough stream", () => {
  for (const [fixture, usage] of Object.entries(withUsage)) {
    test(`${fixture}: usage extracted, usage chunk dropped when not asked, everything else byte-for-byte`, () => {
      const { text, out, translator, options } = run(fixture, false);
      expect(translator.usage).toEqual(usage);
      expect(translator.finished).toBe(true);
      expect(translator.error).toBeNull();
      expect(options.decorated).toEqual([]);
      const events = parseSseText(text);
      const index = usageEventIndex(text);
      expect(index).toBeGreaterThan(0);
      const expected = events.filter((_, i) => i !== index).map((event) => event.raw).join("");
      expect(out).toBe(expected);
    });

    test(`${fixture}: usage chunk decorated and re-serialised when asked, at any split`, () => {
      const { text, out, options } = run(fixture, true);
      expect(options.decorated).toEqual([usage]);
      const events = parseSseText(text);
      const outEvents = parseSseText(out);
      expect(outEvents.length).toBe(events.length);
      const index = usageEventIndex(text);
      for (let i = 0; i < events.length; i++) {
        if (i === index) continue;
        expect(outEvents[i]?.raw).toBe(events[i]?.raw ?? "");
      }
      const usageChunk = JSON.parse(outEvents[index]?.data ?? "") as { usage: Record<string, unknown>; choices: unknown[] };
      const original = JSON.parse(events[index]?.data ?? "") as { usage: Record<string, unknown> };
      expect(usageChunk.choices).toEqual([]);
      expect(usageChunk.usage).toEqual({ ...original.usage, waddleai_tokens: usage.promptTokens + usage.completionTokens });
      for (let seed = 1; seed <= 20; seed++) {
        expect(run(fixture, true, randomCuts(text.length, 25, seed)).out).toBe(out);
      }
    });
  }

  test("stream without stream_options: no usage, passthrough is exact, no usage chunk invented without an estimator", () => {
    const { text, out, translator } = run("openai-chat/stream-basic.sse", true);
    expect(out).toBe(text);
    expect(translator.usage).toBeNull();
    expect(translator.completionText).toBe(
      parseSseText(text)
        .map((event) => event.data)
        .filter((data) => data !== "[DONE]")
        .map((data) => (JSON.parse(data) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? "")
        .join(""),
    );
  });

  test("an estimator fills in the usage chunk before [DONE] for servers that send none", () => {
    const options = testStreamOptions(true, {
      estimateUsage: (completion) => ({
        promptTokens: 5,
        completionTokens: completion.length,
        cachedTokens: 0,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
      }),
    });
    const translator = new OpenAIPassthroughStream("chat", options);
    const out = translator.push(readFixture("openai-chat/stream-basic.sse")) + translator.finish();
    const events = parseSseText(out);
    expect(events.at(-1)?.data).toBe("[DONE]");
    const usageChunk = JSON.parse(events.at(-2)?.data ?? "") as { id: string; choices: unknown[]; usage: { prompt_tokens: number } };
    expect(usageChunk.id).toBe("chatcmpl-C4HqHBe4xca0k0EzsCnf1t6V3YFXp");
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage.prompt_tokens).toBe(5);
    expect(translator.usage).toBeNull();
  });

  test("tool call arguments are collected for estimation", () => {
    const { translator } = run("openai-chat/stream-tool-calls.sse", false);
    expect(translator.completionText).toContain("GetWeatherArgs");
    expect(translator.completionText).toContain('{"city": "Edinburgh"');
    expect(translator.completionText).toContain("get_stock_price");
  });

  test("mid-stream error is forwarded and recorded; no [DONE] means not finished", () => {
    const { text, out, translator } = run("openai-chat/stream-error-midstream.sse", false);
    expect(out).toBe(text);
    expect(translator.error?.code).toBe("upstream_error");
    expect(translator.error?.message).toContain("The server had an error");
    expect(translator.finished).toBe(false);
  });

  test("a stream cut without [DONE] ends with an error event", () => {
    const text = readFixture("openai-chat/stream-with-usage.sse");
    const cut = text.slice(0, text.indexOf("data:", 2000));
    const translator = new OpenAIPassthroughStream("chat", testStreamOptions(false));
    const out = translator.push(cut) + translator.finish();
    expect(out.startsWith(cut)).toBe(true);
    const last = parseSseText(out).at(-1);
    expect(JSON.parse(last?.data ?? "")).toEqual({
      error: { message: expect.any(String), type: "upstream_error", param: null, code: "upstream_error" },
    });
    expect(translator.error?.code).toBe("upstream_error");
  });

  test("a chunk carrying both content and usage keeps its content", () => {
    const chunk = {
      id: "c1",
      object: "chat.completion.chunk",
      created: 1,
      model: "m",
      choices: [{ index: 0, delta: { content: "hi" }, finish_reason: "stop" }],
      usage: {
        prompt_tokens: 10,
        completion_tokens: 2,
        total_tokens: 12,
        prompt_tokens_details: { cached_tokens: 4, cache_write_tokens: 3 },
        completion_tokens_details: { reasoning_tokens: 1 },
      },
    };
    const input = `data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`;
    const dropped = new OpenAIPassthroughStream("chat", testStreamOptions(false));
    const outDropped = parseSseText(dropped.push(input) + dropped.finish());
    expect(dropped.usage).toEqual({ promptTokens: 10, completionTokens: 2, cachedTokens: 4, cacheWriteTokens: 3, reasoningTokens: 1 });
    const { usage: _usage, ...withoutUsage } = chunk;
    expect(JSON.parse(outDropped[0]?.data ?? "")).toEqual(withoutUsage);
    const kept = new OpenAIPassthroughStream("chat", testStreamOptions(true));
    const outKept = parseSseText(kept.push(input) + kept.finish());
    expect(JSON.parse(outKept[0]?.data ?? "")).toEqual({ ...chunk, usage: { ...chunk.usage, waddleai_tokens: 12 } });
  });

  test("legacy completions collect choice text; keep-alive comments pass through", () => {
    const translator = new OpenAIPassthroughStream("completions", testStreamOptions(false));
    const input = ': ping\n\ndata: {"id":"cmpl-1","object":"text_completion","choices":[{"text":"Hello","index":0}]}\n\ndata: [DONE]\n\n';
    expect(translator.push(input) + translator.finish()).toBe(input);
    expect(translator.completionText).toBe("Hello");
    expect(translator.finished).toBe(true);
  });
});

describe("aliases in streams", () => {
  test("chunks name the alias the client asked for, as non-stream answers do", () => {
    const stream = new OpenAIPassthroughStream("chat", {
      includeUsage: true,
      decorateUsage: (usage) => {
        usage.waddleai_tokens = 1;
      },
      model: "smart",
      renameModel: true,
      estimateUsage: () => ({ promptTokens: 1, completionTokens: 1, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }),
    });
    const chunk = (extra: string) => `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18",${extra}}\n\n`;
    const out =
      stream.push(chunk('"choices":[{"index":0,"delta":{"content":"hi \\"model\\""}}]')) +
      stream.push(chunk('"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}')) +
      stream.push("data: [DONE]\n\n");
    expect(out).not.toContain("gpt-4o-mini-2024-07-18");
    expect(out.match(/"model":"smart"/g)?.length).toBe(2);
    expect(out).toContain('hi \\"model\\"');
  });
});
