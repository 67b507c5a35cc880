// Decides which links to try, in order, for a requested model.
import type { LinkCache, LinkEntry } from "./link-cache.ts";

export interface RouteCandidate {
  link: LinkEntry;
  /** The model name to send upstream (differs from the requested one behind an alias). */
  upstreamModel: string;
}

export interface Router {
  /** Links to try in order; empty when no link serves the model. */
  plan(model: string): RouteCandidate[];
  /** Whether any link serves the model (for /v1/models and 404s). */
  serves(model: string): boolean;
  /** Every model name clients may ask for. */
  models(): string[];
  /** Report an attempt's outcome (latency in ms), for strategies and health. */
  report(candidate: RouteCandidate, outcome: "ok" | "failed", latencyMs: number): void;
  begin(candidate: RouteCandidate): void;
  end(candidate: RouteCandidate): void;
}

/** Weighted shuffle: each position drawn with probability proportional to weight (0 weight last). */
export function weightedOrder<T extends { weight: number }>(items: readonly T[], random: () => number = Math.random): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (pool.length > 0) {
    const total = pool.reduce((sum, item) => sum + Math.max(0, item.weight), 0);
    let index = 0;
    if (total > 0) {
      let ticket = random() * total;
      index = pool.findIndex((item) => {
        ticket -= Math.max(0, item.weight);
        return ticket < 0;
      });
      if (index < 0) index = pool.length - 1;
    }
    out.push(...pool.splice(index, 1));
  }
  return out;
}

/** Highest priority first; within one priority, weighted random. */
export function priorityWeightedOrder(links: readonly LinkEntry[], random: () => number = Math.random): LinkEntry[] {
  const byPriority = new Map<number, LinkEntry[]>();
  for (const link of links) {
    const group = byPriority.get(link.priority);
    if (group) group.push(link);
    else byPriority.set(link.priority, [link]);
  }
  return [...byPriority.keys()].sort((a, b) => b - a).flatMap((priority) => weightedOrder(byPriority.get(priority) ?? [], random));
}

export class SimpleRouter implements Router {
  constructor(private readonly links: LinkCache) {}

  plan(model: string): RouteCandidate[] {
    return priorityWeightedOrder(this.links.linksFor(model)).map((link) => ({ link, upstreamModel: model }));
  }

  serves(model: string): boolean {
    return this.links.linksFor(model).length > 0;
  }

  models(): string[] {
    return this.links.models();
  }

  report(): void {}
  begin(): void {}
  end(): void {}
}
