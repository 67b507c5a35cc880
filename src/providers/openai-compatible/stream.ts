// Passes an OpenAI-format SSE stream through untouched, except for the usage chunk.
//
// Events are forwarded as their original text. Only an event carrying a non-null `usage` is rewritten:
// its usage is recorded, then the event is dropped (the client did not ask for usage; the gateway asked
// for it to meter the stream) or re-serialised with the gateway's decoration.

import type { GatewayError } from "../../errors.ts";
import type { JsonObject, Operation, StreamOptions, StreamTranslator, Usage } from "../types.ts";
import { SseParser, encodeSseData, type SseEvent } from "../../streaming/sse.ts";
import { isJsonObject, parseJson } from "../shared/json.ts";
import { usageFromOpenAI, usageToOpenAI } from "../shared/usage.ts";
import { errorEvent, streamError, truncatedStreamError } from "../shared/errors.ts";
import { openAIErrorDetails } from "./errors.ts";

/**
 * True when the chunk's JSON has a `"usage"` key whose value is an object (not `null`), tolerating the
 * spacing Python servers add (`"usage": {`). Content that merely mentions usage is escaped (`\"usage\"`).
 */
function hasUsageObject(data: string): boolean {
  for (let at = data.indexOf('"usage"'); at >= 0; at = data.indexOf('"usage"', at + 7)) {
    if (at > 0 && data.charCodeAt(at - 1) === 92) continue;
    let i = at + 7;
    while (data.charCodeAt(i) === 32) i++;
    if (data.charCodeAt(i) !== 58) continue;
    i++;
    while (data.charCodeAt(i) === 32) i++;
    if (data.charCodeAt(i) === 123) return true;
  }
  return false;
}

/**
 * The chunk's JSON with its top-level `"model"` value replaced by `model` (the first `"model":"…"`,
 * which OpenAI-format chunks put before their choices); unchanged if there is none.
 */
function renameModel(data: string, model: string): string {
  const key = data.indexOf('"model"');
  if (key < 0) return data;
  let i = key + 7;
  while (data.charCodeAt(i) === 32) i++;
  if (data.charCodeAt(i) !== 58) return data;
  i++;
  while (data.charCodeAt(i) === 32) i++;
  if (data.charCodeAt(i) !== 34) return data;
  let end = i + 1;
  while (end < data.length && data.charCodeAt(end) !== 34) end += data.charCodeAt(end) === 92 ? 2 : 1;
  return `${data.slice(0, i)}${JSON.stringify(model)}${data.slice(end + 1)}`;
}

export class OpenAIPassthroughStream implements StreamTranslator {
  usage: Usage | null = null;
  error: GatewayError | null = null;
  finished = false;

  private readonly parser: SseParser;
  private out = "";
  private collected = "";
  /**
   * Ordinary chunks are forwarded without being parsed; their JSON is kept and read only if the
   * completion text is needed (no usage came, so the gateway estimates), which is rare.
   */
  private unparsed: string[] = [];
  /** The JSON of the last chunk, for the envelope of a usage chunk the gateway has to make itself. */
  private lastData: string | null = null;

  constructor(
    private readonly operation: Operation,
    private readonly options: StreamOptions,
  ) {
    this.parser = new SseParser({
      onEvent: (event) => this.onEvent(event),
      // Keep-alive comments keep the client's connection open too.
      onSkipped: (raw) => {
        if (!this.finished) this.out += raw;
      },
    });
  }

  push(text: string): string {
    this.parser.push(text);
    return this.take();
  }

  finish(): string {
    this.parser.end();
    if (!this.finished && this.error === null) {
      this.error = truncatedStreamError();
      this.out += errorEvent(this.error);
    }
    return this.take();
  }

  get completionText(): string {
    if (this.unparsed.length > 0) {
      for (const data of this.unparsed) {
        const chunk = parseJson(data);
        if (isJsonObject(chunk) && Array.isArray(chunk.choices)) this.collectText(chunk.choices);
      }
      this.unparsed = [];
    }
    return this.collected;
  }

