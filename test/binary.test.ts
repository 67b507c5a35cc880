// The one executable: built, copied alone into an empty directory, started; a second start sees the
// same data and prints no secret.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { call, freshDatabase, REPO_ROOT, startGateway, type DatabaseHandle } from "./support/gateway.ts";

let dir: string;
let database: DatabaseHandle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "waddleai-binary-"));
  const build = Bun.spawnSync(["bun", "run", "build", join(dir, "waddleai")], { cwd: REPO_ROOT, stdout: "pipe", stderr: "pipe" });
  if (build.exitCode !== 0) throw new Error(`build failed: ${build.stderr.toString()}`);
  const fresh = await freshDatabase();
  // The binary keeps its embedded database in ./data of its working directory, as a user would run it.
  database = { ...fresh, dataDir: join(dir, "data") };
}, 120_000);

afterAll(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the compiled binary", () => {
  test("runs alone from an empty directory, prints the admin key once, keeps its data", async () => {
    expect(readdirSync(dir)).toEqual(["waddleai"]);
    const binary = join(dir, "waddleai");
    const version = Bun.spawnSync([binary, "version"]);
    expect(version.stdout.toString()).toMatch(/^waddleai \d+\.\d+\.\d+/);
    const help = Bun.spawnSync([binary, "--help"]);
    for (const command of ["serve", "migrate", "version"]) expect(help.stdout.toString()).toContain(command);

    const env: Record<string, string> = database.url ? {} : { WADDLEAI_DATA_DIR: "./data" };
    const first = await startGateway({ binary, cwd: dir, database, env });
    expect((await call(`${first.proxyUrl}/healthz`)).status).toBe(200);
    expect((await call(`${first.mgmtUrl}/readyz`)).status).toBe(200);
    const adminKey = first.adminKey;
    expect(adminKey).toMatch(/^wa-/);
    expect(first.output()).toContain("Admin password:");
    expect((await call(`${first.mgmtUrl}/assets/htmx.min.js`)).status).toBe(200);
    expect(await first.stop()).toBe(0);

    const second = await startGateway({ binary, cwd: dir, database, env });
    expect(second.output()).not.toContain("Admin API Key");
    expect(second.output()).not.toContain("Admin password");
    const me = await call(`${second.mgmtUrl}/auth/me`, { token: adminKey });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: "admin" });
    expect(await second.stop()).toBe(0);
  }, 120_000);

  test("migrate applies migrations and exits", async () => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", WADDLEAI_DATA_DIR: join(dir, "migrate-data") };
    if (database.url) env.DATABASE_URL = database.url;
    const run = Bun.spawnSync([join(dir, "waddleai"), "migrate"], { cwd: dir, env });
    expect(run.exitCode).toBe(0);
    expect(run.stdout.toString()).toContain("migrations done");
  }, 60_000);
});
