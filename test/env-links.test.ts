// OPENAI_API_KEY at start creates an OpenAI link when none exists, once; its secret never shows.
import { expect, test } from "bun:test";
import { call, freshDatabase, startGateway } from "./support/gateway.ts";

test("OPENAI_API_KEY creates one OpenAI link on first start and none on later starts", async () => {
  const database = await freshDatabase();
  const env = { OPENAI_API_KEY: "sk-proj-ENVIRONMENT-SECRET-123456" };
  let gateway = await startGateway({ database, env });
  try {
    const adminKey = gateway.adminKey ?? "";
    const first = await call(`${gateway.mgmtUrl}/config/links`, { token: adminKey });
    const links = (first.body as { data: { name: string; provider: string; has_api_key: boolean; endpoint_url: string }[] }).data;
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ provider: "openai", has_api_key: true, endpoint_url: "https://api.openai.com/v1" });
    expect(first.text).not.toContain("ENVIRONMENT-SECRET");
    expect(await gateway.stop()).toBe(0);
    gateway = await startGateway({ database, env });
    const again = await call(`${gateway.mgmtUrl}/config/links`, { token: adminKey });
    expect((again.body as { data: unknown[] }).data).toHaveLength(1);
    expect(gateway.output()).not.toContain("ENVIRONMENT-SECRET");
  } finally {
    await gateway.stop();
    await database.drop();
  }
}, 60_000);
