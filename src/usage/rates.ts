// WaddleAI tokens: the normalised billing unit. A rate says how many LLM tokens make one WaddleAI token,
// separately for prompt (input) and completion (output) tokens, per provider and model.
import type { Sql } from "postgres";

export interface Rate {
  inputRate: number;
  outputRate: number;
}

export interface RateRow {
  /** A provider name, or "*" for any provider. */
  provider: string;
  /** A model name, or "*" for any model of the provider. */
  model: string;
  inputRate: number;
  outputRate: number;
}

/** 1 WaddleAI token per 10 prompt tokens and per 5 completion tokens. */
export const DEFAULT_RATE: Rate = Object.freeze({ inputRate: 10, outputRate: 5 });

export const ANY = "*";

function usableRate(rate: number): boolean {
  return typeof rate === "number" && Number.isFinite(rate) && rate > 0;
}

/**
 * ceil(tokens / rate), 0 for no tokens. Division in binary floating point can land a hair above an exact
 * integer (3 / 0.3 = 10.000000000000002), which must not bill an extra unit.
 */
function units(tokens: number, rate: number): number {
  if (!Number.isFinite(tokens) || tokens <= 0) return 0;
  const quotient = tokens / rate;
  const nearest = Math.round(quotient);
  return Math.abs(quotient - nearest) <= 1e-9 * Math.max(1, nearest) ? nearest : Math.ceil(quotient);
}

/**
 * `ceil(prompt_tokens / input_rate) + ceil(completion_tokens / output_rate)`, each term 0 when its token
 * count is 0. A rate that is not a positive finite number falls back to the default for that side.
 */
export function waddleaiTokens(promptTokens: number, completionTokens: number, rate: Rate): number {
  const inputRate = usableRate(rate.inputRate) ? rate.inputRate : DEFAULT_RATE.inputRate;
  const outputRate = usableRate(rate.outputRate) ? rate.outputRate : DEFAULT_RATE.outputRate;
  return units(promptTokens, inputRate) + units(completionTokens, outputRate);
}

/** Why a row cannot be stored, or null when it can. */
export function invalidRateRow(row: RateRow): string | null {
  if (typeof row.provider !== "string" || row.provider.length === 0) return "provider must be a non-empty string";
  if (typeof row.model !== "string" || row.model.length === 0) return "model must be a non-empty string";
  if (!usableRate(row.inputRate)) return "input_rate must be a positive number";
  if (!usableRate(row.outputRate)) return "output_rate must be a positive number";
  return null;
}

function rateKey(provider: string, model: string): string {
  return `${provider}\u0000${model}`;
}

/**
 * The rates in memory, looked up on every request. Precedence: exact provider+model, any provider+model,
 * provider+any model, any+any (an operator's override of the default), then DEFAULT_RATE.
 */
/** Resolved lookups kept per provider and model; cleared when rates change or it grows past this. */
const RESOLVED_MAX = 10_000;

export class RateTable {
  private rates = new Map<string, Rate>();
  private rows: RateRow[] = [];
  private resolved = new Map<string, Map<string, Rate>>();
  private resolvedCount = 0;

  constructor(rows: RateRow[] = []) {
    this.replace(rows);
  }

  /** Swap in a whole new set of rows (after loading or saving); lookups never see a half-built table. */
  replace(rows: RateRow[]): void {
    const byKey = new Map<string, RateRow>();
    for (const { provider, model, inputRate, outputRate } of rows) {
      byKey.set(rateKey(provider, model), { provider, model, inputRate, outputRate });
    }
    const rates = new Map<string, Rate>();
    for (const [key, row] of byKey) rates.set(key, Object.freeze({ inputRate: row.inputRate, outputRate: row.outputRate }));
    this.rates = rates;
    this.rows = [...byKey.values()];
    this.resolved = new Map();
    this.resolvedCount = 0;
  }

  /** Called several times per request: answers from a two-level map without building strings. */
  lookup(provider: string, model: string): Rate {
    if (this.rates.size === 0) return DEFAULT_RATE;
    const known = this.resolved.get(provider)?.get(model);
    if (known) return known;
    const rate =
      this.rates.get(rateKey(provider, model)) ??
      this.rates.get(rateKey(ANY, model)) ??
      this.rates.get(rateKey(provider, ANY)) ??
      this.rates.get(rateKey(ANY, ANY)) ??
      DEFAULT_RATE;
    if (this.resolvedCount >= RESOLVED_MAX) {
      this.resolved = new Map();
      this.resolvedCount = 0;
    }
    let byModel = this.resolved.get(provider);
    if (!byModel) {
      byModel = new Map();
      this.resolved.set(provider, byModel);
    }
    byModel.set(model, rate);
    this.resolvedCount++;
    return rate;
  }

  /** The rows as given (last one wins for a repeated provider+model), as copies. */
  list(): RateRow[] {
    return this.rows.map((row) => ({ ...row }));
  }
}

interface DbRateRow {
  provider: string;
  model: string;
  input_rate: number | string;
  output_rate: number | string;
}

function fromDb(row: DbRateRow): RateRow {
  return {
    provider: row.provider,
    model: row.model,
    inputRate: Number(row.input_rate),
    outputRate: Number(row.output_rate),
  };
}

export async function loadRates(sql: Sql): Promise<RateRow[]> {
  const rows = await sql<DbRateRow[]>`
    select provider, model, input_rate, output_rate from model_rates order by provider, model`;
  return rows.map(fromDb);
}

/**
 * Upsert the given rows; with `replaceAll`, also delete every row not given (an empty list then clears
 * the table). One transaction; returns the whole table as it stands after the write. Throws a RangeError
 * for an invalid row, which callers should have rejected with a 400 already.
 */
export async function saveRates(sql: Sql, rows: RateRow[], replaceAll: boolean): Promise<RateRow[]> {
  const unique = new Map<string, RateRow>();
  for (const row of rows) {
    const problem = invalidRateRow(row);
    if (problem !== null) throw new RangeError(`rate ${row.provider}/${row.model}: ${problem}`);
    unique.set(rateKey(row.provider, row.model), row);
  }
  const given = [...unique.values()];
  const providers = given.map((row) => row.provider);
  const models = given.map((row) => row.model);
  const inputRates = given.map((row) => Number(row.inputRate));
  const outputRates = given.map((row) => Number(row.outputRate));

  return sql.begin(async (tx) => {
    if (replaceAll) {
      await tx`
        delete from model_rates r
        where not exists (
          select 1 from unnest(${providers}::text[], ${models}::text[]) as g(provider, model)
          where g.provider = r.provider and g.model = r.model)`;
    }
    if (given.length > 0) {
      await tx`
        insert into model_rates (provider, model, input_rate, output_rate)
        select * from unnest(${providers}::text[], ${models}::text[],
                             ${inputRates}::float8[], ${outputRates}::float8[])
        on conflict (provider, model) do update
          set input_rate = excluded.input_rate, output_rate = excluded.output_rate, updated_at = now()`;
    }
    const after = await tx<DbRateRow[]>`
      select provider, model, input_rate, output_rate from model_rates order by provider, model`;
    return after.map(fromDb);
  });
}
