// Incremental Server-Sent Events parsing and encoding (WHATWG event-stream rules).
//
// The parser keeps each event's original text (`raw`) so a passthrough can forward events byte-for-byte
// and re-serialise only the ones it changes.

export interface SseEvent {
  /** The `event:` name, or "message" when the event named none. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen in the stream, or null. */
  id: string | null;
  /** The event's original text, from its first line to its terminating blank line inclusive. */
  raw: string;
}

export interface SseHandlers {
  onEvent(event: SseEvent): void;
  /**
   * Blocks that dispatch no event (comments such as keep-alives, stray blank lines, fields without data),
   * with their original text, so a passthrough can forward them too.
   */
  onSkipped?(raw: string): void;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const COLON = 58;
const BOM = 0xfeff;

export class SseParser {
  /** Unconsumed text; always begins at the start of the block (event) being read. */
  private buffer = "";
  /** Where the current line starts, relative to `buffer`. */
  private lineStart = 0;
  private started = false;
  private eventName = "";
  private data = "";
  private hasData = false;
  private lastId: string | null = null;

  constructor(private readonly handlers: SseHandlers) {}

  /** Feeds one chunk of decoded text; complete events are handed to the handlers synchronously. */
  push(chunk: string): void {
    if (chunk.length === 0) return;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) chunk = chunk.slice(1);
    }
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    this.consume(false);
  }

  /**
   * The stream ended. The spec discards an unterminated event; we dispatch it instead, because real
   * upstreams sometimes end with `data: [DONE]` and no blank line, and losing that event would read as a
   * truncated stream.
   */
  end(): void {
    this.consume(true);
    const buffer = this.buffer;
    if (this.lineStart < buffer.length) this.readLine(buffer, this.lineStart, buffer.length);
    if (buffer.length > 0) this.dispatch(buffer);
    this.buffer = "";
    this.lineStart = 0;
  }

  private consume(final: boolean): void {
    const buffer = this.buffer;
    const length = buffer.length;
    let blockStart = 0;
    let lineStart = this.lineStart;
    let pos = lineStart;
    // -2: not searched yet; -1: none left. Caching the CR search keeps the scan linear when (as usual)
    // the stream has no CR at all.
    let nextLf = -2;
    let nextCr = -2;
    while (pos < length) {
      if (nextLf !== -1 && nextLf < pos) nextLf = buffer.indexOf("\n", pos);
      if (nextCr !== -1 && nextCr < pos) nextCr = buffer.indexOf("\r", pos);
      let lineEnd: number;
      if (nextLf === -1) {
        if (nextCr === -1) break;
        lineEnd = nextCr;
      } else {
        lineEnd = nextCr !== -1 && nextCr < nextLf ? nextCr : nextLf;
      }
      let next = lineEnd + 1;
      if (buffer.charCodeAt(lineEnd) === CR) {
        // A CR at the end of the chunk may be the first half of a CRLF split across chunks: wait.
        if (next === length && !final) break;
        if (next < length && buffer.charCodeAt(next) === LF) next++;
      }
      if (lineEnd === lineStart) {
        this.dispatch(buffer.slice(blockStart, next));
        blockStart = next;
      } else {
        this.readLine(buffer, lineStart, lineEnd);
      }
      lineStart = next;
      pos = next;
    }
    this.buffer = blockStart === 0 ? buffer : buffer.slice(blockStart);
    this.lineStart = lineStart - blockStart;
  }

  private readLine(buffer: string, start: number, end: number): void {
    const first = buffer.charCodeAt(start);
    if (first === COLON) return; // comment
    // Fast path for the field every event has.
    if (first === 100 && buffer.startsWith("data:", start)) {
      this.appendData(buffer.slice(buffer.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5, end));
      return;
    }
    const colon = buffer.indexOf(":", start);
    let field: string;
    let value: string;
    if (colon === -1 || colon >= end) {
      field = buffer.slice(start, end);
      value = "";
    } else {
      field = buffer.slice(start, colon);
      value = buffer.slice(buffer.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1, end);
    }
    switch (field) {
      case "data":
        this.appendData(value);
        break;
      case "event":
        this.eventName = value;
        break;
      case "id":
        if (!value.includes("\0")) this.lastId = value;
        break;
      default:
        // `retry` and unknown fields carry nothing a translator needs.
        break;
    }
  }

  private appendData(value: string): void {
    if (this.hasData) {
      this.data += `\n${value}`;
    } else {
      this.data = value;
      this.hasData = true;
    }
  }

  private dispatch(raw: string): void {
    if (this.hasData) {
      const event: SseEvent = { event: this.eventName || "message", data: this.data, id: this.lastId, raw };
      this.eventName = "";
      this.data = "";
      this.hasData = false;
      this.handlers.onEvent(event);
    } else {
      this.eventName = "";
      this.handlers.onSkipped?.(raw);
    }
  }
}

/** Parses a whole SSE text at once (tests, non-incremental callers). */
export function parseSseText(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = new SseParser({ onEvent: (event) => events.push(event) });
  parser.push(text);
  parser.end();
  return events;
}

/** The OpenAI stream terminator. */
export const SSE_DONE = "data: [DONE]\n\n";

/** Encodes `data` as one SSE event; multi-line data becomes several `data:` lines. */
export function encodeSseData(data: string): string {
  if (!data.includes("\n") && !data.includes("\r")) return `data: ${data}\n\n`;
  return `data: ${data.split(/\r\n|\r|\n/).join("\ndata: ")}\n\n`;
}

/** Encodes a named SSE event (`event:` line then `data:` lines). */
export function encodeSseEvent(event: string, data: string): string {
  return `event: ${event}\n${encodeSseData(data)}`;
}
