// Boot and shutdown of `waddleai serve`: open the database, migrate, warm caches, listen on both ports,
// and on SIGTERM/SIGINT stop accepting, let in-flight requests finish, flush buffers, close the database.
import type { AnyElysia } from "elysia";
import { buildManagementApp } from "./admin/app.ts";
import { KeyCache } from "./auth/key-cache.ts";
import { LoginThrottle } from "./auth/login-throttle.ts";
import { createSecretBox } from "./auth/secret-box.ts";
import { bootstrap } from "./bootstrap.ts";
import { ConfigBus } from "./config-bus.ts";
import type { Config } from "./config/schema.ts";
import type { AppContext } from "./context.ts";
import { openDatabase } from "./db/client.ts";
import { runMigrations } from "./db/migrate.ts";
import { getOrCreateSetting, randomSecret } from "./db/settings-store.ts";
import type { Logger } from "./log.ts";
import { createEnvLinks } from "./providers/env-links.ts";
import { buildProxyApp } from "./proxy/app.ts";
import { buildServices, type Services } from "./services.ts";

export class StartupError extends Error {}

export interface RunningServer {
  proxyPort: number;
  mgmtPort: number;
  ctx: AppContext;
  services: Services;
  shutdown(reason: string): Promise<void>;
}

function listen(app: AnyElysia, port: number, host: string, variable: string, maxBodyBytes: number): number {
  try {
    // reusePort off: a second process on a taken port must fail loudly instead of sharing traffic.
    app.listen({ port, hostname: host, reusePort: false, idleTimeout: 255, maxRequestBodySize: maxBodyBytes });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "EADDRINUSE") throw new StartupError(`${variable}: port ${port} on ${host} is already in use`);
    throw new StartupError(`${variable}: cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const bound = app.server?.port;
  if (bound === undefined) throw new StartupError(`${variable}: server did not start`);
  return bound;
}

export async function startServer(config: Config, log: Logger, version: string): Promise<RunningServer> {
  const started = performance.now();
  const database = await openDatabase(config, log);
  try {
    const migrations = await runMigrations(database.sql);
    if (migrations.applied.length > 0) log.info("migrations applied", { applied: migrations.applied });

    const jwtSecret = config.jwtSecret ?? (await getOrCreateSetting(database.sql, "jwt_secret", randomSecret));
    const boxSecret = config.secretKey ?? (await getOrCreateSetting(database.sql, "secret_box_key", randomSecret));
    const secretBox = await createSecretBox(boxSecret);

    const first = await bootstrap(database.sql, config.adminPassword);
    if (first.created) {
      log.info("first start: created organisation 'default', user 'admin' and an admin API key");
      // Plain lines, printed once, so a newcomer can copy them from the terminal.
      process.stdout.write(`Admin API Key: ${first.adminApiKey}\n`);
      if (first.adminPassword) process.stdout.write(`Admin password: ${first.adminPassword}\n`);
    }
    const envLinks = await createEnvLinks(database.sql, secretBox, config);
    if (envLinks.length > 0) log.info("provider links created from the environment", { links: envLinks });

    const keys = new KeyCache(database.sql, log);
    await keys.refresh();
    keys.start(config.cacheRefreshMs);

    const bus = new ConfigBus(database, log);
    const shuttingDown = { value: false };
    const ctx: AppContext = {
      config,
      database,
      log,
      keys,
      loginThrottle: new LoginThrottle(),
      secretBox,
      jwtSecret,
      version,
      shuttingDown,
      configChanged: (topic) => bus.publish(topic),
    };
    const services = await buildServices(ctx, bus);
    await bus.start();

    const proxyApp = buildProxyApp(ctx, services.proxyRoutes);
    const mgmtApp = buildManagementApp(ctx, services.managementRoutes);
    // The proxy enforces MAX_BODY_BYTES itself (from content-length, or counting a chunked upload) to
    // answer 413 in OpenAI's envelope, so Bun's own cap is lifted there.
    const proxyPort = listen(proxyApp, config.proxyPort, config.host, "PROXY_PORT", Number.MAX_SAFE_INTEGER);
    let mgmtPort: number;
    try {
      mgmtPort = listen(mgmtApp, config.mgmtPort, config.host, "MGMT_PORT", config.maxBodyBytes);
    } catch (error) {
      await proxyApp.stop(true);
      throw error;
    }
    log.info("listening", { proxyPort, mgmtPort, host: config.host, engine: database.engine, startMs: Math.round(performance.now() - started), version });

    let stopping: Promise<void> | null = null;
    const shutdown = (reason: string) => {
      stopping ??= (async () => {
        log.info("shutting down", { reason });
        shuttingDown.value = true;
        const drain = Promise.all([proxyApp.server?.stop(false), mgmtApp.server?.stop(false)]);
        const deadline = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), config.shutdownTimeoutMs).unref());
        if ((await Promise.race([drain, deadline])) === "timeout") {
          log.warn("in-flight requests did not finish before the deadline; closing them", { timeoutMs: config.shutdownTimeoutMs });
          await Promise.all([proxyApp.server?.stop(true), mgmtApp.server?.stop(true)]);
        }
        keys.stop();
        await services.stop();
        await bus.stop();
        await database.close();
        log.info("stopped");
      })();
      return stopping;
    };
    return { proxyPort, mgmtPort, ctx, services, shutdown };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
