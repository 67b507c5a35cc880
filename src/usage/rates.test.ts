import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import postgres, { type Sql } from "postgres";
import { DEFAULT_RATE, invalidRateRow, loadRates, RateTable, saveRates, waddleaiTokens } from "./rates.ts";

describe("waddleaiTokens", () => {
  test("default rate: 1 per 10 prompt tokens and 1 per 5 completion tokens, each rounded up", () => {
    expect(DEFAULT_RATE).toEqual({ inputRate: 10, outputRate: 5 });
    expect(waddleaiTokens(100, 50, DEFAULT_RATE)).toBe(10 + 10);
    expect(waddleaiTokens(101, 51, DEFAULT_RATE)).toBe(11 + 11);
    expect(waddleaiTokens(1, 1, DEFAULT_RATE)).toBe(1 + 1);
    expect(waddleaiTokens(9, 4, DEFAULT_RATE)).toBe(2);
  });

  test("each term is 0 when its token count is 0", () => {
    expect(waddleaiTokens(0, 0, DEFAULT_RATE)).toBe(0);
    expect(waddleaiTokens(0, 7, DEFAULT_RATE)).toBe(2);
    expect(waddleaiTokens(7, 0, DEFAULT_RATE)).toBe(1);
  });

  test("fractional and large rates", () => {
    expect(waddleaiTokens(1000, 1000, { inputRate: 0.5, outputRate: 0.25 })).toBe(2000 + 4000);
    expect(waddleaiTokens(1000, 1000, { inputRate: 1000, outputRate: 1e6 })).toBe(1 + 1);
    // 3 / 0.3 is 10.000000000000002 in floating point; it must still be 10, not 11.
    expect(waddleaiTokens(3, 0, { inputRate: 0.3, outputRate: 5 })).toBe(10);
    expect(waddleaiTokens(7, 0, { inputRate: 0.7, outputRate: 5 })).toBe(10);
    expect(waddleaiTokens(4, 0, { inputRate: 0.3, outputRate: 5 })).toBe(14);
  });

  test("unusable rates fall back to the default per side; bad counts count 0", () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(waddleaiTokens(100, 50, { inputRate: bad, outputRate: bad })).toBe(20);
      expect(waddleaiTokens(100, 50, { inputRate: bad, outputRate: 50 })).toBe(10 + 1);
    }
    expect(waddleaiTokens(-5, Number.NaN, DEFAULT_RATE)).toBe(0);
    expect(Number.isInteger(waddleaiTokens(123.4, 5.5, { inputRate: 3.3, outputRate: 1.7 }))).toBe(true);
  });
});

describe("RateTable.lookup", () => {
  const rows = [
    { provider: "openai", model: "gpt-4o", inputRate: 2, outputRate: 1 },
    { provider: "*", model: "gpt-4o", inputRate: 4, outputRate: 2 },
    { provider: "*", model: "llama3", inputRate: 50, outputRate: 25 },
    { provider: "ollama", model: "*", inputRate: 100, outputRate: 100 },
  ];

  test("exact provider+model first", () => {
    expect(new RateTable(rows).lookup("openai", "gpt-4o")).toEqual({ inputRate: 2, outputRate: 1 });
  });

  test("then any provider with the model", () => {
    expect(new RateTable(rows).lookup("azure", "gpt-4o")).toEqual({ inputRate: 4, outputRate: 2 });
    // A model-specific row beats the provider's catch-all.
    expect(new RateTable(rows).lookup("ollama", "llama3")).toEqual({ inputRate: 50, outputRate: 25 });
  });

  test("then the provider's catch-all, then any+any, then the default", () => {
    const table = new RateTable(rows);
    expect(table.lookup("ollama", "mistral")).toEqual({ inputRate: 100, outputRate: 100 });
    expect(table.lookup("anthropic", "claude")).toBe(DEFAULT_RATE);
    table.replace([...rows, { provider: "*", model: "*", inputRate: 20, outputRate: 10 }]);
    expect(table.lookup("anthropic", "claude")).toEqual({ inputRate: 20, outputRate: 10 });
    expect(table.lookup("ollama", "mistral")).toEqual({ inputRate: 100, outputRate: 100 });
  });

  test("empty table answers the default; names are exact (no prefix or case folding)", () => {
    const table = new RateTable();
    expect(table.lookup("openai", "gpt-4o")).toBe(DEFAULT_RATE);
    const filled = new RateTable(rows);
    expect(filled.lookup("openai", "GPT-4O")).toBe(DEFAULT_RATE);
    expect(filled.lookup("openai", "gpt-4o-mini")).toBe(DEFAULT_RATE);
  });

  test("the key separator cannot be forged by names containing the other part", () => {
    const table = new RateTable([{ provider: "a", model: "b", inputRate: 1, outputRate: 1 }]);
    expect(table.lookup("a\u0000b", "")).toBe(DEFAULT_RATE);
  });

  test("replace swaps everything; list returns copies, last duplicate wins", () => {
    const table = new RateTable(rows);
    table.replace([
      { provider: "x", model: "y", inputRate: 1, outputRate: 1 },
      { provider: "x", model: "y", inputRate: 3, outputRate: 3 },
    ]);
    expect(table.lookup("openai", "gpt-4o")).toBe(DEFAULT_RATE);
    const listed = table.list();
    expect(listed).toEqual([{ provider: "x", model: "y", inputRate: 3, outputRate: 3 }]);
    const first = listed[0];
    if (first) first.inputRate = 999;
    expect(table.lookup("x", "y").inputRate).toBe(3);
  });

  test("lookup feeds the formula", () => {
    const table = new RateTable(rows);
    expect(waddleaiTokens(10, 10, table.lookup("openai", "gpt-4o"))).toBe(5 + 10);
  });
});

