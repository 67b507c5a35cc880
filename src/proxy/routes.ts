// The /v1 routes. Bodies are read by the handler itself (size limit, exact bytes), so Elysia's parser is off.
import { Elysia } from "elysia";
import type { KeyCache } from "../auth/key-cache.ts";
import { errorResponse, GatewayError } from "../errors.ts";
import { requestIdFrom } from "../http/request-context.ts";
import type { Logger } from "../log.ts";
import type { Router } from "../routing/router.ts";
import { authenticate } from "./auth.ts";
import { countTokensHandler } from "./count-tokens.ts";
import type { Endpoint, ServerControl } from "./handler.ts";

type Handle = (endpoint: Endpoint, request: Request, server: ServerControl | null) => Promise<Response>;

export function proxyRoutes(handle: Handle, keys: KeyCache, router: Router, log: Logger, maxBodyBytes: number) {
  // The handler answers its own failures from the gates on, settling their reservations; this catches
  // what fails before them (authentication, reading the body), where there is nothing to settle.
  const guarded = (endpoint: Endpoint) => async ({ request, server }: { request: Request; server: ServerControl | null }) => {
    try {
      return await handle(endpoint, request, server);
    } catch (error) {
      const requestId = requestIdFrom(request.headers);
      log.error("proxy request failed", { requestId, endpoint, error });
      return errorResponse(new GatewayError("internal_error", "internal error"), requestId);
    }
  };
  const hidden = { parse: "none" as const, detail: { hide: true } };
  return new Elysia({ name: "proxy-routes" })
    .post("/v1/chat/completions", guarded("chat"), hidden)
    .post("/v1/completions", guarded("completions"), hidden)
    .post("/v1/embeddings", guarded("embeddings"), hidden)
    .post("/v1/messages", guarded("messages"), hidden)
    .post("/v1/messages/count_tokens", countTokensHandler(keys, router, maxBodyBytes), hidden)
    .get(
      "/v1/models",
      async ({ request }) => {
        const requestId = requestIdFrom(request.headers);
        const checked = authenticate(keys, request.headers);
        const key = checked instanceof Promise ? await checked : checked;
        if (key instanceof GatewayError) return errorResponse(key, requestId);
        const models = router.models().filter((model) => key.allowedModels === null || key.allowedModels.has(model)).sort();
        const data = models.map((id) => ({ id, object: "model", created: 0, owned_by: "waddleai" }));
        return new Response(JSON.stringify({ object: "list", data }), { headers: { "content-type": "application/json", "x-request-id": requestId } });
      },
      { detail: { hide: true } },
    );
}
