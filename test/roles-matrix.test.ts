// Every management route × every caller: admin, resource_manager and reporter (both managing org A),
// user (in org A), a resource manager of another organisation (org B), no credentials and a bad token.
// The expected statuses are written out by hand — deliberately not derived from src/admin/access.ts — so
// a change to access rules must be made twice, once here on purpose.
//
// 403: the role may never call the route. 404: the role may call it, but the target is outside its scope
// (existence must not leak). Targets live in org A unless the row says "org B".
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { call, type DatabaseHandle, freshDatabase, type Gateway, startGateway } from "./support/gateway.ts";
import { createKey } from "./support/setup.ts";

type Caller = "admin" | "resource_manager" | "reporter" | "user" | "other_org" | "no_auth" | "bad_token";
const CALLERS: Caller[] = ["admin", "resource_manager", "reporter", "user", "other_org", "no_auth", "bad_token"];

interface Fixtures {
  orgA: string;
  orgB: string;
  /** An admin whose organisation is org A: a resource manager of org A must not act for it. */
  adminA: string;
  userA: string;
  userB: string;
  linkId: string;
  self: Record<Caller, string>;
}

interface Request {
  method: string;
  path: string;
  body?: unknown;
}

interface Row {
  route: string;
  request: (fixtures: Fixtures, caller: Caller) => Promise<Request> | Request;
  /** admin, resource_manager, reporter, user, other_org; no_auth and bad_token are always 401. */
  expected: [number, number, number, number, number];
}

let database: DatabaseHandle;
let gateway: Gateway;
let admin: string;
let fixtures: Fixtures;
const tokens = {} as Record<Caller, string | null>;
let unique = 0;
const fresh = (prefix: string) => `${prefix}-${Date.now()}-${++unique}`;

async function adminPost(path: string, body: unknown): Promise<string> {
  const created = await call(`${gateway.mgmtUrl}${path}`, { token: admin, body });
  if (created.status !== 201) throw new Error(`${path}: ${created.status} ${created.text}`);
  return (created.body as { id: string }).id;
}

const newUserInA = () => adminPost("/users", { username: fresh("target"), organization_id: fixtures.orgA });

