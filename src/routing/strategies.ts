// The routing strategies: pure orderings of the links serving one model. The first link is the one
// tried first; the rest are the fallback order.

export const STRATEGIES = ["weighted_random", "round_robin", "least_in_flight", "lowest_latency", "priority_failover"] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const DEFAULT_STRATEGY: Strategy = "weighted_random";

export function isStrategy(value: unknown): value is Strategy {
  return typeof value === "string" && (STRATEGIES as readonly string[]).includes(value);
}

/** What a strategy may look at: identity, configuration and live load of one link. */
export interface RankedLink {
  id: string;
  weight: number;
  priority: number;
  inFlight: number;
  /** Smoothed recent latency, or null before the first sample. */
  ewmaMs: number | null;
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
export function priorityWeightedOrder<T extends { weight: number; priority: number }>(
  links: readonly T[],
  random: () => number = Math.random,
): T[] {
  const byPriority = new Map<number, T[]>();
  for (const link of links) {
    const group = byPriority.get(link.priority);
    if (group) group.push(link);
    else byPriority.set(link.priority, [link]);
  }
  return [...byPriority.keys()].sort((a, b) => b - a).flatMap((priority) => weightedOrder(byPriority.get(priority) ?? [], random));
}

/**
 * Smooth weighted round robin (as in nginx): deterministic, spreads each link's turns evenly instead of in
 * bursts, and honours weights exactly over every cycle of sum(weights) requests. The state is the
 * running "current weight" per link id, kept by the caller per model.
 */
export function smoothWeightedOrder<T extends { id: string; weight: number }>(links: readonly T[], current: Map<string, number>): T[] {
  const live = links.filter((link) => link.weight > 0);
  if (live.length === 0) return [...links];
  const total = live.reduce((sum, link) => sum + link.weight, 0);
  let best: T | undefined;
  for (const link of live) {
    const value = (current.get(link.id) ?? 0) + link.weight;
    current.set(link.id, value);
    if (best === undefined || value > (current.get(best.id) ?? 0)) best = link;
  }
  if (best === undefined) return [...links];
  current.set(best.id, (current.get(best.id) ?? 0) - total);
  // Forget links that left, so a link that comes back starts fresh.
  for (const id of current.keys()) if (!live.some((link) => link.id === id)) current.delete(id);
  const chosen = best;
  const rest = live.filter((link) => link !== chosen).sort((a, b) => (current.get(b.id) ?? 0) - (current.get(a.id) ?? 0));
  return [chosen, ...rest, ...links.filter((link) => link.weight <= 0)];
}

/** Sort by a score (lower first); equal scores keep their weighted-random order, so ties still spread. */
function byScore<T extends { weight: number }>(links: readonly T[], score: (link: T) => number, random: () => number): T[] {
  const shuffled = weightedOrder(links, random);
  const rank = new Map(shuffled.map((link, index) => [link, index]));
  return shuffled.sort((a, b) => score(a) - score(b) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
}

export interface OrderState {
  /** Smooth round-robin state for this model. */
  roundRobin: Map<string, number>;
}

/** Chance that lowest_latency tries a weighted-random order instead, so a link that recovered is seen again. */
export const LATENCY_EXPLORATION = 0.05;

export function orderLinks<T extends RankedLink>(
  strategy: Strategy,
  links: readonly T[],
  state: OrderState,
  random: () => number = Math.random,
): T[] {
  switch (strategy) {
    case "weighted_random":
      return weightedOrder(links, random);
    case "priority_failover":
      return priorityWeightedOrder(links, random);
    case "round_robin":
      return smoothWeightedOrder(links, state.roundRobin);
    case "least_in_flight":
      // Relative to weight: a link twice as heavy may carry twice the load before it looks busier.
      return byScore(links, (link) => (link.weight > 0 ? link.inFlight / link.weight : Number.POSITIVE_INFINITY), random);
    case "lowest_latency":
      if (random() < LATENCY_EXPLORATION) return weightedOrder(links, random);
      // A link without samples counts as fastest, so every link gets measured.
      return byScore(links, (link) => link.ewmaMs ?? 0, random);
  }
}
