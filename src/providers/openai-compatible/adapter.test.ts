import { describe, expect, test } from "bun:test";
import { azureOpenAIAdapter, openAIAdapter } from "./index.ts";
import { readFixture, readJsonFixture, testLink } from "../shared/wire-fixtures.ts";
import { GatewayError } from "../../errors.ts";
import { forOpenAIClients } from "../shared/errors.ts";
import type { JsonObject, ParsedResponse, UpstreamRequest } from "../types.ts";

function request(value: UpstreamRequest | GatewayError): UpstreamRequest {
  if (value instanceof GatewayError) throw value;
  return value;
}

function parsed(value: ParsedResponse | GatewayError): ParsedResponse {
  if (value instanceof GatewayError) throw value;
  return value;
}

describe("OpenAI request building", () => {
  test("chat body passes through with the upstream model and usage requested for streams", () => {
    const body = readJsonFixture("openai-chat/stream-with-usage.request.json") as JsonObject;
    const built = request(openAIAdapter.buildRequest("chat", testLink({ endpointUrl: "https://api.openai.com/v1/" }), body, "gpt-4o-mini-2024-07-18"));
    expect(built.url).toBe("https://api.openai.com/v1/chat/completions");
    expect(built.method).toBe("POST");
    expect(built.headers.authorization).toBe("Bearer sk-test-secret-0123456789abcdef");
    expect(built.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(built.body ?? "")).toEqual({ ...body, model: "gpt-4o-mini-2024-07-18", stream_options: { include_usage: true } });
  });

  test("other stream_options keys are kept; non-stream bodies untouched apart from model", () => {
    const streaming = request(
      openAIAdapter.buildRequest("chat", testLink(), { model: "alias", stream: true, stream_options: { include_obfuscation: false }, messages: [] }, "real"),
    );
    expect(JSON.parse(streaming.body ?? "")).toEqual({
      model: "real",
      stream: true,
      stream_options: { include_obfuscation: false, include_usage: true },
      messages: [],
    });
    const plain = request(openAIAdapter.buildRequest("chat", testLink(), { model: "alias", messages: [], temperature: 0.2 }, "real"));
    expect(JSON.parse(plain.body ?? "")).toEqual({ model: "real", messages: [], temperature: 0.2 });
  });

  test("completions and embeddings endpoints; no auth header without a key; extra headers", () => {
    const link = testLink({ apiKey: null, endpointUrl: "http://localhost:8080/v1", options: { headers: { "X-Title": "waddle" } } });
    const completions = request(openAIAdapter.buildRequest("completions", link, { prompt: "hi" }, "m"));
    expect(completions.url).toBe("http://localhost:8080/v1/completions");
    expect(completions.headers.authorization).toBeUndefined();
    expect(completions.headers["x-title"]).toBe("waddle");
    const embeddings = request(openAIAdapter.buildRequest("embeddings", link, readJsonFixture("openai-chat/embeddings-base64.request.json") as JsonObject, "e"));
    expect(embeddings.url).toBe("http://localhost:8080/v1/embeddings");
    expect(JSON.parse(embeddings.body ?? "")).toMatchObject({ model: "e", encoding_format: "base64", dimensions: 256 });
  });

  test("stream_usage: false leaves stream_options alone for servers that reject it", () => {
    const built = request(openAIAdapter.buildRequest("chat", testLink({ options: { stream_usage: false } }), { stream: true, messages: [] }, "m"));
    expect(JSON.parse(built.body ?? "").stream_options).toBeUndefined();
  });

  test("model discovery", () => {
    const listRequest = openAIAdapter.buildListModelsRequest(testLink());
    expect(listRequest).toEqual({ url: "https://api.example.test/v1/models", method: "GET", headers: { authorization: "Bearer sk-test-secret-0123456789abcdef" } });
    const ids = openAIAdapter.parseModelList(readJsonFixture("openai-chat/models-list.json"));
    expect(ids).toContain("gpt-5-nano");
    expect(ids).toContain("gpt-4");
    expect(openAIAdapter.parseModelList({ nope: true })).toEqual([]);
  });
});

