// `bun run check` (after tsc): Biome's linter over the sources.
import { $ } from "bun";

await $`bunx biome lint src test bench scripts`;
