// Aho-Corasick automaton compiled to a dense transition table.
//
// Every keyword of every rule is found in a single left-to-right pass whose cost does not depend
// on the number of keywords, and which cannot backtrack: scanning is linear in the input by
// construction. Separators (space and punctuation) all map to one "space" class and runs of them
// are fed once, so "ignore,   all" matches the keyword " ignore all".

import { isSeparatorCode } from "./normalize.ts";

export interface Automaton {
  /** Code unit → alphabet class; class 0 is "a character no keyword uses". */
  readonly classOf: Uint16Array;
  readonly alphabetSize: number;
  readonly spaceClass: number;
  /**
   * Dense transition table, next[state * alphabetSize + class]; 16-bit when it fits, for cache. A
   * 16-bit table over more than 65,535 states holds ESCAPE for the transitions into the last ones
   * (the deepest states with outputs), whose targets `escapes` holds by table index.
   */
  readonly next: Uint16Array | Int32Array;
  /** Targets of the ESCAPE entries of `next`, by table index (EscapeTable); null when there are none. */
  readonly escapes: EscapeTable | null;
  /**
   * The table of an automaton over a large alphabet, stored sparsely (SparseTable); `next` is then
   * empty. null for a dense table.
   */
  readonly sparse: SparseTable | null;
  /** States from this one on have outputs (see outputStatesLast): entering one reports them. */
  readonly firstOutputState: number;
  /**
   * What entering output state s (≥ firstOutputState) reports, at outputs[s - firstOutputState]: most
   * such states report one term, stored as `id << 1`; the others as `at << 1 | 1`, their ids being
   * outputLists[at + 1 .. at + 1 + outputLists[at]]. One load for the common case.
   */
  readonly outputs: Int32Array;
  readonly outputLists: Int32Array;
  readonly stateCount: number;
  /** Symbols on the longest path from the root: the state depends on no more of the text than this. */
  readonly maxDepth: number;
  /**
   * ANCHOR_UNIT when every keyword holds a code unit at or above it (the other scripts' keywords all do):
   * a match then lies within maxDepth symbols of such a unit, and a text is scanned only around them
   * (findStretches). 0 otherwise.
   */
  readonly anchorFrom: number;
}

/** Code units from here on are outside ASCII: every keyword of the non-Latin automaton holds one. */
const ANCHOR_UNIT = 0x80;

/** A transition table under construction: 16-bit while every state number fits. */
type Table = Int32Array | Uint16Array;

interface TrieNode {
  children: Map<number, number>;
  outputs: number[];
}

/**
 * Alphabets larger than this get a sparse table (SparseTable). The other scripts' automaton has about
 * 1,260 classes and 17,000 states: dense, its table took 43.5 MB (a row of 2.5 KB per state, one cache
 * line of it read per step); sparse it takes about 4 MB, and the loaded scanner ≈ 39 MB less memory.
 * The Latin automaton (37 classes) stays dense: one load a step.
 */
const SPARSE_ALPHABET = 256;

/**
 * Builds an automaton over `terms` (already folded); the index of a term is its id. `sparse` forces
 * the table's form (by default sparse for alphabets over SPARSE_ALPHABET classes); the scan's hits
 * are the same either way.
 */