const ROWS: Row[] = [
  { route: "GET /auth/me", request: () => ({ method: "GET", path: "/auth/me" }), expected: [200, 200, 200, 200, 200] },
  { route: "POST /auth/logout", request: () => ({ method: "POST", path: "/auth/logout" }), expected: [200, 200, 200, 200, 200] },

  { route: "GET /organizations", request: () => ({ method: "GET", path: "/organizations" }), expected: [200, 200, 200, 403, 200] },
  { route: "POST /organizations", request: () => ({ method: "POST", path: "/organizations", body: { name: fresh("org") } }), expected: [201, 403, 403, 403, 403] },
  { route: "GET /organizations/:id", request: (f) => ({ method: "GET", path: `/organizations/${f.orgA}` }), expected: [200, 200, 200, 403, 404] },
  { route: "GET /organizations/:id (org B)", request: (f) => ({ method: "GET", path: `/organizations/${f.orgB}` }), expected: [200, 404, 404, 403, 200] },
  { route: "PATCH /organizations/:id", request: (f) => ({ method: "PATCH", path: `/organizations/${f.orgA}`, body: { security_policy: null } }), expected: [200, 403, 403, 403, 403] },
  {
    route: "DELETE /organizations/:id",
    request: async () => ({ method: "DELETE", path: `/organizations/${await adminPost("/organizations", { name: fresh("doomed") })}` }),
    expected: [200, 403, 403, 403, 403],
  },

  { route: "GET /users", request: () => ({ method: "GET", path: "/users" }), expected: [200, 200, 403, 403, 200] },
  { route: "POST /users", request: (f) => ({ method: "POST", path: "/users", body: { username: fresh("new"), organization_id: f.orgA } }), expected: [201, 201, 403, 403, 404] },
  { route: "GET /users/:id", request: (f) => ({ method: "GET", path: `/users/${f.userA}` }), expected: [200, 200, 404, 404, 404] },
  { route: "GET /users/:id (org B)", request: (f) => ({ method: "GET", path: `/users/${f.userB}` }), expected: [200, 404, 404, 404, 200] },
  { route: "GET /users/:id (self)", request: (f, caller) => ({ method: "GET", path: `/users/${f.self[caller]}` }), expected: [200, 200, 200, 200, 200] },
  { route: "PATCH /users/:id", request: (f) => ({ method: "PATCH", path: `/users/${f.userA}`, body: { email: "a@example.com" } }), expected: [200, 200, 404, 404, 404] },
  { route: "PATCH /users/:id (self email)", request: (f, caller) => ({ method: "PATCH", path: `/users/${f.self[caller]}`, body: { email: "me@example.com" } }), expected: [200, 200, 200, 200, 200] },
  { route: "DELETE /users/:id", request: async () => ({ method: "DELETE", path: `/users/${await newUserInA()}` }), expected: [200, 200, 403, 403, 404] },

  { route: "GET /api-keys", request: () => ({ method: "GET", path: "/api-keys" }), expected: [200, 200, 200, 200, 200] },
  { route: "POST /api-keys (own)", request: () => ({ method: "POST", path: "/api-keys", body: { name: "mine" } }), expected: [201, 201, 201, 201, 201] },
  { route: "POST /api-keys (for a user)", request: (f) => ({ method: "POST", path: "/api-keys", body: { user_id: f.userA } }), expected: [201, 201, 404, 404, 404] },
  {
    route: "DELETE /api-keys/:id",
    request: async (f) => ({ method: "DELETE", path: `/api-keys/${(await createKey(gateway, admin, { user_id: f.userA })).id}` }),
    expected: [200, 200, 404, 404, 404],
  },
  // Acting for an admin of a managed organisation would make a resource manager an admin.
  { route: "POST /api-keys (for an admin in org A)", request: (f) => ({ method: "POST", path: "/api-keys", body: { user_id: f.adminA } }), expected: [201, 403, 404, 404, 404] },
  {
    route: "DELETE /api-keys/:id (an admin's in org A)",
    request: async (f) => ({ method: "DELETE", path: `/api-keys/${(await createKey(gateway, admin, { user_id: f.adminA })).id}` }),
    expected: [200, 403, 404, 404, 404],
  },
  // A key's own security policy overrides its organisation's: only admins set one.
  { route: "POST /api-keys (own, security_policy off)", request: () => ({ method: "POST", path: "/api-keys", body: { name: "unscanned", security_policy: "off" } }), expected: [201, 403, 403, 403, 403] },

  { route: "GET /config/links", request: () => ({ method: "GET", path: "/config/links" }), expected: [200, 403, 403, 403, 403] },
  {
    route: "POST /config/links",
    request: () => ({ method: "POST", path: "/config/links", body: { name: fresh("link"), provider: "openai", endpoint_url: "http://127.0.0.1:9/v1", api_key: "sk-x", model_list: ["m"] } }),
    expected: [201, 403, 403, 403, 403],
  },
  { route: "GET /config/links/:id", request: (f) => ({ method: "GET", path: `/config/links/${f.linkId}` }), expected: [200, 403, 403, 403, 403] },
  { route: "PATCH /config/links/:id", request: (f) => ({ method: "PATCH", path: `/config/links/${f.linkId}`, body: { weight: 2 } }), expected: [200, 403, 403, 403, 403] },
  {
    route: "DELETE /config/links/:id",
    request: async () => ({
      method: "DELETE",
      path: `/config/links/${await adminPost("/config/links", { name: fresh("gone"), provider: "openai", endpoint_url: "http://127.0.0.1:9/v1", api_key: "sk-x", model_list: ["m"] })}`,
    }),
    expected: [200, 403, 403, 403, 403],
  },
  { route: "GET /config/rates", request: () => ({ method: "GET", path: "/config/rates" }), expected: [200, 403, 403, 403, 403] },
  { route: "PUT /config/rates", request: () => ({ method: "PUT", path: "/config/rates", body: { rates: [] } }), expected: [200, 403, 403, 403, 403] },

  { route: "GET /quotas", request: () => ({ method: "GET", path: "/quotas" }), expected: [200, 200, 200, 200, 200] },
  { route: "GET /quotas (a user)", request: (f) => ({ method: "GET", path: `/quotas?scope_type=user&scope_id=${f.userA}` }), expected: [200, 200, 404, 404, 404] },
  { route: "GET /quotas (self)", request: (f, caller) => ({ method: "GET", path: `/quotas?scope_type=user&scope_id=${f.self[caller]}` }), expected: [200, 200, 200, 200, 200] },
  { route: "PUT /quotas (a user)", request: (f) => ({ method: "PUT", path: "/quotas", body: { scope_type: "user", scope_id: f.userA, rpm: 1000 } }), expected: [200, 200, 403, 403, 404] },
  { route: "PUT /quotas (an admin in org A)", request: (f) => ({ method: "PUT", path: "/quotas", body: { scope_type: "user", scope_id: f.adminA, rpm: 0 } }), expected: [200, 403, 403, 403, 404] },
  // Nobody but an admin lifts their own limits.
  { route: "PUT /quotas (self)", request: (f, caller) => ({ method: "PUT", path: "/quotas", body: { scope_type: "user", scope_id: f.self[caller], rpm: null } }), expected: [200, 403, 403, 403, 403] },
  { route: "PUT /quotas (organization)", request: (f) => ({ method: "PUT", path: "/quotas", body: { scope_type: "organization", scope_id: f.orgA, daily_quota: 1_000_000 } }), expected: [200, 403, 403, 403, 404] },

  { route: "GET /analytics/usage", request: () => ({ method: "GET", path: "/analytics/usage?group_by=organization" }), expected: [200, 200, 200, 200, 200] },
  { route: "GET /usage/events", request: () => ({ method: "GET", path: "/usage/events" }), expected: [200, 200, 200, 200, 200] },
  { route: "GET /audit", request: () => ({ method: "GET", path: "/audit" }), expected: [200, 403, 403, 403, 403] },
];

