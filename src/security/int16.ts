// The n-gram weights in model/weights.json: int16 little-endian, base64 (one table per model head).

/** Whether this host stores numbers little-endian (x86, ARM as usually configured). */
export const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Decodes base64 int16 little-endian values (a trailing odd byte is ignored). */
export function decodeInt16(base64: string): Int16Array {
  const bytes = Buffer.from(base64, "base64");
  // Copy into an aligned buffer; on little-endian hosts (x86, ARM) that is the whole decode.
  const aligned = new Uint8Array(bytes.byteLength & ~1);
  aligned.set(bytes.subarray(0, aligned.byteLength));
  const out = new Int16Array(aligned.buffer);
  if (!LITTLE_ENDIAN) {
    const view = new DataView(aligned.buffer);
    for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true);
  }
  return out;
}
