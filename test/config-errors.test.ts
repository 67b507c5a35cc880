// Invalid configuration stops the process at start with one line naming the variable.
import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./support/gateway.ts";

async function runWith(env: Record<string, string>) {
  const child = Bun.spawn(["bun", join(REPO_ROOT, "src", "index.ts"), "serve"], {
    env: { PATH: process.env.PATH ?? "", WADDLEAI_DATA_DIR: "/nonexistent/never-created", ...env },
    cwd: "/tmp",
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  return { stdout, stderr, code };
}

describe("configuration errors", () => {
  const cases: [string, Record<string, string>, string][] = [
    ["bad port", { PROXY_PORT: "80x" }, "PROXY_PORT"],
    ["port out of range", { MGMT_PORT: "70000" }, "MGMT_PORT"],
    ["bad DATABASE_URL scheme", { DATABASE_URL: "mysql://root@localhost/db" }, "DATABASE_URL"],
    ["unknown SECURITY_POLICY", { SECURITY_POLICY: "paranoid" }, "SECURITY_POLICY"],
    ["bad LOG_LEVEL", { LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ];
  for (const [name, env, variable] of cases) {
    test(name, async () => {
      const { stdout, stderr, code } = await runWith(env);
      expect(code).not.toBe(0);
      const lines = stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(variable);
      expect(stdout).toBe("");
    });
  }

  test("a .env file in the working directory is read and validated too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "waddleai-dotenv-"));
    try {
      writeFileSync(join(dir, ".env"), "SECURITY_POLICY=paranoid\n");
      const child = Bun.spawn(["bun", join(REPO_ROOT, "src", "index.ts"), "serve"], { env: { PATH: process.env.PATH ?? "" }, cwd: dir, stderr: "pipe", stdout: "pipe" });
      const [stderr, code] = await Promise.all([new Response(child.stderr).text(), child.exited]);
      expect(code).not.toBe(0);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toContain("SECURITY_POLICY");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("--help lists every subcommand and version prints the version", async () => {
    const help = Bun.spawnSync(["bun", join(REPO_ROOT, "src", "index.ts"), "--help"]);
    const text = help.stdout.toString();
    for (const command of ["serve", "migrate", "version", "help"]) expect(text).toContain(command);
    const version = Bun.spawnSync(["bun", join(REPO_ROOT, "src", "index.ts"), "version"]);
    expect(version.stdout.toString()).toMatch(/^waddleai \d+\.\d+\.\d+/);
  });
});
