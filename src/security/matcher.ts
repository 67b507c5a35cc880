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
   * Dense transition table, next[state * alphabetSize + class]; 16-bit when it fits, for cache.
   * A target with outputs carries `outputFlag`; the state is `value & stateMask`.
   */
  readonly next: Uint16Array | Int32Array;
  readonly stateMask: number;
  readonly outputFlag: number;
  /** Outputs of state s are termIds[outStart[s] .. outStart[s + 1]). */
  readonly outStart: Int32Array;
  readonly termIds: Int32Array;
  readonly stateCount: number;
}

interface TrieNode {
  children: Map<number, number>;
  outputs: number[];
}

/** Builds an automaton over `terms` (already folded); the index of a term is its id. */
export function compileAutomaton(terms: readonly string[], ids: readonly number[]): Automaton {
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

  const stateCount = nodes.length;
  const next = stateCount < 65536 ? new Uint16Array(stateCount * alphabetSize) : new Int32Array(stateCount * alphabetSize);
  const fail = new Int32Array(stateCount);
  const order: number[] = [0];
  const outputs: number[][] = nodes.map((node) => node.outputs.slice());
  // Breadth-first: a state's failure target is always finished before the state itself.
  for (let head = 0; head < order.length; head++) {
    const state = order[head] as number;
    const node = nodes[state] as TrieNode;
    for (let cls = 0; cls < alphabetSize; cls++) {
      const child = node.children.get(cls);
      if (child !== undefined) {
        next[state * alphabetSize + cls] = child;
        const target = state === 0 ? 0 : (next[(fail[state] as number) * alphabetSize + cls] as number);
        fail[child] = target;
        if (state !== 0) for (const out of outputs[target] as number[]) (outputs[child] as number[]).push(out);
        order.push(child);
      } else {
        next[state * alphabetSize + cls] = state === 0 ? 0 : (next[(fail[state] as number) * alphabetSize + cls] as number);
      }
    }
  }
  const outStart = new Int32Array(stateCount + 1);
  let total = 0;
  for (let s = 0; s < stateCount; s++) {
    outStart[s] = total;
    total += (outputs[s] as number[]).length;
  }
  outStart[stateCount] = total;
  const termIds = new Int32Array(total);
  for (let s = 0; s < stateCount; s++) termIds.set(outputs[s] as number[], outStart[s] as number);
  // Mark transitions into states with outputs by the top bit, so the scan loop reads the output
  // table only on a hit.
  const stateBits = stateCount < 1 << 15 ? 15 : 30;
  if (stateCount >= 1 << 30) throw new Error("keyword automaton too large");
  const hasOutput = (s: number): boolean => (outStart[s + 1] as number) > (outStart[s] as number);
  const flag = 1 << stateBits;
  const packed = stateBits === 15 ? new Uint16Array(next.length) : new Int32Array(next.length);
  for (let i = 0; i < next.length; i++) {
    const target = next[i] as number;
    packed[i] = hasOutput(target) ? target | flag : target;
  }
  return { classOf, alphabetSize, spaceClass, next: packed, outStart, termIds, stateCount, stateMask: flag - 1, outputFlag: flag };
}

/** Receives every keyword occurrence: the term id and the folded index of its last character. */
export type HitHandler = (termId: number, end: number) => void;

/**
 * Runs the automaton over codes[0..length). A virtual separator is fed before and after the text so
 * keywords anchored on word boundaries also match at the edges.
 */
export function runAutomaton(automaton: Automaton, codes: Uint16Array, length: number, onHit: HitHandler): void {
  const { classOf, alphabetSize, spaceClass, next, outStart, termIds, stateMask, outputFlag } = automaton;
  let value = next[spaceClass] as number;
  let state = value & stateMask;
  let previousSpace = true;
  for (let i = 0; i < length; i++) {
    const cls = classOf[codes[i] as number] as number;
    if (cls === spaceClass) {
      if (previousSpace) continue;
      previousSpace = true;
    } else {
      previousSpace = false;
    }
    value = next[state * alphabetSize + cls] as number;
    state = value & stateMask;
    if ((value & outputFlag) === 0) continue;
    const from = outStart[state] as number;
    const to = outStart[state + 1] as number;
    for (let k = from; k < to; k++) onHit(termIds[k] as number, i);
  }
  if (!previousSpace) {
    state = (next[state * alphabetSize + spaceClass] as number) & stateMask;
    const from = outStart[state] as number;
    const to = outStart[state + 1] as number;
    for (let k = from; k < to; k++) onHit(termIds[k] as number, length - 1);
  }
}
