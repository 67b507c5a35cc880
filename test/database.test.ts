// The data layer under concurrency: two instances racing on one fresh Postgres database both come up
// (migration lock); two processes on one embedded data directory are refused (directory lock).
import { describe, expect, test } from "bun:test";
import { call, ENGINE, freshDatabase, startGateway } from "./support/gateway.ts";

describe("starting together", () => {
  if (ENGINE === "postgres") {
    test("two instances started at once against one fresh database both come up", async () => {
      const database = await freshDatabase();
      try {
        const [a, b] = await Promise.all([startGateway({ database }), startGateway({ database })]);
        expect((await call(`${a.mgmtUrl}/readyz`)).status).toBe(200);
        expect((await call(`${b.mgmtUrl}/readyz`)).status).toBe(200);
        // Exactly one of them bootstrapped; the other's key is the same admin's.
        const printed = [a, b].filter((gateway) => gateway.adminKey !== null);
        expect(printed).toHaveLength(1);
        const key = printed[0]?.adminKey ?? "";
        expect((await call(`${a.mgmtUrl}/auth/me`, { token: key })).status).toBe(200);
        expect((await call(`${b.mgmtUrl}/auth/me`, { token: key })).status).toBe(200);
        await Promise.all([a.stop(), b.stop()]);
      } finally {
        await database.drop();
      }
    }, 60_000);
  } else {
    test("a second process on the same embedded data directory refuses to start", async () => {
      const database = await freshDatabase();
      try {
        const first = await startGateway({ database });
        const second = await startGateway({ database, expectExit: true });
        expect(second.process.exitCode).not.toBe(0);
        expect(second.output()).toContain("in use by process");
        expect((await call(`${first.mgmtUrl}/readyz`)).status).toBe(200);
        expect(await first.stop()).toBe(0);
      } finally {
        await database.drop();
      }
    }, 60_000);
  }

  test("a taken port is a clear start-up error", async () => {
    const blocker = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response("taken") });
    const database = await freshDatabase();
    try {
      const gateway = await startGateway({ database, env: { PROXY_PORT: String(blocker.port) }, expectExit: true });
      expect(gateway.process.exitCode).not.toBe(0);
      expect(gateway.output()).toContain(`PROXY_PORT: port ${blocker.port}`);
      expect(gateway.output()).toContain("already in use");
    } finally {
      blocker.stop(true);
      await database.drop();
    }
  }, 60_000);
});