describe("Azure OpenAI request building", () => {
  test("deployment URL, api-version and api-key header", () => {
    const link = testLink({ provider: "azure", endpointUrl: "https://res.openai.azure.com/", apiKey: "azure-key-123456" });
    const built = request(azureOpenAIAdapter.buildRequest("chat", link, { messages: [], stream: true }, "gpt-4o"));
    expect(built.url).toBe("https://res.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21");
    expect(built.headers["api-key"]).toBe("azure-key-123456");
    expect(built.headers.authorization).toBeUndefined();
    expect(JSON.parse(built.body ?? "").stream_options).toEqual({ include_usage: true });
  });

  test("deployment map and api_version option", () => {
    const link = testLink({ endpointUrl: "https://res.openai.azure.com", options: { api_version: "2025-01-01-preview", deployments: { "text-embedding-3-small": "emb-prod" } } });
    const built = request(azureOpenAIAdapter.buildRequest("embeddings", link, { input: "x" }, "text-embedding-3-small"));
    expect(built.url).toBe("https://res.openai.azure.com/openai/deployments/emb-prod/embeddings?api-version=2025-01-01-preview");
    expect(azureOpenAIAdapter.buildListModelsRequest(link)).toBeNull();
  });
});

describe("OpenAI responses", () => {
  test("usage normalised, body returned as is", () => {
    const body = readJsonFixture("openai-chat/nonstream-basic.json");
    const result = parsed(openAIAdapter.parseResponse("chat", body, {}, "m"));
    expect(result.body).toBe(body as JsonObject);
    expect(result.usage).toEqual({ promptTokens: 16, completionTokens: 363, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  test("cached, cache-write and reasoning tokens", () => {
    expect(parsed(openAIAdapter.parseResponse("chat", readJsonFixture("openai-chat/usage-with-cached-tokens.json"), {}, "m")).usage).toEqual({
      promptTokens: 4020,
      completionTokens: 4,
      cachedTokens: 4012,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    });
    expect(parsed(openAIAdapter.parseResponse("chat", readJsonFixture("openai-chat/usage-with-cache-write-tokens.json"), {}, "m")).usage?.cacheWriteTokens).toBe(4012);
    expect(parsed(openAIAdapter.parseResponse("chat", readJsonFixture("openai-chat/usage-with-reasoning-tokens.json"), {}, "m")).usage?.reasoningTokens).toBe(192);
  });

  test("embeddings usage has no completion tokens", () => {
    const result = parsed(openAIAdapter.parseResponse("embeddings", readJsonFixture("openai-chat/embeddings.json"), {}, "m"));
    expect(result.usage).toEqual({ promptTokens: 7, completionTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  test("a body without usage reports none; a non-object body is an upstream error", () => {
    expect(parsed(openAIAdapter.parseResponse("chat", { choices: [] }, {}, "m")).usage).toBeNull();
    expect(openAIAdapter.parseResponse("chat", "oops", {}, "m")).toBeInstanceOf(GatewayError);
  });
});

describe("OpenAI error normalisation", () => {
  const link = testLink();

  test("400 keeps the upstream message and param", () => {
    const error = openAIAdapter.normalizeError(400, readFixture("openai-chat/error-400-context-length.json"), link);
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_request_error");
    expect(error.param).toBe("messages");
    expect(error.message).toContain("Input tokens exceed the configured limit");
    const unsupported = openAIAdapter.normalizeError(400, readFixture("openai-chat/error-400-unsupported-parameter.json"), link);
    expect(unsupported.param).toBe("max_tokens");
  });

  test("404 model not found", () => {
    const error = openAIAdapter.normalizeError(404, readFixture("openai-chat/error-404-model-not-found.json"), link);
    expect(error.status).toBe(404);
    expect(error.code).toBe("model_not_found");
    expect(error.message).toContain("gpt-4.1-nano-wrong");
  });

  test("404 without a JSON body points at the endpoint URL", () => {
    const error = openAIAdapter.normalizeError(404, "<html>Not Found</html>", link);
    expect(error.code).toBe("upstream_error");
    expect(error.status).toBe(502);
  });

  test("429 becomes rate_limit_exceeded without the operator's organisation", () => {
    const error = openAIAdapter.normalizeError(429, readFixture("openai-chat/error-429.json"), link);
    expect(error.status).toBe(429);
    expect(error.code).toBe("rate_limit_exceeded");
    expect(error.message).not.toContain("org-");
  });

  test("401/403 become upstream_auth_error and never echo a key", () => {
    const body = JSON.stringify({
      error: { message: "Incorrect API key provided: sk-test-secret-0123456789abcdef.", type: "invalid_request_error", code: "invalid_api_key" },
    });
    for (const status of [401, 403]) {
      const error = openAIAdapter.normalizeError(status, body, link);
      expect(error.status).toBe(502);
      expect(error.code).toBe("upstream_auth_error");
      expect(error.message).toContain('"primary"');
      expect(JSON.stringify(error.toBody())).not.toContain("sk-");
    }
  });

  test("5xx, overloaded and timeouts", () => {
    const server = openAIAdapter.normalizeError(500, JSON.stringify({ error: { message: "boom with key sk-test-secret-0123456789abcdef" } }), link);
    expect(server.code).toBe("upstream_error");
    expect(server.status).toBe(502);
    expect(server.message).not.toContain("sk-test");
    expect(openAIAdapter.normalizeError(503, "", link).code).toBe("upstream_unavailable");
    expect(openAIAdapter.normalizeError(503, "", link).status).toBe(503);
    expect(forOpenAIClients(openAIAdapter.normalizeError(529, "", link)).status).toBe(503);
    expect(openAIAdapter.normalizeError(504, "", link).code).toBe("upstream_timeout");
  });

  test("insufficient_quota is the link's problem, not the client's", () => {
    const error = openAIAdapter.normalizeError(429, JSON.stringify({ error: { message: "You exceeded your current quota", type: "insufficient_quota", code: "insufficient_quota" } }), link);
    expect(error.code).toBe("upstream_error");
  });

  test("compatible servers' error shapes", () => {
    expect(openAIAdapter.normalizeError(400, JSON.stringify({ error: "bad things" }), link).message).toBe("bad things");
    expect(openAIAdapter.normalizeError(404, JSON.stringify({ object: "error", message: "The model `x` does not exist.", type: "NotFoundError", code: 404 }), link).code).toBe("model_not_found");
    expect(openAIAdapter.normalizeError(422, JSON.stringify({ detail: "Extra inputs are not permitted" }), link).message).toBe("Extra inputs are not permitted");
  });
});

describe("a 200 that carries an error envelope", () => {
  test("is an upstream error, not an answer", async () => {
    const { parseOpenAIResponse } = await import("./response.ts");
    const result = parseOpenAIResponse({ error: { message: "boom", type: "server_error" }, usage: { prompt_tokens: 9, completion_tokens: 0, total_tokens: 9 } });
    expect(result).toBeInstanceOf(GatewayError);
    expect((result as GatewayError).message).toContain("boom");
    expect(parseOpenAIResponse({ object: "chat.completion", choices: [], usage: null })).not.toBeInstanceOf(GatewayError);
  });
});

describe("OpenAI reasoning models", () => {
  test("max_tokens is sent as max_completion_tokens to o-series and gpt-5 models only", async () => {
    const { openAIUpstreamBody } = await import("./request.ts");
    const link = testLink();
    const body = { model: "alias", max_tokens: 100, messages: [{ role: "user", content: "hi" }] };
    expect(openAIUpstreamBody("chat", link, body, "gpt-5-nano")).toMatchObject({ model: "gpt-5-nano", max_completion_tokens: 100 });
    expect(openAIUpstreamBody("chat", link, body, "o3-mini")).not.toHaveProperty("max_tokens");
    expect(openAIUpstreamBody("chat", link, body, "gpt-4o-mini")).toMatchObject({ max_tokens: 100 });
    expect(openAIUpstreamBody("chat", link, { ...body, max_completion_tokens: 50 }, "o4-mini")).toMatchObject({ max_tokens: 100, max_completion_tokens: 50 });
  });
});
