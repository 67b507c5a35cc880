// OpenAI chat-chunk SSE → Anthropic Messages SSE, for the /v1/messages ingress.
//
// OpenAI streams one choice whose deltas mix text and tool-call fragments; Anthropic streams numbered
// content blocks that open, receive deltas and close, one at a time. Usage comes last in OpenAI (the
// usage chunk) and is reported in message_delta, which Anthropic's SDKs read as the final totals.

import type { GatewayError } from "../../errors.ts";
import type { JsonObject, Usage } from "../../providers/types.ts";
import { SseParser, encodeSseEvent, type SseEvent } from "../../streaming/sse.ts";
import { isJsonObject, numberField, parseJson, stringField } from "../../providers/shared/json.ts";
import { randomId } from "../../providers/shared/ids.ts";
import { usageFromOpenAI } from "../../providers/shared/usage.ts";
import { streamError, truncatedStreamError } from "../../providers/shared/errors.ts";
import { anthropicUsage, stopReasonFromFinishReason } from "./response.ts";
import { anthropicErrorEvent, anthropicErrorType, anthropicErrorTypeForCode } from "./errors.ts";

export interface AnthropicStreamOptions {
  /** The model name the client asked for, echoed in message_start. */
  model: string;
  /** Prompt tokens counted by the gateway, shown in message_start before the upstream reports usage. */
  estimatedInputTokens?: number;
}

type OpenBlock = { kind: "text" } | { kind: "tool"; key: string } | null;

function event(type: string, payload: JsonObject): string {
  return encodeSseEvent(type, JSON.stringify(payload));
}

export class OpenAIToAnthropicStream {
  usage: Usage | null = null;
  error: GatewayError | null = null;
  finished = false;

  private readonly parser: SseParser;
  private out = "";
  private started = false;
  private nextBlockIndex = 0;
  private open: OpenBlock = null;
  private readonly closedTools = new Set<string>();
  private finishReason: unknown = null;
  private sawToolCalls = false;

  constructor(private readonly options: AnthropicStreamOptions) {
    this.parser = new SseParser({ onEvent: (sse) => this.onEvent(sse) });
  }

  /** Feed OpenAI chat-chunk SSE text; returns Anthropic SSE text to send now. */
  push(text: string): string {
    this.parser.push(text);
    return this.take();
  }

  /** The OpenAI stream ended; a stream without `[DONE]` ends with an error event, never a silent cut. */
  finish(): string {
    this.parser.end();
    if (!this.finished && this.error === null) {
      this.error = truncatedStreamError();
      this.out += anthropicErrorEvent(anthropicErrorType(this.error.status), this.error.message);
    }
    return this.take();
  }

  private take(): string {
    const out = this.out;
    this.out = "";
    return out;
  }

  private onEvent(sse: SseEvent): void {
    if (this.finished || this.error !== null) return;
    if (sse.data === "[DONE]") {
      this.end();
      return;
    }
    const chunk = parseJson(sse.data);
    if (!isJsonObject(chunk)) return;
    if (isJsonObject(chunk.error)) {
      const error = chunk.error;
      this.error = streamError({ message: stringField(error, "message") ?? null, type: stringField(error, "type") ?? null, code: null, param: null });
      this.out += anthropicErrorEvent(anthropicErrorTypeForCode(error.code), this.error.message);
      return;
    }
    this.start();
    if (isJsonObject(chunk.usage)) this.usage = usageFromOpenAI(chunk.usage);
    const choices = chunk.choices;
    if (!Array.isArray(choices)) return;
    const choice: unknown = choices[0];
    if (!isJsonObject(choice)) return;
    if (choice.finish_reason !== null && choice.finish_reason !== undefined) this.finishReason = choice.finish_reason;
    const delta = choice.delta;
    if (!isJsonObject(delta)) return;
    if (typeof delta.content === "string" && delta.content.length > 0) this.text(delta.content);
    if (Array.isArray(delta.tool_calls)) {
      for (const call of delta.tool_calls) if (isJsonObject(call)) this.toolFragment(call);
    }
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.out += event("message_start", {
      type: "message_start",
      message: {
        id: randomId("msg_"),
        type: "message",
        role: "assistant",
        model: this.options.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: this.options.estimatedInputTokens ?? 0, output_tokens: 0 },
      },
    });
  }

  private text(text: string): void {
    if (this.open?.kind !== "text") {
      this.closeBlock();
      this.openBlock({ kind: "text" }, { type: "text", text: "" });
    }
    this.out += event("content_block_delta", { type: "content_block_delta", index: this.nextBlockIndex - 1, delta: { type: "text_delta", text } });
  }

  private toolFragment(call: JsonObject): void {
    const fn = isJsonObject(call.function) ? call.function : {};
    const id = stringField(call, "id");
    // Calls are keyed by index; servers that omit it send each call whole, told apart by id.
    const index = numberField(call, "index");
    const key = index !== undefined ? `i${index}` : id !== undefined ? `id${id}` : this.open?.kind === "tool" ? this.open.key : "i0";
    if (this.open?.kind !== "tool" || this.open.key !== key) {
      // Anthropic blocks cannot be reopened: fragments of a call already closed are dropped, which
      // only happens with servers that interleave parallel calls (none known).
      if (this.closedTools.has(key)) return;
      this.closeBlock();
      this.sawToolCalls = true;
      this.openBlock({ kind: "tool", key }, { type: "tool_use", id: id ?? randomId("toolu_"), name: stringField(fn, "name") ?? "", input: {} });
    }
    const args = stringField(fn, "arguments");
    if (args) {
      this.out += event("content_block_delta", {
        type: "content_block_delta",
        index: this.nextBlockIndex - 1,
        delta: { type: "input_json_delta", partial_json: args },
      });
    }
  }

  private openBlock(block: NonNullable<OpenBlock>, contentBlock: JsonObject): void {
    this.open = block;
    this.out += event("content_block_start", { type: "content_block_start", index: this.nextBlockIndex++, content_block: contentBlock });
  }

  private closeBlock(): void {
    const open = this.open;
    if (open === null) return;
    if (open.kind === "tool") this.closedTools.add(open.key);
    this.open = null;
    this.out += event("content_block_stop", { type: "content_block_stop", index: this.nextBlockIndex - 1 });
  }

  private end(): void {
    this.start();
    this.closeBlock();
    this.finished = true;
    this.out += event("message_delta", {
      type: "message_delta",
      delta: { stop_reason: stopReasonFromFinishReason(this.finishReason, this.sawToolCalls), stop_sequence: null },
      usage: anthropicUsage(this.usage),
    });
    this.out += event("message_stop", { type: "message_stop" });
  }
}
