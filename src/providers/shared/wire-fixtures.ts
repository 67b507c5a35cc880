// Test support: reads the recorded provider payloads kept beside the repository in shared/wire-fixtures.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LinkConfig, StreamOptions, Usage } from "../types.ts";
import { parseSseText } from "../../streaming/sse.ts";

/** The repository root is three levels up from here; the fixtures sit beside it. */
export const WIRE_FIXTURES_DIR = join(import.meta.dir, "..", "..", "..", "..", "shared", "wire-fixtures");

export function readFixture(relativePath: string): string {
  return readFileSync(join(WIRE_FIXTURES_DIR, relativePath), "utf8");
}

export function readJsonFixture(relativePath: string): unknown {
  return JSON.parse(readFixture(relativePath)) as unknown;
}

/** Feeds `text` through `push` in pieces cut at the given offsets and returns the concatenated output. */
export function pushInPieces(text: string, cuts: readonly number[], push: (piece: string) => string): string {
  let out = "";
  let start = 0;
  for (const cut of cuts) {
    out += push(text.slice(start, cut));
    start = cut;
  }
  return out + push(text.slice(start));
}

/** Deterministic pseudo-random cut points (a tiny LCG), so failures reproduce. */
export function randomCuts(length: number, count: number, seed: number): number[] {
  let state = seed >>> 0;
  const cuts: number[] = [];
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    cuts.push(state % (length + 1));
  }
  return cuts.sort((a, b) => a - b);
}

/** A link as the core would hand it to an adapter. */
export function testLink(overrides: Partial<LinkConfig> = {}): LinkConfig {
  return {
    id: "link-1",
    name: "primary",
    provider: "openai",
    endpointUrl: "https://api.example.test/v1",
    apiKey: "sk-test-secret-0123456789abcdef",
    modelList: [],
    options: {},
    ...overrides,
  };
}

/** Stream options that record what the translator asked of the core. */
export function testStreamOptions(includeUsage: boolean, extra: Partial<StreamOptions> = {}): StreamOptions & { decorated: Usage[] } {
  const decorated: Usage[] = [];
  return {
    includeUsage,
    model: "client-model",
    decorateUsage: (usage, parsed) => {
      decorated.push(parsed);
      usage.waddleai_tokens = parsed.promptTokens + parsed.completionTokens;
    },
    decorated,
    ...extra,
  };
}

export interface ReassembledStream {
  role: string | null;
  content: string;
  reasoning: string;
  toolCalls: { id: string; name: string; arguments: string }[];
  finishReason: string | null;
  usage: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
  done: boolean;
  chunkCount: number;
}

/** Reassembles OpenAI chat-chunk SSE text the way an SDK client would. */
export function reassembleChatStream(text: string): ReassembledStream {
  const result: ReassembledStream = {
    role: null,
    content: "",
    reasoning: "",
    toolCalls: [],
    finishReason: null,
    usage: null,
    error: null,
    done: false,
    chunkCount: 0,
  };
  for (const event of parseSseText(text)) {
    if (result.done) throw new Error("event after [DONE]");
    if (event.data === "[DONE]") {
      result.done = true;
      continue;
    }
    const chunk = JSON.parse(event.data) as Record<string, unknown>;
    result.chunkCount++;
    if (chunk.error) {
      result.error = chunk.error as Record<string, unknown>;
      continue;
    }
    if (chunk.usage) result.usage = chunk.usage as Record<string, unknown>;
    for (const choice of (chunk.choices as Record<string, unknown>[] | undefined) ?? []) {
      if (typeof choice.text === "string") result.content += choice.text;
      if (typeof choice.finish_reason === "string") result.finishReason = choice.finish_reason;
      const delta = choice.delta as Record<string, unknown> | undefined;
      if (!delta) continue;
      if (typeof delta.role === "string") result.role = delta.role;
      if (typeof delta.content === "string") result.content += delta.content;
      if (typeof delta.reasoning_content === "string") result.reasoning += delta.reasoning_content;
      for (const call of (delta.tool_calls as Record<string, unknown>[] | undefined) ?? []) {
        const index = call.index as number;
        const fn = call.function as Record<string, unknown>;
        const slot = result.toolCalls[index] ?? { id: "", name: "", arguments: "" };
        result.toolCalls[index] = slot;
        if (typeof call.id === "string") slot.id = call.id;
        if (typeof fn.name === "string") slot.name = fn.name;
        if (typeof fn.arguments === "string") slot.arguments += fn.arguments;
      }
    }
  }
  return result;
}
