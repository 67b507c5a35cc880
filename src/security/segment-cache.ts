// A bounded least-recently-used map from (policy, message text) to what scanning that text
// contributed. Requests repeat most of their text: the application's system prompt comes with every
// request, and a chat resends its whole history each turn. The scanner consults it only when its
// caller passes one (the proxy's security gate does; the evaluation and benchmarks do not).

import type { PolicyName } from "./types.ts";

/** Entries kept by default: a few hundred recent messages across the gateway's traffic. */
const CAPACITY = 512;
/** Longer texts are scanned every time rather than held: at most CAPACITY × 32 KB of text. */
const MAX_CHARS = 16 * 1024;

const POLICY_SEED: Readonly<Record<PolicyName, bigint>> = { strict: 1n, balanced: 2n, permissive: 3n, off: 4n };

interface Entry<V> {
  readonly policy: PolicyName;
  readonly text: string;
  readonly value: V;
}

export class SegmentCache<V> {
  /** By 64-bit hash of (policy, text); least recently used first: a hit moves its entry to the end. */
  private readonly entries = new Map<bigint, Entry<V>>();

  constructor(
    private readonly capacity = CAPACITY,
    private readonly maxChars = MAX_CHARS,
    /** The 64-bit hash of a text under a seed (a parameter for tests: collisions must be harmless). */
    private readonly hash: (text: string, seed: bigint) => bigint = (text, seed) => BigInt(Bun.hash(text, seed)),
  ) {}

  /**
   * The value remembered for `text` under `policy`, or `compute()`'s, remembered. A hash hit is
   * confirmed by comparing the texts in full: the hash is not cryptographic, and a text crafted to
   * collide with a harmless one must not get its result. (A 4 KB text: 1.3 µs to find, against
   * 4.8 µs with the text itself as the Map key, which is hashed character by character.)
   */
  lookup(policy: PolicyName, text: string, compute: () => V): V {
    if (text.length > this.maxChars) return compute();
    const key = this.hash(text, POLICY_SEED[policy]);
    const known = this.entries.get(key);
    if (known !== undefined) {
      this.entries.delete(key);
      if (known.policy === policy && known.text === text) {
        this.entries.set(key, known);
        return known.value;
      }
    }
    const value = compute();
    this.entries.set(key, { policy, text, value });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
