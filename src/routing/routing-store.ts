// Writes of the routing configuration (aliases, strategies, the request deadline). Reads are in
// routing-config.ts; callers publish the change on the configuration bus afterwards.
import type { Sql } from "postgres";
import { DEADLINE_SETTING, type ModelAlias } from "./routing-config.ts";
import type { Strategy } from "./strategies.ts";

export interface AliasRow {
  alias: string;
  target_model: string;
  link_id: string | null;
  link_name: string | null;
  updated_at: Date;
}

export function listAliases(sql: Sql): Promise<AliasRow[]> {
  return sql<AliasRow[]>`
    select a.alias, a.target_model, a.link_id, l.name as link_name, a.updated_at
    from model_aliases a left join provider_links l on l.id = a.link_id
    order by a.alias`;
}

/** Upserts the given aliases; with `replaceAll`, aliases not given are deleted. */
export async function saveAliases(sql: Sql, aliases: readonly ModelAlias[], replaceAll: boolean): Promise<void> {
  const unique = new Map(aliases.map((alias) => [alias.alias, alias]));
  const given = [...unique.values()];
  await sql.begin(async (tx) => {
    if (replaceAll) await tx`delete from model_aliases where not (alias = any(${given.map((alias) => alias.alias)}::text[]))`;
    for (const alias of given) {
      await tx`
        insert into model_aliases (alias, target_model, link_id) values (${alias.alias}, ${alias.targetModel}, ${alias.linkId})
        on conflict (alias) do update set target_model = excluded.target_model, link_id = excluded.link_id, updated_at = now()`;
    }
  });
}

/** Returns whether the alias existed. */
export async function deleteAlias(sql: Sql, alias: string): Promise<boolean> {
  const rows = await sql`delete from model_aliases where alias = ${alias} returning alias`;
  return rows.length > 0;
}

/** The ids among `ids` that name no provider link. */
export async function unknownLinkIds(sql: Sql, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{ id: string }[]>`select id from provider_links where id = any(${[...ids]}::uuid[])`;
  const known = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

export function listStrategies(sql: Sql): Promise<{ model: string; strategy: string; updated_at: Date }[]> {
  return sql<
    { model: string; strategy: string; updated_at: Date }[]
  >`select model, strategy, updated_at from routing_strategies order by model`;
}

/** Sets a strategy per model (`null` removes the model's own strategy); with `replaceAll`, others go. */
export async function saveStrategies(
  sql: Sql,
  entries: readonly { model: string; strategy: Strategy | null }[],
  replaceAll: boolean,
): Promise<void> {
  const unique = new Map(entries.map((entry) => [entry.model, entry.strategy]));
  await sql.begin(async (tx) => {
    if (replaceAll) {
      const kept = [...unique].filter(([, strategy]) => strategy !== null).map(([model]) => model);
      await tx`delete from routing_strategies where not (model = any(${kept}::text[]))`;
    }
    for (const [model, strategy] of unique) {
      if (strategy === null) await tx`delete from routing_strategies where model = ${model}`;
      else {
        await tx`
          insert into routing_strategies (model, strategy) values (${model}, ${strategy})
          on conflict (model) do update set strategy = excluded.strategy, updated_at = now()`;
      }
    }
  });
}

/** Stores the gateway-wide request deadline; `null` returns to the default. */
export async function saveRequestDeadline(sql: Sql, deadlineMs: number | null): Promise<void> {
  if (deadlineMs === null) await sql`delete from settings where key = ${DEADLINE_SETTING}`;
  else {
    await sql`
      insert into settings (key, value) values (${DEADLINE_SETTING}, ${String(deadlineMs)})
      on conflict (key) do update set value = excluded.value, updated_at = now()`;
  }
}
