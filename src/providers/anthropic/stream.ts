// Anthropic Messages SSE → OpenAI chat.completion.chunk SSE.
//
// Anthropic streams content blocks (text, tool_use, thinking) by index; OpenAI streams one choice whose
// delta carries content, tool-call fragments keyed by their own index, or reasoning. Usage arrives in
// message_start (input side) and message_delta (cumulative), and is sent once, after the finish chunk.

import type { JsonObject, StreamOptions } from "../types.ts";
import { SseParser, type SseEvent } from "../../streaming/sse.ts";
import { isJsonObject, numberField, parseJson, stringField } from "../shared/json.ts";
import { randomId, unixSeconds } from "../shared/ids.ts";
import { ChunkWriter, streamTail } from "../shared/chunks.ts";
import { streamError } from "../shared/errors.ts";
import { TranslatingStream } from "../shared/translating-stream.ts";
import { finishReasonFromStopReason, mergeAnthropicUsage, usageFromAnthropic } from "./response.ts";
import { anthropicErrorDetails } from "./errors.ts";

const NOT_A_TOOL = -1;

export class AnthropicToOpenAIStream extends TranslatingStream {
  completionText = "";
  protected readonly parser: SseParser;
  private writer: ChunkWriter | null = null;
  /** Anthropic block index → OpenAI tool-call index (NOT_A_TOOL for text and thinking blocks). */
  private readonly toolIndexByBlock: number[] = [];
  private toolCount = 0;
  private stopReason: unknown = null;
  /** Raw cumulative usage fields, merged across message_start and message_delta. */
  private readonly rawUsage: JsonObject = {};
  private sawUsage = false;

  constructor(private readonly options: StreamOptions) {
    super();
    this.parser = new SseParser({ onEvent: (event) => this.onEvent(event) });
  }

  /** The writer, created on message_start (or on the first event if message_start was missing). */
  private chunks(id?: string): ChunkWriter {
    if (this.writer === null) this.writer = new ChunkWriter("chat", id ?? randomId("msg_"), unixSeconds(), this.options.model);
    return this.writer;
  }

  private onEvent(event: SseEvent): void {
    if (this.finished || this.error !== null) return;
    // Anthropic pads its JSON with spaces and may reorder keys: always parse, never match strings.
    const payload = parseJson(event.data);
    if (!isJsonObject(payload)) return;
    const type = typeof payload.type === "string" ? payload.type : event.event;
    switch (type) {
      case "message_start":
        this.onMessageStart(payload);
        break;
      case "content_block_start":
        this.onBlockStart(payload);
        break;
      case "content_block_delta":
        this.onBlockDelta(payload);
        break;
      case "message_delta":
        this.onMessageDelta(payload);
        break;
      case "message_stop":
        this.onMessageStop();
        break;
      case "error":
        this.fail(streamError(anthropicErrorDetails(payload)));
        break;
      default:
        // ping, content_block_stop and future event types need no output.
        break;
    }
  }

  private onMessageStart(payload: JsonObject): void {
    const message = isJsonObject(payload.message) ? payload.message : {};
    if (isJsonObject(message.usage)) this.mergeUsage(message.usage);
    this.out += this.chunks(stringField(message, "id")).delta({ role: "assistant", content: "" });
  }

  private onBlockStart(payload: JsonObject): void {
    const index = numberField(payload, "index") ?? 0;
    const block = isJsonObject(payload.content_block) ? payload.content_block : {};
    if (block.type !== "tool_use") {
      this.toolIndexByBlock[index] = NOT_A_TOOL;
      // Text blocks start empty in practice; forward any initial text all the same.
      if (block.type === "text" && typeof block.text === "string" && block.text.length > 0) this.emitText(block.text);
      return;
    }
    const toolIndex = this.toolCount++;
    this.toolIndexByBlock[index] = toolIndex;
    const name = stringField(block, "name") ?? "";
    this.completionText += name;
    // The `input: {}` here is a placeholder; the arguments arrive as input_json_delta fragments.
    this.out += this.chunks().delta({
      tool_calls: [{ index: toolIndex, id: stringField(block, "id") ?? randomId("call_"), type: "function", function: { name, arguments: "" } }],
    });
  }

  private onBlockDelta(payload: JsonObject): void {
    const delta = isJsonObject(payload.delta) ? payload.delta : {};
    switch (delta.type) {
      case "text_delta": {
        const text = stringField(delta, "text");
        if (text) this.emitText(text);
        break;
      }
      case "input_json_delta": {
        const fragment = stringField(delta, "partial_json");
        const toolIndex = this.toolIndexByBlock[numberField(payload, "index") ?? 0];
        // The first fragment is always "": nothing to send.
        if (!fragment || toolIndex === undefined || toolIndex === NOT_A_TOOL) break;
        this.completionText += fragment;
        this.out += this.chunks().delta({ tool_calls: [{ index: toolIndex, function: { arguments: fragment } }] });
        break;
      }
      case "thinking_delta": {
        const thinking = stringField(delta, "thinking");
        if (!thinking) break;
        this.completionText += thinking;
        this.out += this.chunks().delta({ reasoning_content: thinking });
        break;
      }
      default:
        // signature_delta and citations have no OpenAI counterpart.
        break;
    }
  }

  private emitText(text: string): void {
    this.completionText += text;
    this.out += this.chunks().text(text);
  }

  private onMessageDelta(payload: JsonObject): void {
    if (isJsonObject(payload.delta) && payload.delta.stop_reason !== undefined) this.stopReason = payload.delta.stop_reason;
    if (isJsonObject(payload.usage)) this.mergeUsage(payload.usage);
  }

  private mergeUsage(usage: JsonObject): void {
    mergeAnthropicUsage(this.rawUsage, usage);
    this.sawUsage = true;
    this.usage = usageFromAnthropic(this.rawUsage);
  }

  private onMessageStop(): void {
    this.finished = true;
    const writer = this.chunks();
    this.out += writer.finish(finishReasonFromStopReason(this.stopReason));
    this.out += streamTail(writer, this.sawUsage ? this.usage : null, this.completionText, this.options);
  }
}
