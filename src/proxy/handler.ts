// The request pipeline of the proxy: authenticate → read and validate → gates (limits, scanning) →
// route and call the upstream → stream or answer → meter. One function serves the OpenAI routes and the
// Anthropic-format /v1/messages, which is translated on the way in and out, or forwarded as it is to
// links that speak the Messages API themselves (messages/native.ts).
import type { KeyCache, KeyRecord } from "../auth/key-cache.ts";
import type { Config } from "../config/schema.ts";
import { errorResponse, GatewayError } from "../errors.ts";
import { requestIdFrom } from "../http/request-context.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics/registry.ts";
import { OpenAIPassthroughStream } from "../providers/openai-compatible/index.ts";
import { completionToSse } from "../providers/shared/completion-sse.ts";
import { errorEvent, forOpenAIClients } from "../providers/shared/errors.ts";
import { isJsonObject } from "../providers/shared/json.ts";
import { usageToOpenAI } from "../providers/shared/usage.ts";
import type { JsonObject, Operation, StreamOptions, StreamTranslator, Usage } from "../providers/types.ts";
import type { RouteCandidate, Router } from "../routing/router.ts";
import { estimatePromptTokens, estimateUsage } from "../usage/estimate.ts";
import { countTextTokens } from "../usage/tokens.ts";
import { type RateTable, waddleaiTokens } from "../usage/rates.ts";
import type { UsageRelease, UsageWriter } from "../usage/writer.ts";
import { authenticate } from "./auth.ts";
import { attemptUpstreams, type AttemptsResult } from "./attempts.ts";
import { readJsonBody } from "./body.ts";
import type { GatePass, IngressFormat, RequestGate, SettledUsage } from "./gate.ts";
import {
  AnthropicPassthroughStream,
  anthropicErrorEvent,
  anthropicErrorResponse,
  anthropicErrorType,
  anthropicUsage,
  type MessagesIntake,
  messageToSse,
  nativeMessageAnswer,
  OpenAIToAnthropicStream,
  openAIToAnthropicResponse,
  readMessagesRequest,
  servesNatively,
} from "./messages/index.ts";
import { validateRequest } from "./validate.ts";

export type Endpoint = "chat" | "completions" | "embeddings" | "messages";

export interface ProxyDeps {
  config: Config;
  log: Logger;
  keys: KeyCache;
  router: Router;
  rates: RateTable;
  usage: UsageWriter;
  metrics: Metrics;
  gates: readonly RequestGate[];
}

/** What Bun's server offers the handler: lifting the idle timeout for long streams. */
export interface ServerControl {
  timeout(request: Request, seconds: number): void;
}

const encoder = new TextEncoder();

/** Everything known about one request, filled in as it goes, metered once at the end. */
interface Exchange {
  requestId: string;
  endpoint: Endpoint;
  operation: Operation;
  format: IngressFormat;
  started: number;
  key: KeyRecord;
  model: string;
  /** The request in OpenAI format (translated for /v1/messages). */
  body: JsonObject;
  /** /v1/messages only: the client's own request, for links that take it natively. */
  messages: MessagesIntake | null;
  /** The gateway's prompt-token estimate, once computed (the quota reservations' figure). */
  promptEstimate: number | null;
  bytesIn: number;
  passes: GatePass[];
  /** Whether the passes were settled: exactly once, however the request ends. */
  settled: boolean;
  /** Whether meter() ran: the usage event is recorded at most once. */
  metered: boolean;
  candidate: RouteCandidate | null;
  /** performance.now() when the upstream call was sent; the time before it is gateway overhead. */
  sentAt: number | null;
}

const STREAM_HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive", "x-accel-buffering": "no" } as const;

/** message_start's input-token estimate: JSON request bytes per token, roughly, for English text. */
const BYTES_PER_TOKEN_GUESS = 4;

/** Where a stream's bytes come from and how they become the client's SSE. */
interface StreamSource {
  body: ReadableStream<Uint8Array>;
  /** Upstream text → OpenAI-format SSE (or, on the native path, Anthropic SSE as it came). */
  translator: StreamTranslator;
  /** /v1/messages served in the chat format: OpenAI SSE → Anthropic SSE. */
  toAnthropic: OpenAIToAnthropicStream | null;
}

