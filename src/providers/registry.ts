// The one place that knows provider names: maps a link's `provider` to its adapter.

import type { ProviderAdapter } from "./types.ts";
import { azureOpenAIAdapter, openAIAdapter } from "./openai-compatible/index.ts";
import { anthropicAdapter } from "./anthropic/index.ts";
import { ollamaAdapter } from "./ollama/index.ts";

/** Vendors and servers that speak the OpenAI wire format; each is the OpenAI adapter under its own name. */
const OPENAI_COMPATIBLE_ALIASES = [
  "openai-compatible",
  "vllm",
  "groq",
  "together",
  "mistral",
  "gemini",
  "lmstudio",
  "llamacpp",
  "deepseek",
  "openrouter",
] as const;

const ADAPTERS = new Map<string, ProviderAdapter>([
  ["openai", openAIAdapter],
  ["azure", azureOpenAIAdapter],
  ["anthropic", anthropicAdapter],
  ["ollama", ollamaAdapter],
]);
for (const alias of OPENAI_COMPATIBLE_ALIASES) ADAPTERS.set(alias, { ...openAIAdapter, name: alias });

export function getAdapter(provider: string): ProviderAdapter | undefined {
  return ADAPTERS.get(provider.toLowerCase());
}

/** Provider names a link may use, for validation messages and documentation. */
export function providerNames(): string[] {
  return [...ADAPTERS.keys()];
}
