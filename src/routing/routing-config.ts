// Model aliases, routing strategies and gateway-wide routing settings as stored in the database, loaded
// as one immutable snapshot and swapped whole when the configuration bus says "routing" changed.
import type { Sql } from "postgres";
import { DEFAULT_STRATEGY, isStrategy, type Strategy } from "./strategies.ts";

export interface ModelAlias {
  alias: string;
  targetModel: string;
  /** Pins the alias to one link; null lets every link serving the target model take it. */
  linkId: string | null;
}

export interface RoutingSettings {
  /** The longest a request may spend trying links (attempts, retries and backoff) before it fails. */
  requestDeadlineMs: number;
}

export const DEFAULT_SETTINGS: RoutingSettings = { requestDeadlineMs: 180_000 };
/** The strategies table uses this model name for the global default. */
export const GLOBAL_MODEL = "*";
/** Where gateway-wide routing settings live in the `settings` table. */
export const DEADLINE_SETTING = "routing.request_deadline_ms";

export class RoutingConfig {
  constructor(
    readonly aliases: ReadonlyMap<string, ModelAlias> = new Map(),
    readonly strategies: ReadonlyMap<string, Strategy> = new Map(),
    readonly settings: RoutingSettings = DEFAULT_SETTINGS,
  ) {}

  /** The strategy for a model: its own, else the global one, else the default. */
  strategyFor(...models: string[]): Strategy {
    for (const model of models) {
      const strategy = this.strategies.get(model);
      if (strategy) return strategy;
    }
    return this.strategies.get(GLOBAL_MODEL) ?? DEFAULT_STRATEGY;
  }
}

export function parseDeadline(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : DEFAULT_SETTINGS.requestDeadlineMs;
}

export async function loadRoutingConfig(sql: Sql): Promise<RoutingConfig> {
  // One after another: the embedded engine serves one statement at a time anyway.
  const aliasRows = await sql<
    { alias: string; target_model: string; link_id: string | null }[]
  >`select alias, target_model, link_id from model_aliases`;
  const strategyRows = await sql<{ model: string; strategy: string }[]>`select model, strategy from routing_strategies`;
  const settingRows = await sql<{ value: string }[]>`select value from settings where key = ${DEADLINE_SETTING}`;
  const aliases = new Map(aliasRows.map((row) => [row.alias, { alias: row.alias, targetModel: row.target_model, linkId: row.link_id }]));
  const strategies = new Map<string, Strategy>();
  for (const row of strategyRows) if (isStrategy(row.strategy)) strategies.set(row.model, row.strategy);
  return new RoutingConfig(aliases, strategies, { requestDeadlineMs: parseDeadline(settingRows[0]?.value) });
}
