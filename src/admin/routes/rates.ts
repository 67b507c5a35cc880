// GET|PUT /config/rates — WaddleAI-token conversion rates per provider and model.
import { Elysia, t } from "elysia";
import { recordAudit } from "../../audit.ts";
import type { AppContext } from "../../context.ts";
import { DEFAULT_RATE, loadRates, type RateTable, saveRates } from "../../usage/rates.ts";
import { authPlugin } from "../auth-plugin.ts";

const rateRow = t.Object({
  provider: t.String({ minLength: 1, maxLength: 50, description: 'provider name, or "*" for any provider' }),
  model: t.String({ minLength: 1, maxLength: 200, description: 'model name, or "*" for any model of the provider' }),
  input_rate: t.Number({ exclusiveMinimum: 0, description: "prompt tokens per WaddleAI token" }),
  output_rate: t.Number({ exclusiveMinimum: 0, description: "completion tokens per WaddleAI token" }),
});

export function rateRoutes(ctx: AppContext, rates: RateTable) {
  const { sql } = ctx.database;
  const listing = () => ({
    default: { input_rate: DEFAULT_RATE.inputRate, output_rate: DEFAULT_RATE.outputRate },
    data: rates.list().map((row) => ({ provider: row.provider, model: row.model, input_rate: row.inputRate, output_rate: row.outputRate })),
  });
  return new Elysia()
    .use(authPlugin(ctx))
    .get("/config/rates", listing, { permission: "rates.read", detail: { tags: ["config"], summary: "WaddleAI-token conversion rates" } })
    .put(
      "/config/rates",
      async ({ body, principal, ip, requestId }) => {
        const before = listing();
        const rows = body.rates.map((row) => ({ provider: row.provider, model: row.model, inputRate: row.input_rate, outputRate: row.output_rate }));
        await saveRates(sql, rows, body.replace ?? false);
        rates.replace(await loadRates(sql));
        await ctx.configChanged("rates");
        const after = listing();
        await recordAudit(sql, { actor: principal, action: "rates.update", targetType: "model_rates", targetId: null, before, after, ip, requestId });
        return after;
      },
      {
        permission: "rates.write",
        body: t.Object({
          rates: t.Array(rateRow, { maxItems: 10_000 }),
          replace: t.Optional(t.Boolean({ description: "delete rates not listed (default: upsert only)" })),
        }),
        detail: { tags: ["config"], summary: "Set conversion rates (upsert; replace:true replaces the table)" },
      },
    );
}
