// First start, login, API keys and provider links against a real gateway process.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import postgres from "postgres";
import { call, ENGINE, freshDatabase, type DatabaseHandle, type Gateway, startGateway } from "./support/gateway.ts";
import { signHs256 } from "./support/jwt.ts";

const JWT_SECRET = "test-secret-test-secret-test-secret-0123456789";
const LINK_SECRET = "sk-live-THIS-IS-A-PROVIDER-SECRET-9f8e7d";

let database: DatabaseHandle;
let gateway: Gateway;
let adminKey: string;

beforeAll(async () => {
  database = await freshDatabase();
  gateway = await startGateway({ database, env: { JWT_SECRET, WADDLEAI_ADMIN_PASSWORD: "correct-horse-battery" } });
  adminKey = gateway.adminKey ?? "";
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await database?.drop();
}, 60_000);

async function login(username: string, password: string) {
  return call(`${gateway.mgmtUrl}/auth/login`, { body: { username, password } });
}

async function createUser(username: string, password = "user-password-1") {
  const created = await call(`${gateway.mgmtUrl}/users`, { token: adminKey, body: { username, password, role: "user" } });
  expect(created.status).toBe(201);
  const session = await login(username, password);
  expect(session.status).toBe(200);
  return { id: (created.body as { id: string }).id, token: (session.body as { access_token: string }).access_token };
}