/** A stream of one piece of text, for answers synthesised from a JSON body. */
function textStream(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(text));
      controller.close();
    },
  });
}

function promptTokensOf(exchange: Exchange): number {
  exchange.promptEstimate ??= estimatePromptTokens(exchange.operation, exchange.model, exchange.body);
  return exchange.promptEstimate;
}

export function createProxyHandler(deps: ProxyDeps) {
  const { metrics } = deps;

  const fail = (format: IngressFormat, error: GatewayError, requestId: string, extraHeaders?: Record<string, string>): Response => {
    const response = format === "anthropic" ? anthropicErrorResponse(error, requestId) : errorResponse(forOpenAIClients(error), requestId);
    if (extraHeaders) for (const [name, value] of Object.entries(extraHeaders)) response.headers.set(name, value);
    return response;
  };

  /** The gates' response headers copied into `headers` (one object per request, filled in place). */
  const gateHeaders = (passes: readonly GatePass[], headers: Record<string, string>): Record<string, string> => {
    for (const pass of passes) if (pass.headers) Object.assign(headers, pass.headers);
    return headers;
  };

  /**
   * Settle every gate pass once, so quota reservations are handed over or back however the request ends
   * (one pass failing to settle does not keep the others from it).
   */
  const settlePasses = (exchange: Exchange, usage: SettledUsage) => {
    if (exchange.settled) return;
    exchange.settled = true;
    for (const pass of exchange.passes) {
      try {
        pass.settle?.(usage);
      } catch (error) {
        deps.log.error("gate settle failed", { requestId: exchange.requestId, error });
      }
    }
  };

  /** Record the finished exchange: usage event, gate settlement, metrics. Runs once; later calls do nothing. */
  const meter = (exchange: Exchange, outcome: { status: number; usage: Usage | null; estimated: boolean; ttftMs: number | null; bytesOut: number; postMs: number }) => {
    if (exchange.metered) return;
    exchange.metered = true;
    const now = performance.now();
    const candidate = exchange.candidate;
    const provider = candidate?.link.config.provider ?? null;
    const usage = outcome.usage ?? { promptTokens: 0, completionTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
    const rate = deps.rates.lookup(provider ?? "*", exchange.model);
    // Without a candidate no usage event is recorded, so nothing is spent: a quota pass then hands its
    // reservation straight back instead of setting a release that no event would carry.
    const units = candidate ? waddleaiTokens(usage.promptTokens, usage.completionTokens, rate) : 0;
    let release: UsageRelease | null = null;
    if (exchange.passes.length > 0) {
      const settled: SettledUsage = { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, waddleaiTokens: units, status: outcome.status, release: null };
      settlePasses(exchange, settled);
      release = settled.release;
    }
    if (candidate) {
      deps.usage.record({
        requestId: exchange.requestId,
        keyId: exchange.key.id,
        userId: exchange.key.userId,
        organizationId: exchange.key.organizationId,
        linkId: candidate.link.config.id,
        provider,
        model: exchange.model,
        endpoint: exchange.endpoint,
        promptTokens: usage.promptTokens,
        completionTokens: usage.completionTokens,
        cachedTokens: usage.cachedTokens,
        cacheWriteTokens: usage.cacheWriteTokens,
        reasoningTokens: usage.reasoningTokens,
        waddleaiTokens: units,
        estimated: outcome.estimated,
        status: outcome.status,
        latencyMs: now - exchange.started,
        ttftMs: outcome.ttftMs,
        bytesIn: exchange.bytesIn,
        bytesOut: outcome.bytesOut,
        createdAt: new Date(),
        release,
      });
      if (outcome.usage) metrics.addTokens(candidate.link.config.provider, exchange.model, usage, units);
    }
    const sentAt = exchange.sentAt ?? now;
    metrics.observeRequest({
      endpoint: exchange.endpoint,
      model: exchange.model,
      provider: provider ?? "none",
      link: candidate?.link.config.name ?? "none",
      status: outcome.status,
      durationS: (now - exchange.started) / 1000,
      upstreamS: exchange.sentAt === null ? undefined : (now - exchange.sentAt - outcome.postMs) / 1000,
      ttftS: outcome.ttftMs === null ? undefined : outcome.ttftMs / 1000,
      overheadS: (sentAt - exchange.started + outcome.postMs) / 1000,
    });
  };

  /** What a non-stream answer sends the client and what it used. */
  type JsonAnswer = { payload: JsonObject; usage: Usage; estimated: boolean };

  const unitsOf = (exchange: Exchange, usage: Usage): number =>
    waddleaiTokens(usage.promptTokens, usage.completionTokens, deps.rates.lookup((exchange.candidate as RouteCandidate).link.config.provider, exchange.model));

  /** The upstream's answer in OpenAI format (by its adapter), turned into an Anthropic message for /v1/messages. */
  const translatedAnswer = (exchange: Exchange, upstreamJson: unknown): JsonAnswer | GatewayError => {
    const candidate = exchange.candidate as RouteCandidate;
    const parsed = candidate.link.adapter.parseResponse(exchange.operation, upstreamJson, exchange.body, exchange.model);
    if (parsed instanceof GatewayError) return parsed;
    const usage = parsed.usage ?? estimateUsage(exchange.operation, exchange.model, exchange.body, completionTextOf(parsed.body));
    const units = unitsOf(exchange, usage);
    const body = parsed.body;
    // Behind an alias the client sees the name it asked for, not the target the upstream echoes.
    if (candidate.upstreamModel !== exchange.model) body.model = exchange.model;
    const usageObject = isJsonObject(body.usage) ? body.usage : usageToOpenAI(usage);
    // The contract names all four fields in every non-stream usage, embeddings too (OpenAI's own has
    // no completion_tokens there; an extra 0 is harmless to its SDKs).
    if (exchange.operation === "embeddings") usageObject.completion_tokens = 0;
    usageObject.waddleai_tokens = units;
    body.usage = usageObject;
    let payload: JsonObject = body;
    if (exchange.format === "anthropic") {
      payload = openAIToAnthropicResponse(body, exchange.model);
      if (isJsonObject(payload.usage)) payload.usage.waddleai_tokens = units;
    }
    return { payload, usage, estimated: parsed.usage === null };
  };

  /** The native /v1/messages answer: the upstream's message as it came (model aside), billing units added to its usage. */
  const nativeAnswer = (exchange: Exchange, upstreamJson: unknown): JsonAnswer | GatewayError => {
    const candidate = exchange.candidate as RouteCandidate;
    const parsed = nativeMessageAnswer(upstreamJson, exchange.model, candidate.upstreamModel !== exchange.model);
    if (parsed instanceof GatewayError) return parsed;
    const usage = parsed.usage ?? estimateUsage(exchange.operation, exchange.model, exchange.body, parsed.completionText);
    const usageObject = isJsonObject(parsed.body.usage) ? parsed.body.usage : anthropicUsage(usage);
    usageObject.waddleai_tokens = unitsOf(exchange, usage);
    parsed.body.usage = usageObject;
    return { payload: parsed.body, usage, estimated: parsed.usage === null };
  };

  const isNative = (exchange: Exchange): boolean => exchange.messages !== null && exchange.candidate !== null && servesNatively(exchange.candidate);

  const answerJson = (exchange: Exchange, upstreamJson: unknown, headers: Record<string, string>): Response => {
    const afterUpstream = performance.now();
    const answer = isNative(exchange) ? nativeAnswer(exchange, upstreamJson) : translatedAnswer(exchange, upstreamJson);
    if (answer instanceof GatewayError) {
      meter(exchange, { status: answer.status, usage: null, estimated: false, ttftMs: null, bytesOut: 0, postMs: performance.now() - afterUpstream });
      return fail(exchange.format, answer, exchange.requestId, headers);
    }
    const text = JSON.stringify(answer.payload);
    meter(exchange, { status: 200, usage: answer.usage, estimated: answer.estimated, ttftMs: null, bytesOut: Buffer.byteLength(text), postMs: performance.now() - afterUpstream });
    headers["content-type"] = "application/json";
    return new Response(text, { status: 200, headers });
  };

  /**
   * How the upstream's answer becomes the client's stream: through the link's translator (and on to
   * Anthropic SSE for /v1/messages), as it came on the native path, or — when the upstream answered a
   * stream request with one JSON completion — from that completion re-told as a stream.
   */
  const streamSource = (exchange: Exchange, result: AttemptsResult & { ok: true }, includeUsage: boolean): StreamSource | GatewayError => {
    const { candidate } = result;
    const renameModel = candidate.upstreamModel !== exchange.model;
    const upstreamBody = result.response.body as ReadableStream<Uint8Array>;
    if (isNative(exchange)) {
      const translator = new AnthropicPassthroughStream({ model: exchange.model, renameModel });
      if (result.json === undefined) return { body: upstreamBody, translator, toAnthropic: null };
      const message = nativeMessageAnswer(result.json, exchange.model, false);
      if (message instanceof GatewayError) return message;
      return { body: textStream(messageToSse(message.body)), translator, toAnthropic: null };
    }
    const rate = deps.rates.lookup(candidate.link.config.provider, exchange.model);
    const options: StreamOptions = {
      // /v1/messages always reports usage in message_delta; the OpenAI client sees it only if it asked.
      includeUsage: exchange.format === "anthropic" || includeUsage,
      decorateUsage: (usage, parsed) => {
        usage.waddleai_tokens = waddleaiTokens(parsed.promptTokens, parsed.completionTokens, rate);
      },
      estimateUsage: (completionText) => ({ ...estimateUsage(exchange.operation, exchange.model, exchange.body, completionText), promptTokens: promptTokensOf(exchange) }),
      model: exchange.model,
      renameModel,
    };
    // message_start comes before any usage from the upstream: it carries a cheap estimate (about four bytes
    // of request per token), not the tokenizer's, which would cost a full encoding pass on every stream
    // (and building an encoder, ~80 MB and up to seconds, on the first). The usage recorded and reported
    // in message_delta stays the upstream's own.
    const toAnthropic = exchange.format === "anthropic" ? new OpenAIToAnthropicStream({ model: exchange.model, estimatedInputTokens: Math.max(1, Math.round(exchange.bytesIn / BYTES_PER_TOKEN_GUESS)) }) : null;
    if (result.json === undefined) {
      return { body: upstreamBody, translator: candidate.link.adapter.createStreamTranslator(exchange.operation, options), toAnthropic };
    }
    const parsed = candidate.link.adapter.parseResponse(exchange.operation, result.json, exchange.body, exchange.model);
    if (parsed instanceof GatewayError) return parsed;
    if (parsed.usage !== null && !isJsonObject(parsed.body.usage)) parsed.body.usage = usageToOpenAI(parsed.usage);
    // Re-told in OpenAI's chunk format, which the OpenAI passthrough reads like any upstream stream.
    return { body: textStream(completionToSse(exchange.operation, parsed.body)), translator: new OpenAIPassthroughStream(exchange.operation, options), toAnthropic };
  };

  const answerStream = (exchange: Exchange, source: StreamSource, controller: AbortController, clearTotal: () => void, idleMs: number, headers: Record<string, string>): Response => {
    const candidate = exchange.candidate as RouteCandidate;
    const { translator, toAnthropic: anthropic } = source;
    const reader = source.body.getReader();
    const decoder = new TextDecoder();
    let bytesOut = 0;
    let ttftMs: number | null = null;
    let postMs = 0;
    let done = false;
    let idleTimer: Timer | null = null;

    /** `broken`: the gateway itself failed mid-stream (a bug), which is no fault of the link. */
    const finalize = (clientGone: boolean, broken = false) => {
      if (done) return;
      done = true;
      if (idleTimer) clearTimeout(idleTimer);
      clearTotal();
      deps.router.end(candidate);
      const reported = anthropic?.usage ?? translator.usage;
      // Anthropic reports the input in message_start, with an output of 1 or so, and the output only in
      // message_delta: a stream that did not reach its end (client gone, upstream cut or failed) is billed
      // for the text it streamed, never less.
      const partial = reported !== null && !translator.finished;
      let usage = reported ?? { ...estimateUsage(exchange.operation, exchange.model, exchange.body, translator.completionText), promptTokens: promptTokensOf(exchange) };
      if (partial) usage = { ...usage, completionTokens: Math.max(usage.completionTokens, countTextTokens(exchange.model, translator.completionText)) };
      const streamError = translator.error ?? anthropic?.error ?? null;
      const status = clientGone ? 499 : broken ? 500 : streamError ? streamError.status : 200;
      // Success was reported when the headers came; a stream that broke afterwards counts against the link.
      if (streamError && !clientGone && !broken) deps.router.report(candidate, "failed", performance.now() - (exchange.sentAt ?? exchange.started), streamError.message);
      meter(exchange, { status, usage, estimated: reported === null || partial, ttftMs, bytesOut, postMs });
      metrics.inFlight(exchange.endpoint, -1);
    };

    /** Returns whether anything was sent. */
    const emit = (streamController: ReadableStreamDefaultController<Uint8Array>, text: string): boolean => {
      if (text.length === 0) return false;
      const out = anthropic ? anthropic.push(text) : text;
      if (out.length === 0) return false;
      const bytes = encoder.encode(out);
      bytesOut += bytes.byteLength;
      if (ttftMs === null) ttftMs = performance.now() - exchange.started;
      streamController.enqueue(bytes);
      return true;
    };

    /** The upstream ended (or broke): flush the translators' tails, then meter. */
    const end = (streamController: ReadableStreamDefaultController<Uint8Array>) => {
      const began = performance.now();
      emit(streamController, translator.finish());
      if (anthropic) {
        const tail = anthropic.finish();
        if (tail) {
          const bytes = encoder.encode(tail);
          bytesOut += bytes.byteLength;
          streamController.enqueue(bytes);
        }
      }
      postMs += performance.now() - began;
      finalize(false);
      streamController.close();
    };

    /**
     * The gateway failed mid-stream (a translator or metering threw): stop the upstream, meter and settle
     * what there is, and end the stream with an error event rather than a silent cut.
     */
    const breakDown = (streamController: ReadableStreamDefaultController<Uint8Array>, error: unknown) => {
      deps.log.error("proxy stream failed", { requestId: exchange.requestId, endpoint: exchange.endpoint, error });
      controller.abort(new DOMException("the gateway failed", "AbortError"));
      reader.cancel().catch(() => {});
      const failure = new GatewayError("internal_error", "internal error");
      try {
        finalize(false, true);
      } catch (meterError) {
        deps.log.error("proxy stream metering failed", { requestId: exchange.requestId, error: meterError });
      }
      // Should metering have failed before settling, the reservations are still handed back.
      settlePasses(exchange, { promptTokens: 0, completionTokens: 0, waddleaiTokens: 0, status: failure.status, release: null });
      try {
        const event = exchange.format === "anthropic" ? anthropicErrorEvent(anthropicErrorType(failure.status), failure.message) : errorEvent(failure);
        streamController.enqueue(encoder.encode(event));
        streamController.close();
      } catch {
        // The stream was closed already: nothing more can be said on it.
      }
    };

    const body = new ReadableStream<Uint8Array>({
      // Reads until something was sent: Bun does not pull again after a pull that enqueued nothing (an
      // upstream chunk holding only a `ping` or a block start), which would stall the stream.
      pull: async (streamController) => {
        try {
          for (;;) {
            idleTimer = setTimeout(() => controller.abort(new DOMException("upstream idle timeout", "TimeoutError")), idleMs);
            let chunk: Awaited<ReturnType<typeof reader.read>>;
            try {
              chunk = await reader.read();
            } catch {
              // The upstream connection broke (reset, idle or total timeout); finish() ends the stream with an
              // error event, never a silent cut.
              clearTimeout(idleTimer);
              if (!done) end(streamController);
              return;
            }
            clearTimeout(idleTimer);
            if (done) return;
            if (chunk.done) return end(streamController);
            const began = performance.now();
            const sent = emit(streamController, translator.push(decoder.decode(chunk.value, { stream: true })));
            postMs += performance.now() - began;
            if (sent) return;
          }
        } catch (error) {
          breakDown(streamController, error);
        }
      },
      cancel: () => {
        // The client went away: stop the upstream at once and meter what was seen, as an estimate.
        controller.abort(new DOMException("client closed the connection", "AbortError"));
        reader.cancel().catch(() => {});
        finalize(true);
      },
    });

    Object.assign(headers, STREAM_HEADERS);
    return new Response(body, { status: 200, headers });
  };

  return async function handle(endpoint: Endpoint, request: Request, server: ServerControl | null): Promise<Response> {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers);
    const format: IngressFormat = endpoint === "messages" ? "anthropic" : "openai";
    const operation: Operation = endpoint === "messages" ? "chat" : endpoint;

    /** A request refused before any upstream was asked: answered and counted, nothing to meter. */
    const refuse = (error: GatewayError, model: string | null, extraHeaders?: Record<string, string>): Response => {
      const durationS = (performance.now() - started) / 1000;
      // Unknown model names stay out of the labels: clients can send anything.
      metrics.observeRequest({ endpoint, model: model ?? "none", provider: "none", link: "none", status: error.status, durationS, overheadS: durationS });
      return fail(format, error, requestId, extraHeaders);
    };

    const authenticated = authenticate(deps.keys, request.headers);
    const key = authenticated instanceof Promise ? await authenticated : authenticated;
    if (key instanceof GatewayError) return refuse(key, null);

    const read = await readJsonBody(request, deps.config.maxBodyBytes);
    if (read instanceof GatewayError) return refuse(read, null);
    const messages = format === "anthropic" ? readMessagesRequest(read.body, request.headers) : null;
    if (messages instanceof GatewayError) return refuse(messages, null);
    const body = messages?.body ?? read.body;
    const valid = validateRequest(operation, body);
    if (valid instanceof GatewayError) return refuse(valid, null);

    if (key.allowedModels !== null && !key.allowedModels.has(valid.model)) {
      return refuse(new GatewayError("model_not_allowed", `this API key may not use model ${valid.model}`, { param: "model" }), deps.router.serves(valid.model) ? valid.model : null);
    }
    let plan = deps.router.plan(valid.model);
    if (plan.length === 0) {
      return refuse(new GatewayError("model_not_found", `The model \`${valid.model}\` does not exist or you do not have access to it.`, { param: "model" }), null);
    }
    if (messages?.untranslatable) {
      // Only links that take the Messages body as it is can carry this request (server tools, …).
      plan = plan.filter(servesNatively);
      if (plan.length === 0) return refuse(messages.untranslatable, valid.model);
    }

    const exchange: Exchange = {
      requestId, endpoint, operation, format, started, key, model: valid.model, body, messages, promptEstimate: null, bytesIn: read.bytes,
      passes: [], settled: false, metered: false, candidate: null, sentAt: null,
    };
    // From the first gate on, the request may hold reservations: whatever fails from here, they are
    // settled (and the request metered) exactly once.
    try {
      for (const gate of deps.gates) {
        const checked = gate.check({ requestId, key, operation, format, model: valid.model, body, maxTokens: valid.maxTokens });
        const verdict = checked instanceof Promise ? await checked : checked;
        if (verdict instanceof GatewayError) {
          settlePasses(exchange, { promptTokens: 0, completionTokens: 0, waddleaiTokens: 0, status: verdict.status, release: null });
          return refuse(verdict, valid.model, Object.assign(gateHeaders(exchange.passes, {}), verdict.headers));
        }
        exchange.passes.push(verdict);
      }
      const headers = gateHeaders(exchange.passes, { "x-request-id": requestId });

      metrics.inFlight(endpoint, 1);
      let streaming = false;
      try {
        if (valid.stream) server?.timeout(request, 0);
        exchange.sentAt = performance.now();
        const build = messages
          ? (candidate: RouteCandidate) => messages.nativeRequest(candidate) ?? candidate.link.adapter.buildRequest(operation, candidate.link.config, body, candidate.upstreamModel)
          : undefined;
        const result = await attemptUpstreams({
          requestId, operation, body, stream: valid.stream, plan, build, clientSignal: request.signal, router: deps.router, metrics, log: deps.log,
        });
        exchange.candidate = result.candidate;
        if (!result.ok) {
          const status = result.clientGone ? 499 : format === "openai" ? forOpenAIClients(result.error).status : result.error.status;
          meter(exchange, { status, usage: null, estimated: false, ttftMs: null, bytesOut: 0, postMs: 0 });
          if (result.candidate) headers["x-waddleai-link"] = result.candidate.link.config.name;
          return fail(format, result.error, requestId, headers);
        }
        exchange.sentAt = result.sentAt;
        headers["x-waddleai-link"] = result.candidate.link.config.name;
        if (valid.stream) {
          let response: Response;
          try {
            const source = streamSource(exchange, result, valid.includeUsage);
            if (source instanceof GatewayError) {
              // A JSON answer to a stream request that is no answer at all: nothing was streamed yet.
              result.clearTotal();
              deps.router.end(result.candidate);
              meter(exchange, { status: source.status, usage: null, estimated: false, ttftMs: null, bytesOut: 0, postMs: 0 });
              return fail(format, source, requestId, headers);
            }
            response = answerStream(exchange, source, result.controller, result.clearTotal, result.timeouts.idleMs, headers);
          } catch (error) {
            // The stream never started: let the upstream go before the failure is answered.
            result.controller.abort(new DOMException("the gateway failed", "AbortError"));
            result.clearTotal();
            deps.router.end(result.candidate);
            throw error;
          }
          // From here the stream meters itself and ends the in-flight count when it finishes.
          streaming = true;
          return response;
        }
        let upstreamJson: unknown;
        try {
          upstreamJson = await result.response.json();
        } catch {
          const error = new GatewayError("upstream_error", "the provider sent a response that is not valid JSON");
          meter(exchange, { status: error.status, usage: null, estimated: false, ttftMs: null, bytesOut: 0, postMs: 0 });
          return fail(format, error, requestId, headers);
        } finally {
          result.clearTotal();
          deps.router.end(result.candidate);
        }
        return answerJson(exchange, upstreamJson, headers);
      } finally {
        if (!streaming) metrics.inFlight(endpoint, -1);
      }
    } catch (error) {
      deps.log.error("proxy request failed", { requestId, endpoint, error });
      const failure = new GatewayError("internal_error", "internal error");
      try {
        meter(exchange, { status: failure.status, usage: null, estimated: false, ttftMs: null, bytesOut: 0, postMs: 0 });
      } catch (meterError) {
        deps.log.error("proxy request metering failed", { requestId, endpoint, error: meterError });
      }
      // Should metering have failed before settling, the reservations are still handed back.
      settlePasses(exchange, { promptTokens: 0, completionTokens: 0, waddleaiTokens: 0, status: failure.status, release: null });
      return fail(format, failure, requestId);
    }
  };
}

/** Text of a non-stream answer, for estimating completion tokens when the upstream gave no usage. */
function completionTextOf(body: JsonObject): string {
  const choices = body.choices;
  if (!Array.isArray(choices)) return "";
  let text = "";
  for (const choice of choices) {
    if (!isJsonObject(choice)) continue;
    if (typeof choice.text === "string") text += choice.text;
    const message = choice.message;
    if (isJsonObject(message)) {
      if (typeof message.content === "string") text += message.content;
      if (Array.isArray(message.tool_calls)) {
        for (const call of message.tool_calls) {
          if (isJsonObject(call) && isJsonObject(call.function)) text += String(call.function.name ?? "") + String(call.function.arguments ?? "");
        }
      }
    }
  }
  return text;
}
