// Chooses what to scan when the input exceeds the policy's size limit: the head and the tail
// (system prompt and latest turns are where instructions live), never the whole thing. Slicing
// is O(limit), so a multi-megabyte prompt costs no more than one at the limit.

export interface ScanWindow {
  readonly segments: readonly string[];
  readonly truncated: boolean;
}

export function selectWindow(texts: readonly string[], maxChars: number): ScanWindow {
  let total = 0;
  for (const text of texts) total += text.length;
  if (total <= maxChars) return { segments: nonEmpty(texts), truncated: false };

  const headBudget = Math.floor(maxChars / 2);
  let tailBudget = maxChars - headBudget;
  const head: string[] = [];
  let remaining = headBudget;
  let headEndIndex = 0;
  let headEndOffset = 0;
  for (let i = 0; i < texts.length && remaining > 0; i++) {
    const text = texts[i] as string;
    const take = Math.min(text.length, remaining);
    if (take > 0) head.push(text.slice(0, take));
    remaining -= take;
    headEndIndex = i;
    headEndOffset = take;
  }
  const tail: string[] = [];
  for (let i = texts.length - 1; i >= 0 && tailBudget > 0; i--) {
    const text = texts[i] as string;
    // Do not rescan characters the head already covered.
    const floor = i < headEndIndex ? text.length : i === headEndIndex ? headEndOffset : 0;
    const take = Math.min(text.length - floor, tailBudget);
    if (take > 0) tail.push(text.slice(text.length - take));
    tailBudget -= take;
    if (i <= headEndIndex) break;
  }
  return { segments: [...head, ...tail.reverse()], truncated: true };
}

/** The non-empty texts; `texts` itself when none is empty (the usual case), without copying. */
function nonEmpty(texts: readonly string[]): readonly string[] {
  for (const text of texts) if (text.length === 0) return texts.filter((t) => t.length > 0);
  return texts;
}
