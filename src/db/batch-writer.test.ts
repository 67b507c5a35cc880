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

  test("rows of the batch in flight are never the ones dropped: they may still commit", async () => {
    let commit: () => void = () => {};
    let begun = 0;
    const written: string[][] = [];
    const sql = {
      begin: (body: (tx: unknown) => Promise<void>) => {
        begun++;
        return new Promise<void>((resolve) => (commit = () => void body({}).then(resolve)));
      },
    } as unknown as Sql;
    const dropped: string[] = [];
    const writer = new BatchWriter<string>(sql, quiet, {
      name: "rows", flushMs: 60_000, batchRows: 2, bufferMax: 3, insert: async (_tx, batch) => {
        written.push([...batch]);
        return batch;
      },
      onDrop: (row) => void dropped.push(row),
    });
    writer.record("a");
    writer.record("b"); // a full batch: its write starts and waits for the commit
    writer.record("c");
    writer.record("d"); // full: c goes, not a or b
    expect(dropped).toEqual(["c"]);
    const drained = writer.flush();
    commit(); // the first batch commits; the drain goes on with [d]
    while (begun < 2) await Bun.sleep(1);
    commit();
    await drained;
    expect(written).toEqual([["a", "b"], ["d"]]);
    expect(writer.depth).toBe(0);
  });

  test("when every buffered row is in flight, the new row is the one dropped", () => {
    const sql = { begin: () => new Promise<void>(() => {}) } as unknown as Sql;
    const dropped: string[] = [];
    const writer = new BatchWriter<string>(sql, quiet, { name: "rows", flushMs: 60_000, batchRows: 2, bufferMax: 2, insert: async (_tx, batch) => batch, onDrop: (row) => void dropped.push(row) });
    for (const row of ["a", "b", "c"]) writer.record(row);
    expect(dropped).toEqual(["c"]);
    expect(writer.depth).toBe(2);
  });
});
