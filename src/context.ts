// Everything a route needs, built once at start by src/index.ts and handed to the app builders.
import type { KeyCache } from "./auth/key-cache.ts";
import type { LoginThrottle } from "./auth/login-throttle.ts";
import type { SecretBox } from "./auth/secret-box.ts";
import type { Config } from "./config/schema.ts";
import type { Database } from "./db/client.ts";
import type { Logger } from "./log.ts";

export type ConfigTopic = "links" | "rates" | "routing" | "quotas" | "policies";

export interface AppContext {
  config: Config;
  database: Database;
  log: Logger;
  keys: KeyCache;
  loginThrottle: LoginThrottle;
  secretBox: SecretBox;
  jwtSecret: string;
  version: string;
  /** Tell every instance (and this one, at once) that configuration of the given kind changed. */
  configChanged(topic: ConfigTopic): Promise<void>;
  /** Set once shutdown begins: readiness turns false so load balancers stop sending traffic. */
  shuttingDown: { value: boolean };
}
