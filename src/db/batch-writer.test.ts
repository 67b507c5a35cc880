import { describe, expect, test } from "bun:test";
import type { Sql } from "postgres";
import { createLogger } from "../log.ts";
import { BatchWriter } from "./batch-writer.ts";

const quiet = createLogger("error", {}, () => {});

describe("BatchWriter", () => {
  test("a full buffer drops its oldest row and hands it to onDrop (so what it carried can be undone)", () => {
    const dropped: string[] = [];
    const results: string[] = [];
    const writer = new BatchWriter<string>({} as Sql, quiet, {
      name: "rows", flushMs: 60_000, batchRows: 100, bufferMax: 2, insert: async (_tx, batch) => batch,
      onDrop: (row) => void dropped.push(row), onWrite: (result, rows) => void results.push(`${result}:${rows}`),
    });
    for (const row of ["a", "b", "c", "d"]) writer.record(row);
    expect(dropped).toEqual(["a", "b"]);
    expect(results).toEqual(["dropped:1", "dropped:1"]);
    expect(writer.depth).toBe(2);
    expect(writer.droppedCount).toBe(2);
  });
});