describe("invalidRateRow", () => {
  test("accepts good rows and names the problem of bad ones", () => {
    expect(invalidRateRow({ provider: "*", model: "*", inputRate: 1, outputRate: 0.5 })).toBeNull();
    expect(invalidRateRow({ provider: "", model: "m", inputRate: 1, outputRate: 1 })).toContain("provider");
    expect(invalidRateRow({ provider: "p", model: "m", inputRate: 0, outputRate: 1 })).toContain("input_rate");
    expect(invalidRateRow({ provider: "p", model: "m", inputRate: 1, outputRate: Number.NaN })).toContain("output_rate");
  });
});

// Against a real Postgres server when TEST_POSTGRES_URL is set (scripts/test.sh sets it); a throwaway
// database holding just the model_rates table as migration 0000 creates it.
const adminUrl = process.env.TEST_POSTGRES_URL;
describe.skipIf(!adminUrl)("loadRates / saveRates (postgres)", () => {
  const dbName = `waddleai_rates_${process.pid}_${Date.now()}`;
  let admin: Sql;
  let sql: Sql;

  beforeAll(async () => {
    admin = postgres(adminUrl ?? "", { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    const url = new URL(adminUrl ?? "");
    url.pathname = `/${dbName}`;
    sql = postgres(url.href, { max: 2, onnotice: () => {} });
    await sql`
      create table model_rates (
        provider text not null, model text not null,
        input_rate double precision not null, output_rate double precision not null,
        updated_at timestamptz default now() not null,
        constraint model_rates_provider_model_pk primary key (provider, model))`;
  });

  afterAll(async () => {
    await sql?.end({ timeout: 5 });
    await admin?.unsafe(`drop database if exists ${dbName}`);
    await admin?.end({ timeout: 5 });
  });

  test("upsert, merge, replace-all and load round-trip", async () => {
    expect(await loadRates(sql)).toEqual([]);
    const first = await saveRates(
      sql,
      [
        { provider: "openai", model: "gpt-4o", inputRate: 2.5, outputRate: 1 },
        { provider: "*", model: "*", inputRate: 20, outputRate: 10 },
      ],
      false,
    );
    expect(first).toEqual([
      { provider: "*", model: "*", inputRate: 20, outputRate: 10 },
      { provider: "openai", model: "gpt-4o", inputRate: 2.5, outputRate: 1 },
    ]);

    // Merge: updates one row, adds one, keeps the rest.
    await saveRates(
      sql,
      [
        { provider: "openai", model: "gpt-4o", inputRate: 3, outputRate: 1.5 },
        { provider: "ollama", model: "*", inputRate: 100, outputRate: 100 },
      ],
      false,
    );
    expect(await loadRates(sql)).toHaveLength(3);
    expect(new RateTable(await loadRates(sql)).lookup("openai", "gpt-4o")).toEqual({ inputRate: 3, outputRate: 1.5 });

    // Replace-all: only the given rows remain; duplicates in the input collapse (last wins).
    const replaced = await saveRates(
      sql,
      [
        { provider: "ollama", model: "*", inputRate: 50, outputRate: 50 },
        { provider: "ollama", model: "*", inputRate: 60, outputRate: 60 },
      ],
      true,
    );
    expect(replaced).toEqual([{ provider: "ollama", model: "*", inputRate: 60, outputRate: 60 }]);

    expect(await saveRates(sql, [], true)).toEqual([]);
  });

  test("an invalid row is refused and nothing is written", async () => {
    await saveRates(sql, [{ provider: "p", model: "m", inputRate: 1, outputRate: 1 }], true);
    await expect(
      saveRates(sql, [{ provider: "p", model: "m", inputRate: -1, outputRate: 1 }], true),
    ).rejects.toBeInstanceOf(RangeError);
    expect(await loadRates(sql)).toEqual([{ provider: "p", model: "m", inputRate: 1, outputRate: 1 }]);
  });
});
