// Identifiers for objects the gateway synthesises (completions, tool calls, messages).

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `prefix` followed by `length` random base-62 characters, e.g. `call_3kX…`. */
export function randomId(prefix: string, length = 24): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let id = prefix;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

export function unixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
