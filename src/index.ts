// Entry point of the executable: parse the command, read configuration once, run.
import { version } from "../package.json";
import { HELP, parseCommand } from "./cli.ts";
import { ConfigError, parseConfig } from "./config/schema.ts";
import { openDatabase } from "./db/client.ts";
import { runMigrations } from "./db/migrate.ts";
import { createLogger } from "./log.ts";
import { StartupError, startServer } from "./server.ts";

function fail(line: string): never {
  process.stderr.write(`waddleai: ${line}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const command = parseCommand(process.argv.slice(2));
  if (typeof command === "object") {
    process.stderr.write(`waddleai: unknown command "${command.unknown}"\n\n${HELP}`);
    process.exit(2);
  }
  if (command === "help") return void process.stdout.write(HELP);
  if (command === "version") return void process.stdout.write(`waddleai ${version}\n`);

  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(`invalid configuration: ${error.message}`);
    throw error;
  }
  const log = createLogger(config.logLevel, { service: "waddleai" });

  if (command === "migrate") {
    const database = await openDatabase(config, log);
    try {
      const outcome = await runMigrations(database.sql);
      log.info("migrations done", { applied: outcome.applied, total: outcome.total });
    } finally {
      await database.close();
    }
    return;
  }

  try {
    const server = await startServer(config, log, version);
    const onSignal = (signal: string) => {
      server.shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          log.error("shutdown failed", { error });
          process.exit(1);
        },
      );
    };
    process.on("SIGTERM", () => onSignal("SIGTERM"));
    process.on("SIGINT", () => onSignal("SIGINT"));
  } catch (error) {
    if (error instanceof StartupError) fail(error.message);
    log.debug("start failed", { error });
    fail(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

await main();
