// Incremental newline-delimited JSON splitting: hands over each complete, non-blank line.

export class NdjsonParser {
  private buffer = "";
  /** The buffer holds no "\n" before this index, so the next search can skip it. */
  private searchFrom = 0;

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    if (chunk.length === 0) return;
    const buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    let start = 0;
    let newline = buffer.indexOf("\n", this.searchFrom);
    while (newline !== -1) {
      this.emit(buffer, start, newline);
      start = newline + 1;
      newline = buffer.indexOf("\n", start);
    }
    this.buffer = start === 0 ? buffer : buffer.slice(start);
    this.searchFrom = this.buffer.length;
  }

  /** The stream ended: a last line without a trailing newline still counts. */
  end(): void {
    const buffer = this.buffer;
    this.buffer = "";
    this.searchFrom = 0;
    if (buffer.length > 0) this.emit(buffer, 0, buffer.length);
  }

  private emit(buffer: string, start: number, end: number): void {
    if (end > start && buffer.charCodeAt(end - 1) === 13) end--;
    // Skip blank (or whitespace-only) lines without allocating for the common case.
    let first = start;
    while (first < end && isSpace(buffer.charCodeAt(first))) first++;
    if (first === end) return;
    this.onLine(buffer.slice(start, end));
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

/** Splits a whole NDJSON text into lines (tests, non-incremental callers). */
export function splitNdjsonText(text: string): string[] {
  const lines: string[] = [];
  const parser = new NdjsonParser((line) => lines.push(line));
  parser.push(text);
  parser.end();
  return lines;
}
