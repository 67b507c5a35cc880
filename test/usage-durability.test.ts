// No usage event is lost: across a 30-second database outage under load (Postgres server behind a relay
// the test cuts), and across a graceful restart under load (both engines).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import OpenAI from "openai";
import { ENGINE, freshDatabase, type DatabaseHandle, startGateway } from "./support/gateway.ts";
import { type FakeOpenAI, startFakeOpenAI } from "./support/fake-openai.ts";
import { createKey, createLink, usageOfKey } from "./support/setup.ts";
import { startTcpProxy } from "./support/tcp-proxy.ts";

let upstream: FakeOpenAI;

beforeAll(() => {
  upstream = startFakeOpenAI();
});
afterAll(() => upstream?.stop());

/** Drives requests from `workers` loops until `until()` is true; returns how many succeeded. */
async function drive(client: OpenAI, workers: number, until: () => boolean): Promise<number> {
  let ok = 0;
  const loop = async (worker: number) => {
    for (let i = 0; !until(); i++) {
      try {
        if ((worker + i) % 2 === 0) {
          await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `w${worker} r${i}` }] });
        } else {
          const stream = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `w${worker} r${i}` }], stream: true });
          for await (const _chunk of stream) {
            // drain
          }
        }
        ok++;
      } catch {
        // A refused request is not an event the client paid for; only successes are counted.
      }
      await Bun.sleep(20);
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, worker) => loop(worker)));
  return ok;
}

async function waitForEvents(count: () => Promise<number>, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  while (Date.now() < deadline) {
    seen = await count();
    if (seen >= expected) return seen;
    await Bun.sleep(250);
  }
  return seen;
}

describe("usage durability", () => {
  if (ENGINE === "postgres") {
    test("a 30-second database outage under load loses no usage event", async () => {
      const database: DatabaseHandle = await freshDatabase();
      const url = new URL(database.url ?? "");
      const relay = await startTcpProxy(url.hostname, Number(url.port || 5432));
      const relayed = new URL(url);
      relayed.port = String(relay.port);
      const gateway = await startGateway({ database: { ...database, url: relayed.toString() } });
      try {
        const adminKey = gateway.adminKey ?? "";
        await createLink(gateway, adminKey, { name: "fake", endpoint_url: upstream.url, model_list: ["gpt-4o-mini"] });
        const key = await createKey(gateway, adminKey, { name: "outage" });
        const client = new OpenAI({ apiKey: key.key, baseURL: `${gateway.proxyUrl}/v1`, maxRetries: 0 });

        const phaseEnd = { value: Date.now() + 2_000 };
        let served = await drive(client, 4, () => Date.now() > phaseEnd.value);
        relay.cut();
        phaseEnd.value = Date.now() + 30_000;
        const duringOutage = await drive(client, 4, () => Date.now() > phaseEnd.value);
        expect(duringOutage).toBeGreaterThan(50);
        // The buffer held them: nothing reached the database yet.
        const metrics = await (await fetch(`${gateway.proxyUrl}/metrics`)).text();
        expect(Number(/waddleai_usage_buffer_depth (\d+)/.exec(metrics)?.[1] ?? 0)).toBeGreaterThan(0);
        relay.restore();
        phaseEnd.value = Date.now() + 1_000;
        served += duringOutage + (await drive(client, 2, () => Date.now() > phaseEnd.value));

        const recorded = await waitForEvents(async () => (await usageOfKey(gateway, adminKey, key.id)).length, served, 30_000);
        expect(recorded).toBe(served);
        const events = await usageOfKey(gateway, adminKey, key.id);
        expect(new Set(events.map((event) => event.request_id)).size).toBe(served);
      } finally {
        await gateway.stop();
        relay.stop();
        await database.drop();
      }
    }, 120_000);
  }

  test("a graceful restart under load loses no usage event", async () => {
    const database = await freshDatabase();
    let gateway = await startGateway({ database, env: { USAGE_FLUSH_MS: "5000", USAGE_BATCH_ROWS: "10000" } });
    try {
      const adminKey = gateway.adminKey ?? "";
      await createLink(gateway, adminKey, { name: "fake", endpoint_url: upstream.url, model_list: ["gpt-4o-mini"] });
      const key = await createKey(gateway, adminKey, { name: "restart" });
      const client = new OpenAI({ apiKey: key.key, baseURL: `${gateway.proxyUrl}/v1`, maxRetries: 0 });
      // A long flush interval keeps events in the buffer, so only the shutdown flush can save them; the
      // SIGTERM arrives while requests are in flight, which must finish and be metered.
      let stopping = false;
      const load = drive(client, 4, () => stopping);
      await Bun.sleep(1_500);
      const exitCode = gateway.stop();
      await Bun.sleep(200);
      stopping = true;
      const served = await load;
      expect(await exitCode).toBe(0);
      expect(served).toBeGreaterThan(10);
      gateway = await startGateway({ database });
      const recorded = await waitForEvents(async () => (await usageOfKey(gateway, adminKey, key.id)).length, served, 10_000);
      expect(recorded).toBe(served);
    } finally {
      await gateway.stop();
      await database.drop();
    }
  }, 120_000);
});
