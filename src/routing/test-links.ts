// Link entries and a seeded random source for the routing unit tests.
import { openAIAdapter } from "../providers/openai-compatible/index.ts";
import type { LinkEntry } from "./link-cache.ts";
import type { LinkSource } from "./router.ts";

export function testLink(
  name: string,
  fields: { weight?: number; priority?: number; models?: string[]; options?: Record<string, unknown> } = {},
): LinkEntry {
  return {
    config: {
      id: `00000000-0000-4000-8000-${name.padStart(12, "0").slice(-12)}`,
      name,
      provider: "openai",
      endpointUrl: "http://127.0.0.1:9/v1",
      apiKey: null,
      modelList: fields.models ?? ["m"],
      options: fields.options ?? {},
    },
    adapter: openAIAdapter,
    weight: fields.weight ?? 1,
    priority: fields.priority ?? 0,
  };
}

export function linkSource(entries: LinkEntry[]): LinkSource {
  return {
    links: () => entries,
    linksFor: (model) => entries.filter((entry) => entry.config.modelList.includes(model)),
    models: () => [...new Set(entries.flatMap((entry) => entry.config.modelList))],
  };
}

/** mulberry32: a small deterministic PRNG, so distribution tests do not flake. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
