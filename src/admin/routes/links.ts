// GET|POST /config/links, GET|PATCH|DELETE /config/links/:id. Secrets are sealed at rest and never returned.
import { Elysia, t } from "elysia";
import { recordAudit } from "../../audit.ts";
import type { AppContext } from "../../context.ts";
import { GatewayError } from "../../errors.ts";
import { getAdapter } from "../../providers/registry.ts";
import { authPlugin } from "../auth-plugin.ts";
import { pageOf, parsePage } from "../pagination.ts";

interface LinkRow {
  id: string;
  name: string;
  provider: string;
  endpoint_url: string;
  api_key_encrypted: string | null;
  model_list: string[];
  enabled: boolean;
  weight: number;
  priority: number;
  options: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

export function serializeLink(row: LinkRow) {
  return {
    id: row.id,
    object: "provider_link",
    name: row.name,
    provider: row.provider,
    endpoint_url: row.endpoint_url,
    has_api_key: row.api_key_encrypted !== null,
    model_list: row.model_list,
    enabled: row.enabled,
    weight: row.weight,
    priority: row.priority,
    options: row.options,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

const linkFields = {
  name: t.String({ minLength: 1, maxLength: 200 }),
  provider: t.String({ minLength: 1, maxLength: 50 }),
  endpoint_url: t.String({ minLength: 1, maxLength: 2000 }),
  api_key: t.Union([t.String({ maxLength: 10_000 }), t.Null()]),
  model_list: t.Array(t.String({ minLength: 1, maxLength: 200 }), { maxItems: 10_000 }),
  enabled: t.Boolean(),
  weight: t.Integer({ minimum: 0, maximum: 1_000_000 }),
  priority: t.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
  options: t.Record(t.String(), t.Unknown()),
};

const createBody = t.Object({
  name: linkFields.name,
  provider: linkFields.provider,
  endpoint_url: linkFields.endpoint_url,
  api_key: t.Optional(linkFields.api_key),
  model_list: t.Optional(linkFields.model_list),
  enabled: t.Optional(linkFields.enabled),
  weight: t.Optional(linkFields.weight),
  priority: t.Optional(linkFields.priority),
  options: t.Optional(linkFields.options),
});

const patchBody = t.Partial(t.Object(linkFields));

function validateProvider(provider: string): void {
  if (!getAdapter(provider)) throw new GatewayError("invalid_request_error", `unknown provider "${provider}"`, { param: "provider" });
}

function validateEndpoint(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error();
  } catch {
    throw new GatewayError("invalid_request_error", "endpoint_url must be an http(s) URL", { param: "endpoint_url" });
  }
  return url.replace(/\/+$/, "");
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}

export function linkRoutes(ctx: AppContext) {
  const { sql } = ctx.database;
  const idParams = t.Object({ id: t.String({ format: "uuid" }) });
  const load = async (id: string) => {
    const [row] = await sql<LinkRow[]>`select * from provider_links where id = ${id}`;
    if (!row) throw new GatewayError("not_found", "link not found");
    return row;
  };
  return new Elysia()
    .use(authPlugin(ctx))
    .get(
      "/config/links",
      async ({ query }) => {
        const page = parsePage(query);
        const rows = await sql<LinkRow[]>`select * from provider_links order by priority desc, name limit ${page.limit + 1} offset ${page.offset}`;
        return pageOf(rows.map(serializeLink), page);
      },
      { permission: "links.read", detail: { tags: ["config"], summary: "List provider links" } },
    )
    .get("/config/links/:id", async ({ params }) => serializeLink(await load(params.id)), {
      permission: "links.read",
      params: idParams,
      detail: { tags: ["config"], summary: "One provider link" },
    })
    .post(
      "/config/links",
      async ({ body, principal, ip, requestId, set }) => {
        validateProvider(body.provider);
        const endpoint = validateEndpoint(body.endpoint_url);
        const sealed = body.api_key ? await ctx.secretBox.seal(body.api_key) : null;
        try {
          const [row] = await sql<LinkRow[]>`
            insert into provider_links (name, provider, endpoint_url, api_key_encrypted, model_list, enabled, weight, priority, options)
            values (${body.name}, ${body.provider}, ${endpoint}, ${sealed}, ${JSON.stringify(body.model_list ?? [])}::text::jsonb, ${body.enabled ?? true},
                    ${body.weight ?? 1}, ${body.priority ?? 0}, ${JSON.stringify(body.options ?? {})}::text::jsonb)
            returning *`;
          if (!row) throw new GatewayError("internal_error", "link was not stored");
          const serialized = serializeLink(row);
          await recordAudit(sql, { actor: principal, action: "link.create", targetType: "provider_link", targetId: row.id, after: serialized, ip, requestId });
          await ctx.configChanged("links");
          set.status = 201;
          return serialized;
        } catch (error) {
          if (isUniqueViolation(error)) throw new GatewayError("conflict", `a link named "${body.name}" already exists`, { param: "name" });
          throw error;
        }
      },
      { permission: "links.write", body: createBody, detail: { tags: ["config"], summary: "Create a provider link" } },
    )
    .patch(
      "/config/links/:id",
      async ({ params, body, principal, ip, requestId }) => {
        const before = await load(params.id);
        if (body.provider !== undefined) validateProvider(body.provider);
        const endpoint = body.endpoint_url === undefined ? before.endpoint_url : validateEndpoint(body.endpoint_url);
        const sealed = body.api_key === undefined ? before.api_key_encrypted : body.api_key === null ? null : await ctx.secretBox.seal(body.api_key);
        try {
          const [row] = await sql<LinkRow[]>`
            update provider_links set
              name = ${body.name ?? before.name}, provider = ${body.provider ?? before.provider}, endpoint_url = ${endpoint},
              api_key_encrypted = ${sealed}, model_list = ${JSON.stringify(body.model_list ?? before.model_list)}::text::jsonb,
              enabled = ${body.enabled ?? before.enabled}, weight = ${body.weight ?? before.weight},
              priority = ${body.priority ?? before.priority}, options = ${JSON.stringify(body.options ?? before.options)}::text::jsonb,
              updated_at = now()
            where id = ${params.id} returning *`;
          if (!row) throw new GatewayError("not_found", "link not found");
          const serialized = serializeLink(row);
          await recordAudit(sql, { actor: principal, action: "link.update", targetType: "provider_link", targetId: row.id, before: serializeLink(before), after: serialized, ip, requestId });
          await ctx.configChanged("links");
          return serialized;
        } catch (error) {
          if (isUniqueViolation(error)) throw new GatewayError("conflict", "a link with that name already exists", { param: "name" });
          throw error;
        }
      },
      { permission: "links.write", params: idParams, body: patchBody, detail: { tags: ["config"], summary: "Change a provider link" } },
    )
    .delete(
      "/config/links/:id",
      async ({ params, principal, ip, requestId }) => {
        const before = await load(params.id);
        await sql`delete from provider_links where id = ${params.id}`;
        await recordAudit(sql, { actor: principal, action: "link.delete", targetType: "provider_link", targetId: params.id, before: serializeLink(before), ip, requestId });
        await ctx.configChanged("links");
        return { id: params.id, object: "provider_link", deleted: true };
      },
      { permission: "links.write", params: idParams, detail: { tags: ["config"], summary: "Delete a provider link" } },
    );
}
