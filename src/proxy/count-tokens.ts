// POST /v1/messages/count_tokens (Anthropic format): the prompt's tokens counted locally with the
// gateway's tokenizer, after the same translation /v1/messages uses, so the number matches what the
// gateway would meter as an estimate. Nothing is sent upstream and nothing is metered.
import type { KeyCache } from "../auth/key-cache.ts";
import { GatewayError } from "../errors.ts";
import { requestIdFrom } from "../http/request-context.ts";
import type { JsonObject } from "../providers/types.ts";
import type { Router } from "../routing/router.ts";
import { countChatPromptTokens } from "../usage/tokens.ts";
import { authenticate } from "./auth.ts";
import { readJsonBody } from "./body.ts";
import { anthropicErrorResponse, anthropicToOpenAIRequest } from "./messages/index.ts";

/** `maxBodyBytes` is the proxy's MAX_BODY_BYTES: counting reads the same prompts /v1/messages accepts. */
export function countTokensHandler(keys: KeyCache, router: Router, maxBodyBytes: number) {
  return async ({ request }: { request: Request }): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    const fail = (error: GatewayError) => anthropicErrorResponse(error, requestId);
    const checked = authenticate(keys, request.headers);
    const key = checked instanceof Promise ? await checked : checked;
    if (key instanceof GatewayError) return fail(key);
    const read = await readJsonBody(request, maxBodyBytes);
    if (read instanceof GatewayError) return fail(read);
    // count_tokens takes no max_tokens, which the Messages translation insists on. Lenient, as /v1/messages
    // is for links that take it natively: server tools and documents in tool results are counted as text.
    const body: JsonObject = { ...read.body, max_tokens: 1, stream: false };
    const translated = anthropicToOpenAIRequest(body, { lenient: true });
    if (translated instanceof GatewayError) return fail(translated);
    const model = typeof translated.model === "string" ? translated.model : "";
    if (key.allowedModels !== null && !key.allowedModels.has(model)) {
      return fail(new GatewayError("model_not_allowed", `this API key may not use model ${model}`, { param: "model" }));
    }
    if (!router.serves(model)) return fail(new GatewayError("model_not_found", `model: ${model}`, { param: "model" }));
    const inputTokens = countChatPromptTokens(model, translated.messages, translated.tools);
    return new Response(JSON.stringify({ input_tokens: inputTokens }), {
      headers: { "content-type": "application/json", "x-request-id": requestId, "request-id": requestId },
    });
  };
}
