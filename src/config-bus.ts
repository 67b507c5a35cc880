// Tells every instance sharing the database that configuration changed. On a Postgres server this is
// LISTEN/NOTIFY; the embedded database admits one process only (see db/data-dir-lock.ts), so there the
// bus is local. Subscribers also re-read on a timer, which covers a dropped notification.
import type { ConfigTopic } from "./context.ts";
import type { Database } from "./db/client.ts";
import type { Logger } from "./log.ts";

const CHANNEL = "waddleai_config";
const TOPICS: readonly ConfigTopic[] = ["links", "rates", "routing", "quotas", "policies"];

type Handler = () => Promise<void> | void;

export class ConfigBus {
  /** Tags this instance's notifications, so it does not reload twice for its own change. */
  private readonly instanceId = crypto.randomUUID();
  private readonly handlers = new Map<ConfigTopic, Handler[]>();
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
  ) {}

  on(topic: ConfigTopic, handler: Handler): void {
    const list = this.handlers.get(topic) ?? [];
    list.push(handler);
    this.handlers.set(topic, list);
  }

  private async dispatch(topic: ConfigTopic): Promise<void> {
    for (const handler of this.handlers.get(topic) ?? []) {
      try {
        await handler();
      } catch (error) {
        this.log.warn("config reload failed", { topic, error });
      }
    }
  }

  async start(): Promise<void> {
    if (!this.database.supportsNotify) return;
    const listener = await this.database.sql.listen(CHANNEL, (payload) => {
      const [name, sender] = payload.split(":");
      if (sender === this.instanceId) return;
      const topic = TOPICS.find((candidate) => candidate === name);
      if (topic) void this.dispatch(topic);
    });
    this.unlisten = () => listener.unlisten();
  }

  /** Apply locally at once, then tell the other instances. */
  async publish(topic: ConfigTopic): Promise<void> {
    await this.dispatch(topic);
    if (this.database.supportsNotify) await this.database.sql.notify(CHANNEL, `${topic}:${this.instanceId}`);
  }

  async stop(): Promise<void> {
    await this.unlisten?.().catch(() => {});
  }
}
