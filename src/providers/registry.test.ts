import { describe, expect, test } from "bun:test";
import { getAdapter, providerNames } from "./registry.ts";

describe("provider registry", () => {
  test("known providers and OpenAI-compatible aliases", () => {
    expect(getAdapter("openai")?.name).toBe("openai");
    expect(getAdapter("azure")?.name).toBe("azure");
    expect(getAdapter("anthropic")?.name).toBe("anthropic");
    expect(getAdapter("ollama")?.name).toBe("ollama");
    for (const alias of ["openai-compatible", "vllm", "groq", "together", "mistral", "gemini", "lmstudio", "llamacpp", "deepseek", "openrouter"]) {
      const adapter = getAdapter(alias);
      expect(adapter?.name).toBe(alias);
      expect(adapter?.buildRequest).toBe(getAdapter("openai")?.buildRequest);
    }
    expect(getAdapter("OpenAI")?.name).toBe("openai");
    expect(getAdapter("nope")).toBeUndefined();
    expect(providerNames()).toContain("gemini");
  });

  test("every adapter declares its operations", () => {
    for (const name of providerNames()) expect(getAdapter(name)?.operations.has("chat")).toBe(true);
    expect(getAdapter("anthropic")?.operations.has("embeddings")).toBe(false);
  });
});
