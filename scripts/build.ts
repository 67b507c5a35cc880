// `bun run build`: one self-contained executable, dist/waddleai. Migrations are inlined by a macro
// (src/db/migrations-macro.ts); the embedded database's WASM, data bundle, htmx and Swagger UI are
// embedded as files; the embedded-database worker is a second entrypoint, as Bun requires for workers.
import { $ } from "bun";

const outfile = process.argv[2] ?? "dist/waddleai";
await $`bun build --compile --minify-syntax --minify-whitespace --sourcemap=none ./src/index.ts ./src/db/embedded-worker.ts --outfile ${outfile}`;
const size = Bun.file(outfile).size;
console.log(`built ${outfile} (${(size / 1024 / 1024).toFixed(1)} MiB)`);