export function compileAutomaton(terms: readonly string[], ids: readonly number[], options: { readonly sparse?: boolean } = {}): Automaton {
  const classOf = new Uint16Array(65536);
  let alphabetSize = 2;
  const spaceClass = 1;
  for (const term of terms) {
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i);
      if (isSeparatorCode(code)) continue;
      if (classOf[code] === 0) classOf[code] = alphabetSize++;
    }
  }
  for (let code = 0; code < 65536; code++) if (classOf[code] === 0 && isSeparatorCode(code)) classOf[code] = spaceClass;

  const nodes = breadthFirst(buildTrie(terms, ids, classOf, spaceClass));
  const trieStates = nodes.length;
  // The breadth-first table is 16-bit when every state number fits (twins at most double the states):
  // the other scripts' alphabet has over a thousand classes, and their 32-bit table, copied twice on
  // the way to the final one, took 190 MB at start-up.
  const next: Table = 2 * trieStates < 0xffff ? new Uint16Array(trieStates * alphabetSize) : new Int32Array(trieStates * alphabetSize);
  const fail = new Int32Array(trieStates);
  let outputs: number[][] = nodes.map((node) => node.outputs.slice());
  // States are numbered breadth-first, so a state's failure target is finished before the state. A
  // row is its failure target's row (the root's: all 0) with the state's own children written over.
  for (let state = 0; state < trieStates; state++) {
    const node = nodes[state] as TrieNode;
    const row = state * alphabetSize;
    const failRow = (fail[state] as number) * alphabetSize;
    if (state !== 0) next.copyWithin(row, failRow, failRow + alphabetSize);
    for (const [cls, child] of node.children) {
      const target = state === 0 ? 0 : (next[failRow + cls] as number);
      fail[child] = target;
      if (state !== 0) for (const out of outputs[target] as number[]) (outputs[child] as number[]).push(out);
      next[row + cls] = child;
    }
  }
  // The table stays in breadth-first numbering; the steps below work out the final numbering and
  // what each final row is made of, and outputStatesLast writes the final table once.
  const numbering = renumber(nodes, outputs);
  const rows = collapseSeparatorRuns(next, numbering, alphabetSize, spaceClass);
  const ordered = outputStatesLast(next, numbering.rank, rows, alphabetSize, spaceClass);
  const depth = rows.depth;
  outputs = ordered.outputs;
  const stateCount = outputs.length;
  const { firstOutputState } = ordered;
  const reports = new Int32Array(stateCount - firstOutputState);
  const lists: number[] = [];
  // States moved past firstOutputState without outputs (outputStatesLast) share one empty list.
  let emptyList = -1;
  for (let s = firstOutputState; s < stateCount; s++) {
    const ids = outputs[s] as number[];
    if (ids.length === 0) {
      if (emptyList < 0) {
        emptyList = lists.length;
        lists.push(0);
      }
      reports[s - firstOutputState] = (emptyList << 1) | 1;
    } else if (ids.length === 1) {
      reports[s - firstOutputState] = (ids[0] as number) << 1;
    } else {
      reports[s - firstOutputState] = (lists.length << 1) | 1;
      lists.push(ids.length, ...ids);
    }
  }
  const maxDepth = depth.reduce((max, d) => Math.max(max, d), 0);
  const { escapes } = ordered;
  const anchored = terms.length > 0 && terms.every((term) => Array.from(term).some((ch) => (ch.codePointAt(0) as number) >= ANCHOR_UNIT));
  const anchorFrom = anchored ? ANCHOR_UNIT : 0;
  const base = { classOf, alphabetSize, spaceClass, firstOutputState, outputs: reports, outputLists: Int32Array.from(lists), stateCount, maxDepth, anchorFrom };
  if (options.sparse ?? alphabetSize > SPARSE_ALPHABET) {
    return { ...base, next: new Uint16Array(0), escapes: null, sparse: sparseTable(ordered.next, escapes, stateCount, alphabetSize) };
  }
  return { ...base, next: ordered.next, escapes: escapes === null ? null : new EscapeTable(escapes), sparse: null };
}

/**
 * The targets of a 16-bit table's ESCAPE entries, by table index: open addressing over typed arrays, key
 * and target side by side. Almost every keyword hit of the Latin automaton goes through it (its states
 * with outputs are numbered after 65,534 states without), so it replaced a Map: the Latin automaton's
 * pass over the corpus, old and new in one process, alternating (41 rounds, twice), median round ratio
 * 0.921 and 0.953 (new/old).
 */
