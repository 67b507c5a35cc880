// Structured JSON logs, one object per line on stdout.
import type { LogLevel } from "./config/schema.ts";

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

function serializeError(error: unknown): unknown {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return error;
}

export function createLogger(level: LogLevel, base: LogFields = {}, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const threshold = LEVELS[level];
  const emit = (lvl: LogLevel, message: string, fields?: LogFields) => {
    if (LEVELS[lvl] < threshold) return;
    const record: LogFields = { time: new Date().toISOString(), level: lvl, msg: message, ...base };
    if (fields) {
      for (const [key, value] of Object.entries(fields)) record[key] = key === "error" || key === "err" ? serializeError(value) : value;
    }
    write(`${JSON.stringify(record)}\n`);
  };
  return {
    debug: (message, fields) => emit("debug", message, fields),
    info: (message, fields) => emit("info", message, fields),
    warn: (message, fields) => emit("warn", message, fields),
    error: (message, fields) => emit("error", message, fields),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}
