// Azure OpenAI: the OpenAI wire format behind per-deployment URLs, an `api-version` query and `api-key`.

import type { JsonObject, LinkConfig, Operation, UpstreamRequest } from "../types.ts";
import { isJsonObject } from "../shared/json.ts";
import { joinUrl, jsonPost, linkHeaders } from "../shared/request.ts";
import { openAIUpstreamBody } from "./request.ts";

const DEFAULT_API_VERSION = "2024-10-21";

const OPERATION_PATHS: Record<Operation, string> = {
  chat: "/chat/completions",
  completions: "/completions",
  embeddings: "/embeddings",
};

/** The deployment serving `model`: `options.deployments[model]` when mapped, else the model name itself. */
export function azureDeployment(link: LinkConfig, model: string): string {
  const deployments = link.options.deployments;
  if (isJsonObject(deployments)) {
    const mapped = deployments[model];
    if (typeof mapped === "string" && mapped.length > 0) return mapped;
  }
  return model;
}

function azureHeaders(link: LinkConfig): Record<string, string> {
  const headers = linkHeaders(link);
  if (link.apiKey) headers["api-key"] = link.apiKey;
  return headers;
}

export function buildAzureRequest(operation: Operation, link: LinkConfig, body: JsonObject, model: string): UpstreamRequest {
  const apiVersion = typeof link.options.api_version === "string" ? link.options.api_version : DEFAULT_API_VERSION;
  const deployment = encodeURIComponent(azureDeployment(link, model));
  const url = joinUrl(
    link.endpointUrl,
    `/openai/deployments/${deployment}${OPERATION_PATHS[operation]}?api-version=${encodeURIComponent(apiVersion)}`,
  );
  return jsonPost(url, azureHeaders(link), openAIUpstreamBody(operation, link, body, model));
}
