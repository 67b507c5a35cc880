// Writes OpenAI-format stream chunks for translators that synthesise them from another wire format.
//
// The envelope around each delta is fixed for a stream, so it is serialised once and only the delta is
// stringified per chunk.

import type { JsonObject, StreamOptions, Usage } from "../types.ts";
import { SSE_DONE } from "../../streaming/sse.ts";
import { usageToOpenAI } from "./usage.ts";

export type ChunkKind = "chat" | "text";

export class ChunkWriter {
  private readonly head: string;
  private readonly usageHead: string;
  private readonly kind: ChunkKind;

  constructor(kind: ChunkKind, id: string, created: number, model: string) {
    this.kind = kind;
    const object = kind === "chat" ? "chat.completion.chunk" : "text_completion";
    const envelope = `{"id":${JSON.stringify(id)},"object":"${object}","created":${created},"model":${JSON.stringify(model)}`;
    this.head = `data: ${envelope},"choices":[{"index":0,`;
    this.usageHead = `data: ${envelope},"choices":[],"usage":`;
  }

  /** A chat chunk carrying `delta` (chat streams). */
  delta(delta: JsonObject, finishReason: string | null = null): string {
    return `${this.head}"delta":${JSON.stringify(delta)},"logprobs":null,"finish_reason":${finishReason === null ? "null" : JSON.stringify(finishReason)}}]}\n\n`;
  }

  /** A chunk with new text: a content delta for chat, a `text` choice for completions. */
  text(text: string): string {
    if (this.kind === "chat") return `${this.head}"delta":{"content":${JSON.stringify(text)}},"logprobs":null,"finish_reason":null}]}\n\n`;
    return `${this.head}"text":${JSON.stringify(text)},"logprobs":null,"finish_reason":null}]}\n\n`;
  }

  /** The chunk that closes the choice with its finish reason. */
  finish(finishReason: string): string {
    if (this.kind === "chat") return this.delta({}, finishReason);
    return `${this.head}"text":"","logprobs":null,"finish_reason":${JSON.stringify(finishReason)}}]}\n\n`;
  }

  usage(usage: JsonObject): string {
    return `${this.usageHead}${JSON.stringify(usage)}}\n\n`;
  }
}

/**
 * The tail every synthesised stream ends with: the usage chunk when the client asked for it (upstream
 * usage, else the core's estimate), then `[DONE]`.
 */
export function streamTail(
  writer: ChunkWriter,
  usage: Usage | null,
  completionText: string,
  options: StreamOptions,
): string {
  if (!options.includeUsage) return SSE_DONE;
  const reported = usage ?? options.estimateUsage?.(completionText) ?? null;
  if (reported === null) return SSE_DONE;
  const usageObject = usageToOpenAI(reported);
  options.decorateUsage(usageObject, reported);
  return writer.usage(usageObject) + SSE_DONE;
}
