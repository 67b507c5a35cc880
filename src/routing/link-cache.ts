// Provider links held in memory with their secrets opened, indexed by the models they serve. Reloaded
// when the configuration bus says links changed, and on a timer as a safety net; links with an empty
// model list are asked for their models (e.g. Ollama's /api/tags) in the background.
import type { Sql } from "postgres";
import type { SecretBox } from "../auth/secret-box.ts";
import type { Logger } from "../log.ts";
import { getAdapter } from "../providers/registry.ts";
import type { LinkConfig, ProviderAdapter } from "../providers/types.ts";

export interface LinkEntry {
  config: LinkConfig;
  adapter: ProviderAdapter;
  weight: number;
  priority: number;
}

interface LinkRow {
  id: string;
  name: string;
  provider: string;
  endpoint_url: string;
  api_key_encrypted: string | null;
  model_list: string[];
  weight: number;
  priority: number;
  options: Record<string, unknown>;
  updated_at: Date;
}

const DISCOVERY_TTL_MS = 60_000;
const DISCOVERY_TIMEOUT_MS = 5_000;

export class LinkCache {
  private byModel = new Map<string, LinkEntry[]>();
  private all: LinkEntry[] = [];
  private discovered = new Map<string, { models: string[]; at: number }>();
  private timer: Timer | null = null;
  private loading: Promise<void> | null = null;
  /** A reload asked for while one was running: it must read again, the running one may predate the change. */
  private queued: Promise<void> | null = null;

  constructor(
    private readonly sql: Sql,
    private readonly secretBox: SecretBox,
    private readonly log: Logger,
  ) {}

  /** Links serving this exact model name, in no particular order. */
  linksFor(model: string): readonly LinkEntry[] {
    return this.byModel.get(model) ?? [];
  }

  links(): readonly LinkEntry[] {
    return this.all;
  }

  /** Every model name some enabled link serves. */
  models(): string[] {
    return [...this.byModel.keys()];
  }

  reload(): Promise<void> {
    if (this.loading) {
      this.queued ??= this.loading
        .catch(() => {})
        .then(() => {
          this.queued = null;
          return this.reload();
        });
      return this.queued;
    }
    this.loading = this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    const rows = await this.sql<LinkRow[]>`
      select id, name, provider, endpoint_url, api_key_encrypted, model_list, weight, priority, options, updated_at
      from provider_links where enabled order by priority desc, name`;
    const entries: LinkEntry[] = [];
    for (const row of rows) {
      const adapter = getAdapter(row.provider);
      if (!adapter) {
        this.log.warn("link names an unknown provider; skipped", { link: row.name, provider: row.provider });
        continue;
      }
      let apiKey: string | null = null;
      if (row.api_key_encrypted) {
        try {
          apiKey = await this.secretBox.open(row.api_key_encrypted);
        } catch {
          this.log.error("cannot decrypt a link's secret (was WADDLEAI_SECRET_KEY changed?); link skipped", { link: row.name });
          continue;
        }
      }
      entries.push({
        config: {
          id: row.id,
          name: row.name,
          provider: row.provider,
          endpointUrl: row.endpoint_url,
          apiKey,
          modelList: row.model_list,
          options: row.options,
        },
        adapter,
        weight: row.weight,
        priority: row.priority,
      });
    }
    this.all = entries;
    this.index();
    for (const entry of entries) {
      if (entry.config.modelList.length === 0) void this.discover(entry);
    }
  }

  private index(): void {
    const byModel = new Map<string, LinkEntry[]>();
    for (const entry of this.all) {
      const models = entry.config.modelList.length > 0 ? entry.config.modelList : (this.discovered.get(entry.config.id)?.models ?? []);
      for (const model of models) {
        const list = byModel.get(model);
        if (list) list.push(entry);
        else byModel.set(model, [entry]);
      }
    }
    this.byModel = byModel;
  }

  private async discover(entry: LinkEntry): Promise<void> {
    const known = this.discovered.get(entry.config.id);
    if (known && Date.now() - known.at < DISCOVERY_TTL_MS) return;
    const request = entry.adapter.buildListModelsRequest(entry.config);
    if (!request) return;
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const models = entry.adapter.parseModelList(await response.json());
      this.discovered.set(entry.config.id, { models, at: Date.now() });
      this.index();
    } catch (error) {
      this.log.warn("model discovery failed", { link: entry.config.name, error: error instanceof Error ? error.message : String(error) });
    }
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.reload().catch((error: unknown) => this.log.warn("link reload failed", { error }));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