describe("first start", () => {
  test("prints the admin API key once and no generated password when one was given", () => {
    expect(adminKey).toMatch(/^wa-[A-Za-z0-9]{43}$/);
    expect(gateway.output().match(/Admin API Key:/g)).toHaveLength(1);
    expect(gateway.output()).not.toContain("Admin password:");
  });

  test("every response carries x-request-id", async () => {
    const health = await call(`${gateway.proxyUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get("x-request-id")).toBeTruthy();
    const ready = await call(`${gateway.mgmtUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: "ready", database: "ok" });
  });

  test("the admin key acts as the admin on the management API", async () => {
    const me = await call(`${gateway.mgmtUrl}/auth/me`, { token: adminKey });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: "admin", role: "admin", authenticated_with: "api_key" });
  });

  test("swagger UI and document are served without a CDN", async () => {
    const ui = await call(`${gateway.mgmtUrl}/swagger`);
    expect(ui.status).toBe(200);
    expect(ui.text).not.toMatch(/unpkg|jsdelivr|cdnjs/);
    const doc = await call(`${gateway.mgmtUrl}/swagger/json`);
    expect(doc.status).toBe(200);
    expect(JSON.stringify(doc.body)).toContain("/api-keys");
    const asset = await fetch(`${gateway.mgmtUrl}/assets/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(100_000);
  });
});

describe("login", () => {
  test("right password gives a token that works; logout ends it", async () => {
    const session = await login("admin", "correct-horse-battery");
    expect(session.status).toBe(200);
    const body = session.body as { access_token: string; token_type: string; expires_in: number };
    expect(body.token_type).toBe("bearer");
    expect(body.expires_in).toBeGreaterThan(0);
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: body.access_token })).status).toBe(200);
    expect((await call(`${gateway.mgmtUrl}/auth/logout`, { token: body.access_token, method: "POST" })).status).toBe(200);
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: body.access_token })).status).toBe(401);
  });

  test("a new password or a disabled account ends the sessions signed in before; re-enabling does not revive them", async () => {
    const created = await call(`${gateway.mgmtUrl}/users`, { token: adminKey, body: { username: "session-sam", password: "first-password-1" } });
    expect(created.status).toBe(201);
    const samId = (created.body as { id: string }).id;
    const tokenOf = async (password: string) => ((await login("session-sam", password)).body as { access_token: string }).access_token;
    const first = await tokenOf("first-password-1");
    const second = await tokenOf("first-password-1");
    // Tokens carry their issue time in seconds: let the second turn over before the change.
    await Bun.sleep(1100);
    const changed = await call(`${gateway.mgmtUrl}/users/${samId}`, { method: "PATCH", token: first, body: { password: "second-password-2" } });
    expect(changed.status).toBe(200);
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: first })).status).toBe(401);
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: second })).status).toBe(401);
    const fresh = await tokenOf("second-password-2");
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: fresh })).status).toBe(200);
    await Bun.sleep(1100);
    expect((await call(`${gateway.mgmtUrl}/users/${samId}`, { method: "PATCH", token: adminKey, body: { enabled: false } })).status).toBe(200);
    expect((await call(`${gateway.mgmtUrl}/users/${samId}`, { method: "PATCH", token: adminKey, body: { enabled: true } })).status).toBe(200);
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: fresh })).status).toBe(401);
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: await tokenOf("second-password-2") })).status).toBe(200);
  });

  test("wrong password and unknown user get the same 401", async () => {
    const wrong = await login("admin", "not-the-password");
    const unknown = await login("nobody-at-all", "not-the-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((wrong.body as { error: { message: string } }).error.message).toBe((unknown.body as { error: { message: string } }).error.message);
  });

  test("expired and tampered tokens are refused", async () => {
    const me = await call(`${gateway.mgmtUrl}/auth/me`, { token: adminKey });
    const adminId = (me.body as { id: string }).id;
    const expired = signHs256({ sub: adminId, jti: crypto.randomUUID(), exp: Math.floor(Date.now() / 1000) - 60 }, JWT_SECRET);
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: expired })).status).toBe(401);
    const valid = signHs256({ sub: adminId, jti: crypto.randomUUID(), exp: Math.floor(Date.now() / 1000) + 600 }, JWT_SECRET);
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: valid })).status).toBe(200);
    const [head, , signature] = valid.split(".");
    const forgedBody = Buffer.from(JSON.stringify({ sub: adminId, jti: "x", exp: Math.floor(Date.now() / 1000) + 9999, role: "admin" })).toString("base64url");
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: `${head}.${forgedBody}.${signature}` })).status).toBe(401);
    const otherSecret = signHs256({ sub: adminId, jti: crypto.randomUUID(), exp: Math.floor(Date.now() / 1000) + 600 }, "another-secret-another-secret-another");
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: otherSecret })).status).toBe(401);
  });

  test("repeated failures for a username are slowed down, even with the right password", async () => {
    await createUser("bruteforced", "the-right-password");
    for (let i = 0; i < 5; i++) expect((await login("bruteforced", `guess-${i}`)).status).toBe(401);
    const locked = await login("bruteforced", "the-right-password");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("API keys", () => {
  test("created with the plaintext shown once, stored as a hash, usable, revocable", async () => {
    const created = await call(`${gateway.mgmtUrl}/api-keys`, { token: adminKey, body: { name: "ci key" } });
    expect(created.status).toBe(201);
    const key = created.body as { id: string; key: string; prefix: string };
    expect(key.key).toMatch(/^wa-[A-Za-z0-9]{43}$/);
    expect(key.key.startsWith(key.prefix)).toBe(true);

    const listed = await call(`${gateway.mgmtUrl}/api-keys`, { token: adminKey });
    expect(listed.text).not.toContain(key.key);
    expect((listed.body as { data: { id: string }[] }).data.some((row) => row.id === key.id)).toBe(true);

    if (ENGINE === "postgres" && database.url) {
      const sql = postgres(database.url, { max: 1 });
      const [row] = await sql<{ key_hash: string }[]>`select key_hash from api_keys where id = ${key.id}`;
      await sql.end();
      expect(row?.key_hash).toBe(new Bun.CryptoHasher("sha256").update(key.key).digest("hex"));
    }

    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: key.key })).status).toBe(200);
    expect((await call(`${gateway.mgmtUrl}/api-keys/${key.id}`, { token: adminKey, method: "DELETE" })).status).toBe(200);
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: key.key })).status).toBe(401);
  });

  test("an expired key stops working", async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const created = await call(`${gateway.mgmtUrl}/api-keys`, { token: adminKey, body: { name: "short", expires_at: expiresAt } });
    const key = (created.body as { key: string }).key;
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: key })).status).toBe(200);
    await Bun.sleep(2000);
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: key })).status).toBe(401);
  });

  test("a key of one user cannot be listed or revoked by another user", async () => {
    const alice = await createUser("alice");
    const bob = await createUser("bob");
    const aliceKey = await call(`${gateway.mgmtUrl}/api-keys`, { token: alice.token, body: { name: "alice's" } });
    expect(aliceKey.status).toBe(201);
    const aliceKeyId = (aliceKey.body as { id: string }).id;

    const bobList = await call(`${gateway.mgmtUrl}/api-keys`, { token: bob.token });
    expect(bobList.status).toBe(200);
    expect((bobList.body as { data: { id: string }[] }).data.map((row) => row.id)).not.toContain(aliceKeyId);
    const bobRevoke = await call(`${gateway.mgmtUrl}/api-keys/${aliceKeyId}`, { token: bob.token, method: "DELETE" });
    expect(bobRevoke.status).toBe(404);
    const bobCreatesForAlice = await call(`${gateway.mgmtUrl}/api-keys`, { token: bob.token, body: { user_id: alice.id } });
    expect(bobCreatesForAlice.status).toBe(404);

    const aliceList = await call(`${gateway.mgmtUrl}/api-keys`, { token: alice.token });
    expect((aliceList.body as { data: { id: string; status: string }[] }).data.find((row) => row.id === aliceKeyId)?.status).toBe("active");
  });

  test("bad input gets a clear 400 and no auth gets 401", async () => {
    const bad = await call(`${gateway.mgmtUrl}/api-keys`, { token: adminKey, body: { rpm: "lots" } });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { code: string } }).error.code).toBe("invalid_request_error");
    const malformed = await call(`${gateway.mgmtUrl}/api-keys`, { token: adminKey, body: "{not json" });
    expect(malformed.status).toBe(400);
    expect((await call(`${gateway.mgmtUrl}/api-keys`)).status).toBe(401);
    expect((await call(`${gateway.mgmtUrl}/api-keys`, { token: "wa-not-a-real-key-000000000000000000000000000" })).status).toBe(401);
  });
});

describe("provider links", () => {
  test("secrets never appear in any response or log line", async () => {
    const created = await call(`${gateway.mgmtUrl}/config/links`, {
      token: adminKey,
      body: { name: "openai-main", provider: "openai", endpoint_url: "http://127.0.0.1:9/v1", api_key: LINK_SECRET, model_list: ["gpt-4o"] },
    });
    expect(created.status).toBe(201);
    const link = created.body as { id: string; has_api_key: boolean };
    expect(link.has_api_key).toBe(true);
    const responses = [
      created,
      await call(`${gateway.mgmtUrl}/config/links`, { token: adminKey }),
      await call(`${gateway.mgmtUrl}/config/links/${link.id}`, { token: adminKey }),
      await call(`${gateway.mgmtUrl}/config/links/${link.id}`, { token: adminKey, method: "PATCH", body: { weight: 3, api_key: `${LINK_SECRET}-rotated` } }),
    ];
    for (const response of responses) {
      expect(response.status).toBeLessThan(300);
      expect(response.text).not.toContain("PROVIDER-SECRET");
    }
    const duplicate = await call(`${gateway.mgmtUrl}/config/links`, { token: adminKey, body: { name: "openai-main", provider: "openai", endpoint_url: "http://127.0.0.1:9/v1" } });
    expect(duplicate.status).toBe(409);
    const unknownProvider = await call(`${gateway.mgmtUrl}/config/links`, { token: adminKey, body: { name: "x", provider: "nope", endpoint_url: "http://127.0.0.1:9" } });
    expect(unknownProvider.status).toBe(400);
    const user = await createUser("link-peeker");
    expect((await call(`${gateway.mgmtUrl}/config/links`, { token: user.token })).status).toBe(403);
    expect((await call(`${gateway.mgmtUrl}/config/links/${link.id}`, { token: adminKey, method: "DELETE" })).status).toBe(200);
    expect(gateway.output()).not.toContain("PROVIDER-SECRET");
    if (ENGINE === "postgres" && database.url) {
      const sql = postgres(database.url, { max: 1 });
      const rows = await sql`select * from audit_log where target_type = 'provider_link'`;
      await sql.end();
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(rows)).not.toContain("PROVIDER-SECRET");
    }
  });
});

describe("restart", () => {
  test("a second start prints no secret and sees the same data", async () => {
    const created = await call(`${gateway.mgmtUrl}/api-keys`, { token: adminKey, body: { name: "survives restart" } });
    const key = (created.body as { key: string }).key;
    expect(await gateway.stop()).toBe(0);
    gateway = await startGateway({ database, env: { JWT_SECRET } });
    expect(gateway.output()).not.toContain("Admin API Key");
    expect(gateway.output()).not.toContain("Admin password");
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: key })).status).toBe(200);
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { token: adminKey })).status).toBe(200);
  });
});
