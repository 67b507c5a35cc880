// The common frame of stream translators: a parser fed per network chunk, an output buffer drained after
// each feed, and an error event (never a silent cut) when the upstream ends without its end marker. The
// error event is OpenAI's unless a subclass writes its own (fail).
import type { GatewayError } from "../../errors.ts";
import type { StreamTranslator, Usage } from "../types.ts";
import { errorEvent, truncatedStreamError } from "./errors.ts";

interface IncrementalParser {
  push(text: string): void;
  end(): void;
}

export abstract class TranslatingStream implements StreamTranslator {
  usage: Usage | null = null;
  abstract readonly completionText: string;
  error: GatewayError | null = null;
  finished = false;

  protected out = "";
  protected abstract readonly parser: IncrementalParser;

  push(text: string): string {
    this.parser.push(text);
    return this.take();
  }

  finish(): string {
    this.parser.end();
    if (!this.finished && this.error === null) this.fail(truncatedStreamError());
    return this.take();
  }

  private take(): string {
    const out = this.out;
    this.out = "";
    return out;
  }

  protected fail(error: GatewayError): void {
    this.error = error;
    this.out += errorEvent(error);
  }
}
