import { defineConfig } from "drizzle-kit";

// drizzle-kit generates the SQL in migrations/ from the schema; the server applies it (src/db/migrate.ts).
export const config = defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./migrations",
});
// drizzle-kit reads the default export.
export default config;
