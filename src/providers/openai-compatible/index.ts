// The OpenAI adapter (OpenAI and every OpenAI-compatible server) and its Azure variant.

import type { ProviderAdapter } from "../types.ts";
import { buildOpenAIListModelsRequest, buildOpenAIRequest, parseOpenAIModelList } from "./request.ts";
import { parseOpenAIResponse } from "./response.ts";
import { OpenAIPassthroughStream } from "./stream.ts";
import { normalizeOpenAIError } from "./errors.ts";
import { buildAzureRequest } from "./azure.ts";

const OPERATIONS = new Set(["chat", "completions", "embeddings"] as const);

export const openAIAdapter: ProviderAdapter = {
  name: "openai",
  operations: OPERATIONS,
  buildRequest: buildOpenAIRequest,
  parseResponse: (_operation, body) => parseOpenAIResponse(body),
  createStreamTranslator: (operation, options) => new OpenAIPassthroughStream(operation, options),
  normalizeError: normalizeOpenAIError,
  buildListModelsRequest: buildOpenAIListModelsRequest,
  parseModelList: parseOpenAIModelList,
};

export const azureOpenAIAdapter: ProviderAdapter = {
  ...openAIAdapter,
  name: "azure",
  buildRequest: buildAzureRequest,
  // Deployments are listed only by Azure's management API, so links must name their models.
  buildListModelsRequest: () => null,
};

export { OpenAIPassthroughStream } from "./stream.ts";
export { usageFromOpenAI } from "../shared/usage.ts";