  /** Envelope of the last chunk, to build a usage chunk when the upstream sent none. */
  private lastChunk(): JsonObject | null {
    if (this.lastData === null) return null;
    const chunk = parseJson(this.lastData);
    return isJsonObject(chunk) ? chunk : null;
  }

  private take(): string {
    const out = this.out;
    this.out = "";
    return out;
  }

  private onEvent(event: SseEvent): void {
    if (this.finished) return;
    const data = event.data;
    if (data === "[DONE]") {
      this.finished = true;
      if (this.usage === null) this.out += this.estimatedUsageChunk();
      this.out += event.raw;
      return;
    }
    // The hot path: most chunks carry neither usage nor an error and go out untouched, unparsed.
    if (!hasUsageObject(data) && !data.includes('"error"')) {
      this.unparsed.push(data);
      this.lastData = data;
      this.out += this.options.renameModel === true ? encodeSseData(renameModel(data, this.options.model)) : event.raw;
      return;
    }
    const chunk = parseJson(data);
    if (!isJsonObject(chunk)) {
      this.out += event.raw;
      return;
    }
    if (chunk.error !== undefined && chunk.error !== null) {
      this.error = streamError(openAIErrorDetails(chunk));
      this.out += event.raw;
      return;
    }
    this.lastData = data;
    const choices = chunk.choices;
    if (Array.isArray(choices) && choices.length > 0) this.unparsed.push(data);
    const rawUsage = chunk.usage;
    if (!isJsonObject(rawUsage)) {
      this.out += event.raw;
      return;
    }
    this.usage = usageFromOpenAI(rawUsage);
    const hasChoices = Array.isArray(choices) && choices.length > 0;
    if (!this.options.includeUsage) {
      if (!hasChoices) return;
      delete chunk.usage;
    } else if (this.usage !== null) {
      this.options.decorateUsage(rawUsage, this.usage);
    }
    if (this.options.renameModel === true && typeof chunk.model === "string") chunk.model = this.options.model;
    this.out += encodeSseData(JSON.stringify(chunk));
  }

  private collectText(choices: unknown[]): void {
    for (const choice of choices) {
      if (!isJsonObject(choice)) continue;
      if (this.operation === "completions") {
        if (typeof choice.text === "string") this.collected += choice.text;
        continue;
      }
      const delta = choice.delta;
      if (!isJsonObject(delta)) continue;
      if (typeof delta.content === "string") this.collected += delta.content;
      // Reasoning is billed as completion tokens by the servers that stream it.
      if (typeof delta.reasoning_content === "string") this.collected += delta.reasoning_content;
      const toolCalls = delta.tool_calls;
      if (!Array.isArray(toolCalls)) continue;
      for (const call of toolCalls) {
        if (!isJsonObject(call) || !isJsonObject(call.function)) continue;
        const fn = call.function;
        if (typeof fn.name === "string") this.collected += fn.name;
        if (typeof fn.arguments === "string") this.collected += fn.arguments;
      }
    }
  }

  /** Servers that ignore `stream_options` send no usage; the client that asked still gets a usage chunk. */
  private estimatedUsageChunk(): string {
    const { includeUsage, estimateUsage } = this.options;
    if (!includeUsage || estimateUsage === undefined) return "";
    const estimated = estimateUsage(this.completionText);
    const usage = usageToOpenAI(estimated);
    this.options.decorateUsage(usage, estimated);
    const last = this.lastChunk();
    const chunk: JsonObject = {
      id: last?.id ?? "",
      object: last?.object ?? (this.operation === "completions" ? "text_completion" : "chat.completion.chunk"),
      created: last?.created ?? Math.floor(Date.now() / 1000),
      model: this.options.renameModel === true ? this.options.model : (last?.model ?? this.options.model),
      choices: [],
      usage,
    };
    return encodeSseData(JSON.stringify(chunk));
  }
}
