// The long-lived parts that come with routes and need stopping (usage writer, caches, limiters), built
// once at start. Each issue's subsystem registers here, keeping server.ts about boot order only.
import type { AnyElysia } from "elysia";
import type { ConfigBus } from "./config-bus.ts";
import type { AppContext } from "./context.ts";

export interface Services {
  proxyRoutes: AnyElysia[];
  managementRoutes: AnyElysia[];
  /** Stop timers and flush buffers; called after the listeners have drained. */
  stop(): Promise<void>;
}

export async function buildServices(_ctx: AppContext, _bus: ConfigBus): Promise<Services> {
  return { proxyRoutes: [], managementRoutes: [], stop: async () => {} };
}
