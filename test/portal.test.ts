// The admin portal: cookie login, dashboard and htmx fragments scoped like the API, offline assets.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { call, freshDatabase, type DatabaseHandle, type Gateway, startGateway } from "./support/gateway.ts";

let database: DatabaseHandle;
let gateway: Gateway;

beforeAll(async () => {
  database = await freshDatabase();
  gateway = await startGateway({ database, env: { WADDLEAI_ADMIN_PASSWORD: "portal-password" } });
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await database?.drop();
}, 60_000);

async function signIn(username: string, password: string): Promise<{ status: number; cookie: string; location: string | null }> {
  const response = await fetch(`${gateway.mgmtUrl}/portal/login`, { method: "POST", body: new URLSearchParams({ username, password }), redirect: "manual" });
  return { status: response.status, cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "", location: response.headers.get("location") };
}

describe("admin portal", () => {
  test("without a session the dashboard redirects to the login page", async () => {
    const response = await fetch(`${gateway.mgmtUrl}/portal`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/portal/login");
    const login = await fetch(`${gateway.mgmtUrl}/portal/login`);
    expect(await login.text()).toContain('<script src="/assets/htmx.min.js"></script>');
  });

  test("a wrong password shows the login page again with a 401", async () => {
    const wrong = await signIn("admin", "not-it");
    expect(wrong.status).toBe(401);
    expect(wrong.cookie).toBe("");
  });

  test("signing in sets an HttpOnly cookie; the dashboard and fragments render for an admin", async () => {
    const response = await fetch(`${gateway.mgmtUrl}/portal/login`, { method: "POST", body: new URLSearchParams({ username: "admin", password: "portal-password" }), redirect: "manual" });
    expect(response.status).toBe(303);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    const cookie = setCookie.split(";")[0] ?? "";
    const dashboard = await (await fetch(`${gateway.mgmtUrl}/portal`, { headers: { cookie } })).text();
    for (const fragment of ["usage", "keys", "links", "security"]) expect(dashboard).toContain(`/portal/partials/${fragment}`);
    const keys = await (await fetch(`${gateway.mgmtUrl}/portal/partials/keys`, { headers: { cookie } })).text();
    expect(keys).toContain("bootstrap admin key");
    expect(keys).not.toMatch(/wa-[A-Za-z0-9]{43}/);
    // The same cookie works on the JSON API, as the contract says.
    expect((await call(`${gateway.mgmtUrl}/auth/me`, { headers: { cookie } })).status).toBe(200);
  });

  test("a user sees no admin sections and names are escaped", async () => {
    const adminKey = gateway.adminKey ?? "";
    await call(`${gateway.mgmtUrl}/users`, { token: adminKey, body: { username: "portal-user", password: "portal-user-pw" } });
    const session = await signIn("portal-user", "portal-user-pw");
    await call(`${gateway.mgmtUrl}/api-keys`, { headers: { cookie: session.cookie }, body: { name: "<script>alert(1)</script>" } });
    const dashboard = await (await fetch(`${gateway.mgmtUrl}/portal`, { headers: { cookie: session.cookie } })).text();
    expect(dashboard).not.toContain("/portal/partials/links");
    const keys = await (await fetch(`${gateway.mgmtUrl}/portal/partials/keys`, { headers: { cookie: session.cookie } })).text();
    expect(keys).toContain("&lt;script&gt;");
    expect(keys).not.toContain("<script>alert");
    expect(keys).not.toContain("bootstrap admin key");
  });

  test("a form another site posts with the session cookie changes nothing; the portal's own JSON calls still work", async () => {
    const session = await signIn("admin", "portal-password");
    expect(session.status).toBe(303);
    const host = new URL(gateway.mgmtUrl).host;
    const form = await fetch(`${gateway.mgmtUrl}/users`, {
      method: "POST",
      headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded", origin: "http://127.0.0.1:1" },
      body: new URLSearchParams({ username: "csrf-admin", password: "csrf-pass-123", role: "admin" }),
    });
    expect(form.status).toBe(403);
    // Even from the same origin a form body is refused: a cookie change must send JSON.
    const sameOriginForm = await fetch(`${gateway.mgmtUrl}/organizations`, {
      method: "POST",
      headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded", origin: `http://${host}` },
      body: new URLSearchParams({ name: "csrf-org" }),
    });
    expect(sameOriginForm.status).toBe(403);
    const foreignJson = await call(`${gateway.mgmtUrl}/organizations`, { headers: { cookie: session.cookie, origin: "https://evil.example" }, body: { name: "csrf-org-2" } });
    expect(foreignJson.status).toBe(403);
    const ownJson = await call(`${gateway.mgmtUrl}/organizations`, { headers: { cookie: session.cookie, origin: `http://${host}` }, body: { name: "portal-org" } });
    expect(ownJson.status).toBe(201);
    // Nothing of the refused requests was created.
    const users = await call(`${gateway.mgmtUrl}/users?limit=1000`, { token: gateway.adminKey ?? "" });
    expect(JSON.stringify(users.body)).not.toContain("csrf-admin");
  });

  test("another site cannot sign the browser in; pages carry anti-framing and content-security headers", async () => {
    const response = await fetch(`${gateway.mgmtUrl}/portal/login`, {
      method: "POST",
      headers: { origin: "https://evil.example" },
      body: new URLSearchParams({ username: "admin", password: "portal-password" }),
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    const session = await signIn("admin", "portal-password");
    for (const path of ["/portal/login", "/portal", "/portal/partials/keys"]) {
      const page = await fetch(`${gateway.mgmtUrl}${path}`, { headers: { cookie: session.cookie } });
      expect(page.headers.get("x-frame-options")).toBe("DENY");
      expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  test("placeholders typed into names stay text", async () => {
    const session = await signIn("admin", "portal-password");
    await call(`${gateway.mgmtUrl}/api-keys`, { token: gateway.adminKey ?? "", body: { name: "{{head}} {{{rows}}} {{note}}" } });
    const keys = await (await fetch(`${gateway.mgmtUrl}/portal/partials/keys`, { headers: { cookie: session.cookie } })).text();
    expect(keys).toContain("{{head}} {{{rows}}} {{note}}");
    expect(keys.match(/<th>/g)?.length).toBe(5);
  });
});
