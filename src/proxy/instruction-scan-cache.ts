// Remembers the scan results of recently seen application instructions. A system prompt repeats
// verbatim on every request of an application and is often several KB, so scanning it each time would
// cost more than the rest of the gateway's work on the request; a repeat costs one map lookup instead.
// A scan result depends only on the texts and the policy (for a given build), and the cached results
// are shared, so callers must not mutate them.
import { type PolicyName, type ScanResult, scanMessages } from "../security/index.ts";

/** Entries kept: a gateway serves a bounded set of applications, each with a few system prompts. */
const CAPACITY = 128;
/** Longer instructions are scanned every time rather than held: at most CAPACITY × 32 KB of text. */
const MAX_CHARS = 16 * 1024;

interface Entry {
  readonly policy: PolicyName;
  readonly texts: readonly string[];
  readonly result: ScanResult;
}

const POLICY_SEED: Readonly<Record<PolicyName, number>> = { strict: 1, balanced: 2, permissive: 3, off: 4 };

export class InstructionScanCache {
  /** By hash of (policy, texts); least recently used first: a hit moves its entry to the end. */
  private readonly entries = new Map<bigint, Entry>();

  constructor(
    private readonly capacity = CAPACITY,
    private readonly maxChars = MAX_CHARS,
  ) {}

  scan(texts: readonly string[], policy: PolicyName): ScanResult {
    let chars = 0;
    for (const text of texts) chars += text.length;
    if (chars > this.maxChars) return scanMessages(texts, policy);
    // A 64-bit hash chained over the parts (each part's hash seeds the next, so the split matters),
    // then a full comparison. A 4 KB system prompt: 56 µs to scan, 1.3 µs to find here, 4.8 µs with
    // the joined text as a Map key (hashed character by character).
    let key = BigInt(POLICY_SEED[policy]);
    for (const text of texts) key = BigInt(Bun.hash(text, key));
    const known = this.entries.get(key);
    if (known !== undefined && known.policy === policy && sameTexts(known.texts, texts)) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.result;
    }
    const result = scanMessages(texts, policy);
    this.entries.delete(key);
    this.entries.set(key, { policy, texts: [...texts], result });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return result;
  }

  get size(): number {
    return this.entries.size;
  }
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
