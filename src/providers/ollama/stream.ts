// Ollama NDJSON stream (/api/chat or /api/generate) → OpenAI chunk SSE.
//
// Each line is one object; the last has `done: true` with the metrics, and an `{"error":…}` line reports
// a failure after the 200 status. Tool calls arrive whole, one per line, without ids.

import type { JsonObject, Operation, StreamOptions } from "../types.ts";
import { NdjsonParser } from "../../streaming/ndjson.ts";
import { isJsonObject, parseJson } from "../shared/json.ts";
import { randomId, unixSeconds } from "../shared/ids.ts";
import { ChunkWriter, streamTail } from "../shared/chunks.ts";
import { streamError } from "../shared/errors.ts";
import { TranslatingStream } from "../shared/translating-stream.ts";
import { finishReasonFromOllama, toolCallFromOllama, usageFromOllama } from "./response.ts";

export class OllamaToOpenAIStream extends TranslatingStream {
  completionText = "";
  protected readonly parser: NdjsonParser;
  private readonly writer: ChunkWriter;
  private readonly chat: boolean;
  private started = false;
  private toolCount = 0;

  constructor(
    operation: Operation,
    private readonly options: StreamOptions,
  ) {
    super();
    this.chat = operation === "chat";
    this.writer = new ChunkWriter(this.chat ? "chat" : "text", randomId(this.chat ? "chatcmpl-" : "cmpl-"), unixSeconds(), options.model);
    this.parser = new NdjsonParser((line) => this.onLine(line));
  }

  private onLine(line: string): void {
    if (this.finished || this.error !== null) return;
    const value = parseJson(line);
    if (!isJsonObject(value)) return;
    if (value.error !== undefined) {
      const message = typeof value.error === "string" ? value.error : isJsonObject(value.error) && typeof value.error.message === "string" ? value.error.message : null;
      this.fail(streamError({ message, type: null, code: null, param: null }));
      return;
    }
    if (this.chat) this.onChatLine(value);
    else this.onGenerateLine(value);
    if (value.done === true) this.onDone(value);
  }

  private onChatLine(value: JsonObject): void {
    if (!this.started) {
      this.started = true;
      this.out += this.writer.delta({ role: "assistant", content: "" });
    }
    const message = isJsonObject(value.message) ? value.message : null;
    if (message === null) return;
    if (typeof message.thinking === "string" && message.thinking.length > 0) {
      this.completionText += message.thinking;
      this.out += this.writer.delta({ reasoning_content: message.thinking });
    }
    if (typeof message.content === "string" && message.content.length > 0) {
      this.completionText += message.content;
      this.out += this.writer.text(message.content);
    }
    if (Array.isArray(message.tool_calls)) {
      for (const call of message.tool_calls) {
        // Older Ollama omits `index` for the first call; count positions across the whole stream.
        const translated = toolCallFromOllama(call, this.toolCount);
        if (translated === null) continue;
        this.toolCount = Math.max(this.toolCount, translated.index + 1);
        const fn = translated.toolCall.function as JsonObject;
        this.completionText += String(fn.name) + String(fn.arguments);
        this.out += this.writer.delta({ tool_calls: [{ index: translated.index, ...translated.toolCall }] });
      }
    }
  }

  private onGenerateLine(value: JsonObject): void {
    if (typeof value.response === "string" && value.response.length > 0) {
      this.completionText += value.response;
      this.out += this.writer.text(value.response);
    }
  }

  private onDone(value: JsonObject): void {
    this.finished = true;
    this.usage = usageFromOllama(value, true);
    this.out += this.writer.finish(finishReasonFromOllama(value.done_reason, this.toolCount > 0));
    this.out += streamTail(this.writer, this.usage, this.completionText, this.options);
  }
}
