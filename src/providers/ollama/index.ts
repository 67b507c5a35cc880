// The Ollama adapter, on Ollama's native API (its thinking, tool and metrics fields are richer than /v1).

import type { Operation, ProviderAdapter } from "../types.ts";
import { buildOllamaListModelsRequest, buildOllamaRequest, parseOllamaModelList } from "./request.ts";
import { parseOllamaResponse } from "./response.ts";
import { OllamaToOpenAIStream } from "./stream.ts";
import { normalizeOllamaError } from "./errors.ts";

export const ollamaAdapter: ProviderAdapter = {
  name: "ollama",
  operations: new Set<Operation>(["chat", "completions", "embeddings"]),
  buildRequest: buildOllamaRequest,
  parseResponse: parseOllamaResponse,
  createStreamTranslator: (operation, options) => new OllamaToOpenAIStream(operation, options),
  normalizeError: normalizeOllamaError,
  buildListModelsRequest: buildOllamaListModelsRequest,
  parseModelList: parseOllamaModelList,
};

export { float32Base64 } from "./response.ts";
export { OllamaToOpenAIStream } from "./stream.ts";