/** Routes other engineers are still wiring; checked only once the admin gets an answer other than 404. */
const ROWS_IF_PRESENT: Row[] = [
  { route: "GET /config/routing", request: () => ({ method: "GET", path: "/config/routing" }), expected: [200, 403, 403, 403, 403] },
  { route: "GET /config/aliases", request: () => ({ method: "GET", path: "/config/aliases" }), expected: [200, 403, 403, 403, 403] },
  { route: "GET /security/events", request: () => ({ method: "GET", path: "/security/events" }), expected: [200, 200, 200, 403, 200] },
];

beforeAll(async () => {
  database = await freshDatabase();
  gateway = await startGateway({ database });
  admin = gateway.adminKey ?? "";
  const orgA = await adminPost("/organizations", { name: "matrix-a" });
  const orgB = await adminPost("/organizations", { name: "matrix-b" });
  const person = async (username: string, organizationId: string, role: string, managed: string[] = []) => {
    const id = await adminPost("/users", { username, organization_id: organizationId, role, managed_organization_ids: managed });
    return { id, key: (await createKey(gateway, admin, { user_id: id })).key };
  };
  const manager = await person("matrix-rm", orgA, "resource_manager", [orgA]);
  const reporter = await person("matrix-reporter", orgA, "reporter", [orgA]);
  const user = await person("matrix-user", orgA, "user");
  const otherManager = await person("matrix-other-rm", orgB, "resource_manager", [orgB]);
  const userA = await adminPost("/users", { username: "matrix-target-a", organization_id: orgA });
  const adminA = await adminPost("/users", { username: "matrix-admin-a", organization_id: orgA, role: "admin" });
  const userB = await adminPost("/users", { username: "matrix-target-b", organization_id: orgB });
  const linkId = await adminPost("/config/links", { name: "matrix-link", provider: "openai", endpoint_url: "http://127.0.0.1:9/v1", api_key: "sk-x", model_list: ["m"] });
  const me = await call(`${gateway.mgmtUrl}/auth/me`, { token: admin });
  const adminId = (me.body as { id: string }).id;
  Object.assign(tokens, { admin, resource_manager: manager.key, reporter: reporter.key, user: user.key, other_org: otherManager.key, no_auth: null, bad_token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad" });
  fixtures = {
    orgA,
    orgB,
    adminA,
    userA,
    userB,
    linkId,
    self: { admin: adminId, resource_manager: manager.id, reporter: reporter.id, user: user.id, other_org: otherManager.id, no_auth: adminId, bad_token: adminId },
  };
  for (const row of ROWS_IF_PRESENT) {
    const probe = await call(`${gateway.mgmtUrl}${(row.request(fixtures, "admin") as Request).path}`, { token: admin });
    if (probe.status !== 404) ROWS.push(row);
  }
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await database?.drop();
}, 60_000);

function expectedFor(row: Row, caller: Caller): number {
  if (caller === "no_auth" || caller === "bad_token") return 401;
  return row.expected[CALLERS.indexOf(caller)] as number;
}

describe("roles matrix", () => {
  test("every route × every caller answers as written", async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const row of ROWS) {
      for (const caller of CALLERS) {
        const request = await row.request(fixtures, caller);
        const answer = await call(`${gateway.mgmtUrl}${request.path}`, { method: request.method, token: tokens[caller], body: request.body });
        cells++;
        const expected = expectedFor(row, caller);
        if (answer.status !== expected) mismatches.push(`${row.route} as ${caller}: expected ${expected}, got ${answer.status} ${answer.text.slice(0, 200)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThanOrEqual(35 * CALLERS.length);
  }, 120_000);

  test("scoped lists show nothing of another organisation", async () => {
    const manager = tokens.resource_manager;
    const users = await call(`${gateway.mgmtUrl}/users?limit=1000`, { token: manager });
    const userOrgs = new Set((users.body as { data: { organization_id: string }[] }).data.map((row) => row.organization_id));
    expect([...userOrgs]).toEqual([fixtures.orgA]);
    const keys = await call(`${gateway.mgmtUrl}/api-keys?limit=1000`, { token: manager });
    expect((keys.body as { data: { organization_id: string }[] }).data.every((row) => row.organization_id === fixtures.orgA)).toBe(true);
    const orgs = await call(`${gateway.mgmtUrl}/organizations`, { token: tokens.reporter });
    expect((orgs.body as { data: { id: string }[] }).data.map((row) => row.id)).toEqual([fixtures.orgA]);
    // A reporter reads analytics, not other people's keys.
    const reporterKeys = await call(`${gateway.mgmtUrl}/api-keys?limit=1000`, { token: tokens.reporter });
    expect((reporterKeys.body as { data: { user_id: string }[] }).data.every((row) => row.user_id === fixtures.self.reporter)).toBe(true);
    const otherUsers = await call(`${gateway.mgmtUrl}/users?organization_id=${fixtures.orgA}`, { token: tokens.other_org });
    expect((otherUsers.body as { data: unknown[] }).data).toEqual([]);
    const quotas = await call(`${gateway.mgmtUrl}/quotas`, { token: tokens.other_org });
    expect((quotas.body as { data: { organization_id: string }[] }).data.every((row) => row.organization_id === fixtures.orgB)).toBe(true);
  });
});