export class EscapeTable {
  readonly size: number;
  /** [key, target] pairs; key -1 marks an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(entries: ReadonlyMap<number, number>) {
    let bits = 4;
    while (1 << bits < (entries.size * 5) / 3) bits++;
    this.size = entries.size;
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    this.slots = new Int32Array(2 << bits).fill(-1);
    for (const [at, target] of entries) {
      let slot = Math.imul(at, 0x9e3779b1) >>> this.shift;
      while (this.slots[2 * slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = at;
      this.slots[2 * slot + 1] = target;
    }
  }

  /** The target of the ESCAPE entry at table index `at` (every such entry is here), or -1. */
  get(at: number): number {
    const slots = this.slots;
    let slot = Math.imul(at, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const key = slots[2 * slot] as number;
      if (key === at) return slots[2 * slot + 1] as number;
      if (key === -1) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * A transition table as the root's row plus, in an open-addressing hash table keyed by
 * state × alphabetSize + class, every entry where a state's row differs from the root's. A row is
 * its failure target's with the state's own children written over, down to the root's, so a state's
 * entries are the children along its failure chain: 15 on average for the other scripts' automaton,
 * against 1,260 classes a row. Exact: an entry not stored is the root's.
 */
export interface SparseTable {
  /** The root's row: next state per class. */
  readonly rootRow: Int32Array;
  /** state × alphabetSize + class per slot; -1 marks an empty slot. */
  readonly keys: Int32Array;
  readonly targets: Int32Array;
  readonly mask: number;
  /** 32 − log2(slots): a key's first slot is the top bits of its Fibonacci hash. */
  readonly shift: number;
}

const HASH_MULTIPLIER = 0x9e3779b1;

function sparseTable(next: Uint16Array | Int32Array, escapes: ReadonlyMap<number, number> | null, stateCount: number, alphabetSize: number): SparseTable {
  const target = (at: number): number => {
    const value = next[at] as number;
    return value === ESCAPE && escapes !== null ? (escapes.get(at) as number) : value;
  };
  const rootRow = new Int32Array(alphabetSize);
  for (let cls = 0; cls < alphabetSize; cls++) rootRow[cls] = target(cls);
  let entries = 0;
  for (let state = 1; state < stateCount; state++) {
    const row = state * alphabetSize;
    for (let cls = 0; cls < alphabetSize; cls++) if (target(row + cls) !== rootRow[cls]) entries++;
  }
  // At most half full, so a lookup that finds nothing (the usual case) stops within a few slots.
  let bits = 4;
  while (1 << bits < 2 * entries) bits++;
  const keys = new Int32Array(1 << bits).fill(-1);
  const targets = new Int32Array(1 << bits);
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  for (let state = 1; state < stateCount; state++) {
    const row = state * alphabetSize;
    for (let cls = 0; cls < alphabetSize; cls++) {
      const value = target(row + cls);
      if (value === rootRow[cls]) continue;
      let slot = Math.imul(row + cls, HASH_MULTIPLIER) >>> shift;
      while (keys[slot] !== -1) slot = (slot + 1) & mask;
      keys[slot] = row + cls;
      targets[slot] = value;
    }
  }
  return { rootRow, keys, targets, mask, shift };
}

/** The state after `state` reads a symbol of class `cls`, in a sparse table. */
function sparseNext(table: SparseTable, alphabetSize: number, state: number, cls: number): number {
  if (state !== 0) {
    const key = state * alphabetSize + cls;
    const { keys, mask } = table;
    let slot = Math.imul(key, HASH_MULTIPLIER) >>> table.shift;
    for (;;) {
      const stored = keys[slot] as number;
      if (stored === key) return table.targets[slot] as number;
      if (stored === -1) break;
      slot = (slot + 1) & mask;
    }
  }
  return table.rootRow[cls] as number;
}

/** Feeds codes[from..to) to a sparse automaton from `state`, reporting hits; returns the state reached. */
function advanceSparse(automaton: Automaton, table: SparseTable, codes: Uint16Array, from: number, to: number, state: number, onHit: HitHandler): number {
  const { classOf, alphabetSize, firstOutputState } = automaton;
  for (let i = from; i < to; i++) {
    state = sparseNext(table, alphabetSize, state, classOf[codes[i] as number] as number);
    if (state >= firstOutputState) reportOutputs(automaton, state, i, onHit);
  }
  return state;
}

/** Each state's depth in the trie (symbols from the root), by breadth-first number. */
function trieDepths(nodes: readonly TrieNode[]): Int32Array {
  const depth = new Int32Array(nodes.length);
  // Breadth-first numbering: a parent's depth is known before its children's.
  nodes.forEach((node, state) => {
    for (const child of node.children.values()) depth[child] = (depth[state] as number) + 1;
  });
  return depth;
}

function buildTrie(terms: readonly string[], ids: readonly number[], classOf: Uint16Array, spaceClass: number): TrieNode[] {
  const nodes: TrieNode[] = [{ children: new Map(), outputs: [] }];
  terms.forEach((term, index) => {
    let state = 0;
    let previousSpace = false;
    for (let i = 0; i < term.length; i++) {
      const cls = classOf[term.charCodeAt(i)] as number;
      if (cls === spaceClass) {
        if (previousSpace) continue;
        previousSpace = true;
      } else {
        previousSpace = false;
      }
      let child = nodes[state]?.children.get(cls);
      if (child === undefined) {
        child = nodes.length;
        nodes.push({ children: new Map(), outputs: [] });
        nodes[state]?.children.set(cls, child);
      }
      state = child;
    }
    nodes[state]?.outputs.push(ids[index] as number);
  });
  return nodes;
}

/**
 * Renumbers the trie breadth-first: the failure links are computed in that order (a state's
 * failure target is shallower). The final row layout is set by renumber().
 */
function breadthFirst(nodes: readonly TrieNode[]): TrieNode[] {
  const order: number[] = [0];
  for (let head = 0; head < order.length; head++) {
    for (const child of (nodes[order[head] as number] as TrieNode).children.values()) order.push(child);
  }
  const rank = new Int32Array(nodes.length);
  order.forEach((old, index) => { rank[old] = index; });
  return order.map((old) => {
    const node = nodes[old] as TrieNode;
    const children = new Map<number, number>();
    for (const [cls, child] of node.children) children.set(cls, rank[child] as number);
    return { children, outputs: node.outputs };
  });
}

/** States up to this depth keep breadth-first numbers (see renumber). */
const SHALLOW_DEPTH = 3;

/** The states' final-but-one numbering (renumber): new number by breadth-first number, and back. */
interface Numbering {
  /** rank[breadth-first number] = new number. */
  readonly rank: Int32Array;
  /** order[new number] = breadth-first number. */
  readonly order: readonly number[];
  /** Outputs and trie depth by new number. */
  readonly outputs: number[][];
  readonly depth: Int32Array;
}

/**
 * Renumbers the states (the table is built breadth-first, which the failure links need): the shallow,
 * hot states stay first, packed together; deeper states follow in depth-first order, so that a
 * keyword's tail, one state per letter, occupies consecutive rows, which the hardware prefetcher
 * fetches ahead (11–14% faster scans than breadth-first order throughout).
 */
function renumber(nodes: readonly TrieNode[], outputs: number[][]): Numbering {
  const order = shallowFirstOrder(nodes);
  const rank = new Int32Array(nodes.length);
  order.forEach((old, index) => { rank[old] = index; });
  const trieDepth = trieDepths(nodes);
  const depth = Int32Array.from(order, (old) => trieDepth[old] as number);
  return { rank, order, outputs: order.map((old) => outputs[old] as number[]), depth };
}

/** Breadth-first states up to SHALLOW_DEPTH, then the subtrees below them depth-first. */
function shallowFirstOrder(nodes: readonly TrieNode[]): number[] {
  const depth = new Int32Array(nodes.length);
  const order: number[] = [];
  const frontier: number[] = [];
  // Breadth-first numbers grow with depth: the shallow states are a prefix.
  for (let state = 0; state < nodes.length && (depth[state] as number) <= SHALLOW_DEPTH; state++) {
    order.push(state);
    for (const child of (nodes[state] as TrieNode).children.values()) {
      depth[child] = (depth[state] as number) + 1;
      if ((depth[child] as number) > SHALLOW_DEPTH) frontier.push(child);
    }
  }
  for (const top of frontier) {
    const stack = [top];
    while (stack.length > 0) {
      const state = stack.pop() as number;
      order.push(state);
      const children = [...(nodes[state] as TrieNode).children.values()];
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k] as number);
    }
  }
  return order;
}

/**
 * What each row of the table is made of, by new number (renumber), twins appended: the breadth-first
 * row it copies (targets renumbered) and, where the separator column differs, its target.
 */
interface Rows {
  /** source[s] = the breadth-first row state s copies. */
  readonly source: Int32Array;
  /** spaceTarget[s] = the new number the separator leads to from s, or -1 for the copied row's. */
  readonly spaceTarget: Int32Array;
  readonly outputs: number[][];
  readonly depth: Int32Array;
}

/**
 * A run of separators is read as one: a separator read right after a separator must leave the state
 * unchanged and report nothing. Any transition on the separator class lands in a state whose string
 * ends with a separator (or in the root), so making the separator a silent self-loop in exactly
 * those states gives that rule without a branch in the scan loop. Entering a state with outputs
 * reports them, so such a state loops instead to a twin without outputs: a copy of its row whose
 * separator loops to the twin itself. Returns the rows with the twins appended.
 */
function collapseSeparatorRuns(next: Table, numbering: Numbering, alphabetSize: number, spaceClass: number): Rows {
  const { rank, order, outputs, depth } = numbering;
  const stateCount = outputs.length;
  const afterSeparator = new Uint8Array(stateCount);
  for (let s = 0; s < stateCount; s++) afterSeparator[rank[next[(order[s] as number) * alphabetSize + spaceClass] as number] as number] = 1;
  let twins = 0;
  for (let s = 0; s < stateCount; s++) if (afterSeparator[s] === 1 && (outputs[s] as number[]).length > 0) twins++;
  const source = new Int32Array(stateCount + twins);
  for (let s = 0; s < stateCount; s++) source[s] = order[s] as number;
  const spaceTarget = new Int32Array(stateCount + twins).fill(-1);
  const withTwins = outputs.slice();
  const depths = new Int32Array(stateCount + twins);
  depths.set(depth);
  for (let s = 0; s < stateCount; s++) {
    if (afterSeparator[s] === 0) continue;
    if ((outputs[s] as number[]).length === 0) {
      spaceTarget[s] = s;
      continue;
    }
    const twin = withTwins.length;
    source[twin] = source[s] as number;
    spaceTarget[twin] = twin;
    spaceTarget[s] = twin;
    depths[twin] = depth[s] as number;
    withTwins.push([]);
  }
  return { source, spaceTarget, outputs: withTwins, depth: depths };
}

/** The 16-bit table's marker for a transition whose target is in Automaton.escapes. */
export const ESCAPE = 0xffff;
/**
 * At most this many states without outputs come before firstOutputState (outputStatesLast), which must
 * stay below ESCAPE. Only the excess moves: moving 4,096 more, so that more states with outputs are
 * reached without an escape, made the Latin automaton's pass about 7% slower (12.5 → 13.4 µs/KB).
 */
const NO_OUTPUT_MAX = ESCAPE - 1;

/**
 * Renumbers the states, keeping their order otherwise, so that those with outputs come last: the scan
 * loop's only test is then whether the state it entered is at least the first of them, and the table
 * needs no flag bit, so up to 65,536 states fit a 16-bit table (half the cache of a 32-bit one).
 * Beyond that the table stays 16-bit: the states with outputs are ordered shallow first, and a
 * transition into one numbered ESCAPE or above is stored as ESCAPE, which is itself at least the first
 * output state, so the scan loop meets it only on the branch it already takes to report outputs, where
 * it looks the target up. Those are the deepest keyword ends (long phrases), rarely entered. When the
 * states without outputs alone would reach ESCAPE, the deepest of them move behind firstOutputState
 * too, with an empty output list (NO_OUTPUT_MAX). A 32-bit table is left for automata whose states
 * cannot be ordered so (none of the scanner's).
 */
function outputStatesLast(
  next: Table,
  rank: Int32Array,
  rows: Rows,
  alphabetSize: number,
  spaceClass: number,
): { next: Uint16Array | Int32Array; escapes: Map<number, number> | null; outputs: number[][]; firstOutputState: number } {
  const { source, spaceTarget, outputs, depth } = rows;
  const stateCount = outputs.length;
  let order: number[] = [];
  for (let s = 0; s < stateCount; s++) if ((outputs[s] as number[]).length === 0) order.push(s);
  const withOutputs: number[] = [];
  for (let s = 0; s < stateCount; s++) if ((outputs[s] as number[]).length > 0) withOutputs.push(s);
  // Too many states without outputs for the 16-bit table: the deepest of them join the states with
  // outputs past firstOutputState, with an empty output list (see reportOutputs), so the scan loop meets
  // them on its hit branch, where an escaped target is looked up. They sit inside long phrases, a dozen
  // letters or more into a keyword, and are rarely entered.
  if (order.length > NO_OUTPUT_MAX) {
    const byDepth = order.slice().sort((a, b) => (depth[a] as number) - (depth[b] as number));
    const moved = new Uint8Array(stateCount);
    for (let k = NO_OUTPUT_MAX; k < byDepth.length; k++) moved[byDepth[k] as number] = 1;
    for (let s = 0; s < stateCount; s++) if (moved[s] === 1) withOutputs.push(s);
    order = order.filter((s) => moved[s] === 0);
  }
  const firstOutputState = order.length;
  const escaping = stateCount > 1 << 16 && firstOutputState < ESCAPE;
  // Stable sort: among states of one depth the renumbered (prefetch-friendly) order stays.
  if (escaping) withOutputs.sort((a, b) => (depth[a] as number) - (depth[b] as number) || a - b);
  for (const s of withOutputs) order.push(s);
  if (order[0] !== 0) throw new Error("the root state must stay first");
  const final = new Int32Array(stateCount);
  order.forEach((old, index) => { final[old] = index; });
  const size = stateCount * alphabetSize;
  const table = stateCount <= 1 << 16 || escaping ? new Uint16Array(size) : new Int32Array(size);
  const escapes = escaping ? new Map<number, number>() : null;
  order.forEach((old, index) => {
    const row = (source[old] as number) * alphabetSize;
    for (let cls = 0; cls < alphabetSize; cls++) {
      const renumbered = cls === spaceClass && (spaceTarget[old] as number) >= 0 ? (spaceTarget[old] as number) : (rank[next[row + cls] as number] as number);
      const target = final[renumbered] as number;
      const at = index * alphabetSize + cls;
      if (escapes !== null && target >= ESCAPE) {
        table[at] = ESCAPE;
        escapes.set(at, target);
      } else {
        table[at] = target;
      }
    }
  });
  return { next: table, escapes, outputs: order.map((old) => outputs[old] as number[]), firstOutputState };
}

/** Receives every keyword occurrence: the term id and the folded index of its last character. */
export type HitHandler = (termId: number, end: number) => void;

/**
 * Runs the automaton over codes[0..length). A virtual separator is fed before and after the text so
 * keywords anchored on word boundaries also match at the edges. Runs of separators need no test
 * here: the table ignores a separator that follows a separator (see collapseSeparatorRuns).
 *
 * Each step waits for the previous one's table load, so one pass is bound by load latency, not by
 * work. Longer texts are therefore scanned as two halves in the same loop, two independent chains
 * the CPU overlaps (from QUARTERS_MIN_LENGTH units, four quarters: advanceFourQuarters). Both halves' hits are held back and reported after the loop, the first half's
 * first, so hits arrive in the same order as from a single pass (a handler called from inside the
 * loop slows it down).
 */
export function runAutomaton(automaton: Automaton, codes: Uint16Array, length: number, onHit: HitHandler): void {
  if (automaton.anchorFrom > 0 && findStretches(automaton, codes, length) * 2 < length) {
    scanStretches(automaton, codes, length, onHit);
    return;
  }
  if (automaton.sparse !== null) {
    // One chain (advanceAutomaton reads a sparse table): the halves and quarters below are written for
    // the dense table; several chains over a sparse one were not measured.
    finishAutomaton(automaton, advanceAutomaton(automaton, codes, 0, length, initialState(automaton), onHit), length, onHit);
    return;
  }
  if (length >= QUARTERS_MIN_LENGTH) {
    const quarter = length >> 2;
    const from1 = warmUpStart(automaton, codes, quarter);
    if (from1 > 0) {
      const state = advanceFourQuarters(
        automaton, codes, quarter, length,
        stateAfter(automaton, codes, from1, quarter),
        stateAfter(automaton, codes, warmUpStart(automaton, codes, 2 * quarter), 2 * quarter),
        stateAfter(automaton, codes, warmUpStart(automaton, codes, 3 * quarter), 3 * quarter),
        onHit,
      );
      finishAutomaton(automaton, state, length, onHit);
      return;
    }
  }
  const split = length >= SPLIT_MIN_LENGTH ? length >> 1 : 0;
  const warmFrom = split > 0 ? warmUpStart(automaton, codes, split) : 0;
  let state: number;
  if (warmFrom <= 0) {
    state = advanceAutomaton(automaton, codes, 0, length, initialState(automaton), onHit);
  } else {
    // The state at `split` depends only on the last maxDepth symbols before it (see warmUpStart).
    const splitState = stateAfter(automaton, codes, warmFrom, split);
    state = advanceTwoHalves(automaton, codes, split, length, splitState, onHit);
  }
  finishAutomaton(automaton, state, length, onHit);
}

/** [start, end) pairs of the stretches findStretches found, in stretches[0 .. stretchCount * 2). */
let stretches = new Int32Array(64);
let stretchCount = 0;

/**
 * The stretches of codes[0..length) within maxDepth symbols of a unit ≥ anchorFrom, into `stretches`;
 * returns how many code units they cover. Every keyword holds such a unit and has at most maxDepth
 * symbols, so every match lies inside one stretch, and a stretch read from the root finds every match
 * that starts in it (from its start, a non-separator, the collapsed text is a suffix of the whole
 * text's). Stretches that touch are merged, so none is read twice and hits come in text order.
 */
function findStretches(automaton: Automaton, codes: Uint16Array, length: number): number {
  const { anchorFrom, classOf, spaceClass, maxDepth } = automaton;
  stretchCount = 0;
  let covered = 0;
  let anchor = 0;
  while (anchor < length && (codes[anchor] as number) < anchorFrom) anchor++;
  if (anchor >= length) return 0;
  let start = warmUpStart(automaton, codes, anchor);
  // The current anchor's stretch ends at `end`: (anchor, end) holds `count` non-separator units, and
  // `end` moves on until there are maxDepth of them (or the text ends). Both only move forward.
  let end = anchor + 1;
  let count = 0;
  for (;;) {
    while (end < length && count < maxDepth) {
      if (classOf[codes[end] as number] !== spaceClass) count++;
      end++;
    }
    let next = anchor + 1;
    while (next < length && (codes[next] as number) < anchorFrom) next++;
    if (next < length && (next < end || warmUpStart(automaton, codes, next) <= end)) {
      // The next anchor's stretch touches this one: continue it, the window becoming (next, end).
      for (let k = anchor + 1; k <= next && k < end; k++) if (classOf[codes[k] as number] !== spaceClass) count--;
      if (next >= end) {
        end = next + 1;
        count = 0;
      }
      anchor = next;
      continue;
    }
    if (stretches.length < 2 * (stretchCount + 1)) {
      const grown = new Int32Array(stretches.length * 2);
      grown.set(stretches);
      stretches = grown;
    }
    stretches[2 * stretchCount] = start;
    stretches[2 * stretchCount + 1] = end;
    stretchCount++;
    covered += end - start;
    if (next >= length) return covered;
    anchor = next;
    start = warmUpStart(automaton, codes, anchor);
    end = anchor + 1;
    count = 0;
  }
}

/**
 * Scans the stretches findStretches found (see there); texts where they cover most of the text are
 * scanned whole instead (runAutomaton). Mostly-Latin texts with a few other letters (a Greek µ, a
 * name, a quoted word) then cost a few short stretches.
 */
function scanStretches(automaton: Automaton, codes: Uint16Array, length: number, onHit: HitHandler): void {
  for (let k = 0; k < stretchCount; k++) {
    const start = stretches[2 * k] as number;
    const end = stretches[2 * k + 1] as number;
    const state = advanceAutomaton(automaton, codes, start, end, start === 0 ? initialState(automaton) : 0, onHit);
    if (end === length) finishAutomaton(automaton, state, length, onHit);
  }
}

/** Below this many code units one pass is as fast: the halves' warm-up would not pay. */
const SPLIT_MIN_LENGTH = 256;

/**
 * The AC state after a text is the longest suffix of the text that is a trie path, at most maxDepth
 * symbols; so reading any stretch holding maxDepth symbols before `split`, from any state, ends in
 * the same state as reading everything before it, and no match ending at or after `split` that
 * holds codes[split] starts before it. Counting only non-separators (a separator run is one symbol)
 * errs on the long side. Returns 0 if the stretch would start at the text's start.
 */
function warmUpStart(automaton: Automaton, codes: Uint16Array, split: number): number {
  const { classOf, spaceClass, maxDepth } = automaton;
  let symbols = 0;
  let from = split;
  while (from > 0 && symbols < maxDepth) {
    from--;
    if (classOf[codes[from] as number] !== spaceClass) symbols++;
  }
  return from;
}

/** The state reached from the root over codes[from..to), reporting nothing. */
function stateAfter(automaton: Automaton, codes: Uint16Array, from: number, to: number): number {
  const { classOf, alphabetSize, next, escapes } = automaton;
  let state = 0;
  for (let i = from; i < to; i++) {
    const at = state * alphabetSize + (classOf[codes[i] as number] as number);
    state = next[at] as number;
    if (state === ESCAPE && escapes !== null) state = escapes.get(at) as number;
  }
  return state;
}

/** (state, index) pairs of the first and the second half's hits, reported after advanceTwoHalves' loop. */
let heldFirst = new Int32Array(1024);
let heldBack = new Int32Array(1024);

/**
 * Reads codes[0..split) from the initial state and codes[split..length) from `splitState` in one
 * loop (split ≤ length - split), then reports the first half's hits and the second half's. Returns the
 * state at `length`.
 */
function advanceTwoHalves(automaton: Automaton, codes: Uint16Array, split: number, length: number, splitState: number, onHit: HitHandler): number {
  const { classOf, alphabetSize, next, firstOutputState, escapes } = automaton;
  if (heldBack.length < 2 * (length - split)) heldBack = new Int32Array(2 * (length - split));
  if (heldFirst.length < 2 * split) heldFirst = new Int32Array(2 * split);
  const held = heldBack;
  const heldAhead = heldFirst;
  let pending = 0;
  let pendingFirst = 0;
  let first = initialState(automaton);
  let second = splitState;
  for (let i = 0, j = split; i < split; i++, j++) {
    const atFirst = first * alphabetSize + (classOf[codes[i] as number] as number);
    const atSecond = second * alphabetSize + (classOf[codes[j] as number] as number);
    first = next[atFirst] as number;
    second = next[atSecond] as number;
    if (first >= firstOutputState) {
      if (first === ESCAPE && escapes !== null) first = escapes.get(atFirst) as number;
      heldAhead[pendingFirst++] = first;
      heldAhead[pendingFirst++] = i;
    }
    if (second >= firstOutputState) {
      if (second === ESCAPE && escapes !== null) second = escapes.get(atSecond) as number;
      held[pending++] = second;
      held[pending++] = j;
    }
  }
  for (let k = 0; k < pendingFirst; k += 2) reportOutputs(automaton, heldAhead[k] as number, heldAhead[k + 1] as number, onHit);
  for (let k = 0; k < pending; k += 2) reportOutputs(automaton, held[k] as number, held[k + 1] as number, onHit);
  // An odd length leaves one code unit for the second half.
  return advanceAutomaton(automaton, codes, 2 * split, length, second, onHit);
}

/**
 * From this many code units on, a text is read as four quarters at once (advanceFourQuarters). Over the
 * corpus's texts longer than 2,048 characters the scan was ≈ 4% faster than with two halves (in-process
 * A/B, median round of eight runs ≈ 0.96, from 0.924 to 1.026); texts scored whole read their automaton in
 * the n-gram loop. The loop is advanceTwoHalves' with four chains, written out on purpose: a loop over a
 * chain index would serialise what the unrolled chains overlap.
 */
const QUARTERS_MIN_LENGTH = 2048;

/** (state, index) pairs of the second, third and fourth quarter's hits (the first's go in heldFirst). */
let heldSecond = new Int32Array(1024);
let heldThird = new Int32Array(1024);

/**
 * advanceTwoHalves with four chains: codes[0..q) from the initial state and the quarters starting at
 * q, 2q and 3q from `s1`, `s2` and `s3` (their states after warm-up, as for the halves) in one loop,
 * then each quarter's hits in text order, then the units past 4q from the fourth chain. Long texts
 * spend their automaton time waiting on table loads; four independent chains overlap more of them.
 */
function advanceFourQuarters(automaton: Automaton, codes: Uint16Array, q: number, length: number, s1: number, s2: number, s3: number, onHit: HitHandler): number {
  const { classOf, alphabetSize, next, firstOutputState, escapes } = automaton;
  if (heldFirst.length < 2 * q) heldFirst = new Int32Array(2 * q);
  if (heldSecond.length < 2 * q) heldSecond = new Int32Array(2 * q);
  if (heldThird.length < 2 * q) heldThird = new Int32Array(2 * q);
  if (heldBack.length < 2 * q) heldBack = new Int32Array(2 * q);
  const h0 = heldFirst;
  const h1 = heldSecond;
  const h2 = heldThird;
  const h3 = heldBack;
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
  let p3 = 0;
  let a = initialState(automaton);
  let b = s1;
  let c = s2;
  let d = s3;
  for (let i = 0; i < q; i++) {
    const j = i + q;
    const k = j + q;
    const l = k + q;
    const atA = a * alphabetSize + (classOf[codes[i] as number] as number);
    const atB = b * alphabetSize + (classOf[codes[j] as number] as number);
    const atC = c * alphabetSize + (classOf[codes[k] as number] as number);
    const atD = d * alphabetSize + (classOf[codes[l] as number] as number);
    a = next[atA] as number;
    b = next[atB] as number;
    c = next[atC] as number;
    d = next[atD] as number;
    if (a >= firstOutputState) {
      if (a === ESCAPE && escapes !== null) a = escapes.get(atA) as number;
      h0[p0++] = a;
      h0[p0++] = i;
    }
    if (b >= firstOutputState) {
      if (b === ESCAPE && escapes !== null) b = escapes.get(atB) as number;
      h1[p1++] = b;
      h1[p1++] = j;
    }
    if (c >= firstOutputState) {
      if (c === ESCAPE && escapes !== null) c = escapes.get(atC) as number;
      h2[p2++] = c;
      h2[p2++] = k;
    }
    if (d >= firstOutputState) {
      if (d === ESCAPE && escapes !== null) d = escapes.get(atD) as number;
      h3[p3++] = d;
      h3[p3++] = l;
    }
  }
  for (let n = 0; n < p0; n += 2) reportOutputs(automaton, h0[n] as number, h0[n + 1] as number, onHit);
  for (let n = 0; n < p1; n += 2) reportOutputs(automaton, h1[n] as number, h1[n + 1] as number, onHit);
  for (let n = 0; n < p2; n += 2) reportOutputs(automaton, h2[n] as number, h2[n + 1] as number, onHit);
  for (let n = 0; n < p3; n += 2) reportOutputs(automaton, h3[n] as number, h3[n + 1] as number, onHit);
  // length - 4q (0 to 3) units are left for the fourth chain.
  return advanceAutomaton(automaton, codes, 4 * q, length, d, onHit);
}

/** The state after the virtual separator that precedes the text. */
export function initialState(automaton: Automaton): number {
  if (automaton.sparse !== null) return automaton.sparse.rootRow[automaton.spaceClass] as number;
  return automaton.next[automaton.spaceClass] as number;
}

/** Feeds codes[from..to) from `state` and returns the state reached. */
function advanceAutomaton(automaton: Automaton, codes: Uint16Array, from: number, to: number, state: number, onHit: HitHandler): number {
  if (automaton.sparse !== null) return advanceSparse(automaton, automaton.sparse, codes, from, to, state, onHit);
  const { classOf, alphabetSize, next, firstOutputState, escapes } = automaton;
  for (let i = from; i < to; i++) {
    const at = state * alphabetSize + (classOf[codes[i] as number] as number);
    state = next[at] as number;
    if (state >= firstOutputState) {
      if (state === ESCAPE && escapes !== null) state = escapes.get(at) as number;
      reportOutputs(automaton, state, i, onHit);
    }
  }
  return state;
}

/** Feeds the virtual separator that follows the text (length ≥ 1, or nothing can match). */
export function finishAutomaton(automaton: Automaton, state: number, length: number, onHit: HitHandler): void {
  let target: number;
  if (automaton.sparse !== null) {
    target = sparseNext(automaton.sparse, automaton.alphabetSize, state, automaton.spaceClass);
  } else {
    const at = state * automaton.alphabetSize + automaton.spaceClass;
    target = automaton.next[at] as number;
    if (target === ESCAPE && automaton.escapes !== null) target = automaton.escapes.get(at) as number;
  }
  if (target >= automaton.firstOutputState) reportOutputs(automaton, target, length - 1, onHit);
}

/** Reports every keyword ending in `state` (entered at folded index `end`). */
export function reportOutputs(automaton: Automaton, state: number, end: number, onHit: HitHandler): void {
  const report = automaton.outputs[state - automaton.firstOutputState] as number;
  if ((report & 1) === 0) {
    onHit(report >> 1, end);
    return;
  }
  const lists = automaton.outputLists;
  const from = (report >> 1) + 1;
  const to = from + (lists[from - 1] as number);
  for (let k = from; k < to; k++) onHit(lists[k] as number, end);
}
