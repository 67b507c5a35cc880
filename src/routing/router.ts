// Decides which links to try, in order, for a requested model: resolves aliases, orders the links by the
// model's strategy, keeps cooling-down and resting links last and tracks every link's health for the
// breaker and the upstreams' retry hints.
import { breakerSettings, HealthBook, type BreakerState, type LinkHealthSnapshot, type RestCause } from "./health.ts";
import type { LinkCache, LinkEntry } from "./link-cache.ts";
import { RoutingConfig, type RoutingSettings } from "./routing-config.ts";
import { orderLinks, type OrderState, type RankedLink, type Strategy } from "./strategies.ts";

export { priorityWeightedOrder, weightedOrder } from "./strategies.ts";

export interface RouteCandidate {
  link: LinkEntry;
  /** The model name to send upstream (differs from the requested one behind an alias). */
  upstreamModel: string;
}

export interface LinkHealthView {
  link: LinkEntry;
  health: LinkHealthSnapshot;
}

export interface Router {
  /**
   * Every link serving the model, in the order to try them: the strategy's order, with links whose
   * circuit is open or that are resting moved last. Empty when no link serves the model.
   */
  plan(model: string): RouteCandidate[];
  /** Whether any link serves the model (for /v1/models and 404s). */
  serves(model: string): boolean;
  /** Every model name clients may ask for, aliases included. */
  models(): string[];
  /** Whether the candidate may be tried now (false while resting or its circuit is open); may claim the half-open probe. */
  admit(candidate: RouteCandidate): boolean;
  /**
   * The upstream answered with a retry hint, or is overloaded: leave the link alone for `ms` (capped by
   * the link's `retry_after_max_ms`).
   */
  rest(candidate: RouteCandidate, ms: number, cause?: RestCause): void;
  /** Why the candidate rests now (rate limited or overloaded); null when it does not. */
  restCause(candidate: RouteCandidate): RestCause | null;
  /** Milliseconds until the candidate's rest ends; 0 when it is not resting. */
  restMs(candidate: RouteCandidate): number;
  /** Milliseconds until the candidate could be admitted (rest or breaker cool-down); 0 when it can be now. */
  waitMs(candidate: RouteCandidate): number;
  begin(candidate: RouteCandidate): void;
  end(candidate: RouteCandidate): void;
  /** An attempt's outcome: latency in ms (to the response headers) and, for failures, why. */
  report(candidate: RouteCandidate, outcome: "ok" | "failed", latencyMs: number, reason?: string): void;
  /** Gateway-wide settings (request deadline). */
  readonly settings: RoutingSettings;
  /** Health of every enabled link, for the management API. */
  health(): LinkHealthView[];
}

interface Resolved {
  links: readonly LinkEntry[];
  upstreamModel: string;
  strategy: Strategy;
}

/** What the router reads from the link cache (an interface, so tests can hand in plain lists). */
export type LinkSource = Pick<LinkCache, "linksFor" | "links" | "models">;

export interface RouterOptions {
  /** Called when a link's circuit changes state (for the link-state metric), with the link's name. */
  onStateChange?: (linkName: string, state: BreakerState) => void;
  random?: () => number;
  now?: () => number;
}

export class LinkRouter implements Router {
  private config = new RoutingConfig();
  private readonly book: HealthBook;
  private readonly orderState = new Map<string, OrderState>();
  private readonly random: () => number;

  constructor(
    private readonly links: LinkSource,
    options: RouterOptions = {},
  ) {
    this.random = options.random ?? Math.random;
    const onStateChange = options.onStateChange;
    this.book = new HealthBook((linkId, state) => {
      const name = this.links.links().find((entry) => entry.config.id === linkId)?.config.name;
      if (name && onStateChange) onStateChange(name, state);
    }, options.now);
  }

  /** Swap in a freshly loaded routing configuration (aliases, strategies, settings). */
  useConfig(config: RoutingConfig): void {
    this.config = config;
  }

  get settings(): RoutingSettings {
    return this.config.settings;
  }

  private resolve(model: string): Resolved {
    const alias = this.config.aliases.get(model);
    if (!alias) return { links: this.links.linksFor(model), upstreamModel: model, strategy: this.config.strategyFor(model) };
    const strategy = this.config.strategyFor(model, alias.targetModel);
    if (alias.linkId === null) return { links: this.links.linksFor(alias.targetModel), upstreamModel: alias.targetModel, strategy };
    // A pinned alias goes to its link whatever that link's model list says: the operator chose it.
    const pinned = this.links.links().find((entry) => entry.config.id === alias.linkId);
    return { links: pinned ? [pinned] : [], upstreamModel: alias.targetModel, strategy };
  }

  plan(model: string): RouteCandidate[] {
    const resolved = this.resolve(model);
    if (resolved.links.length === 0) return [];
    const ranked = resolved.links.map((link) => ({
      id: link.config.id,
      weight: link.weight,
      priority: link.priority,
      inFlight: this.book.inFlight(link.config.id),
      ewmaMs: this.book.ewmaMs(link.config.id),
      link,
    })) satisfies RankedLink[];
    let state = this.orderState.get(model);
    if (!state) {
      state = { roundRobin: new Map() };
      this.orderState.set(model, state);
    }
    const ordered = orderLinks(resolved.strategy, ranked, state, this.random);
    const ready: RouteCandidate[] = [];
    const cooling: RouteCandidate[] = [];
    for (const entry of ordered) {
      const candidate = { link: entry.link, upstreamModel: resolved.upstreamModel };
      if (this.book.available(entry.id, breakerSettings(entry.link.config.options))) ready.push(candidate);
      else cooling.push(candidate);
    }
    return cooling.length === 0 ? ready : [...ready, ...cooling];
  }

  serves(model: string): boolean {
    return this.resolve(model).links.length > 0;
  }

  models(): string[] {
    const names = new Set(this.links.models());
    for (const alias of this.config.aliases.keys()) if (this.serves(alias)) names.add(alias);
    return [...names];
  }

  admit(candidate: RouteCandidate): boolean {
    return this.book.admit(candidate.link.config.id, breakerSettings(candidate.link.config.options));
  }

  rest(candidate: RouteCandidate, ms: number, cause: RestCause = "limited"): void {
    this.book.rest(candidate.link.config.id, ms, breakerSettings(candidate.link.config.options), cause);
  }

  restCause(candidate: RouteCandidate): RestCause | null {
    return this.book.restCause(candidate.link.config.id);
  }

  restMs(candidate: RouteCandidate): number {
    return this.book.restMs(candidate.link.config.id);
  }

  waitMs(candidate: RouteCandidate): number {
    return this.book.waitMs(candidate.link.config.id, breakerSettings(candidate.link.config.options));
  }

  begin(candidate: RouteCandidate): void {
    this.book.begin(candidate.link.config.id);
  }

  end(candidate: RouteCandidate): void {
    this.book.end(candidate.link.config.id);
  }

  report(candidate: RouteCandidate, outcome: "ok" | "failed", latencyMs: number, reason?: string): void {
    const { id, options } = candidate.link.config;
    const settings = breakerSettings(options);
    if (outcome === "ok") this.book.success(id, latencyMs, settings);
    else this.book.failure(id, reason ?? "failed", settings);
  }

  health(): LinkHealthView[] {
    const links = this.links.links();
    this.book.retain(new Set(links.map((link) => link.config.id)));
    return links.map((link) => ({ link, health: this.book.snapshot(link.config.id) }));
  }
}
