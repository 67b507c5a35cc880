// OPENAI_API_KEY, ANTHROPIC_API_KEY and OLLAMA_URL set at start each create a provider link when no
// link of that provider exists yet (later starts leave links alone).
import type { Sql } from "postgres";
import type { SecretBox } from "../auth/secret-box.ts";
import type { Config } from "../config/schema.ts";

interface EnvLink {
  provider: string;
  name: string;
  endpointUrl: string;
  apiKey: string | null;
  modelList: string[];
}

function linksFromEnv(config: Config): EnvLink[] {
  const links: EnvLink[] = [];
  if (config.openaiApiKey) {
    links.push({ provider: "openai", name: "openai", endpointUrl: "https://api.openai.com/v1", apiKey: config.openaiApiKey, modelList: ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o4-mini", "text-embedding-3-small", "text-embedding-3-large"] });
  }
  if (config.anthropicApiKey) {
    links.push({ provider: "anthropic", name: "anthropic", endpointUrl: "https://api.anthropic.com", apiKey: config.anthropicApiKey, modelList: ["claude-sonnet-4-5", "claude-opus-4-1", "claude-haiku-4-5"] });
  }
  if (config.ollamaUrl) {
    // An empty model list makes the Ollama adapter discover models from /api/tags.
    links.push({ provider: "ollama", name: "ollama", endpointUrl: config.ollamaUrl, apiKey: null, modelList: [] });
  }
  return links;
}

/** Returns the names of the links created. */
export async function createEnvLinks(sql: Sql, secretBox: SecretBox, config: Config): Promise<string[]> {
  const created: string[] = [];
  for (const link of linksFromEnv(config)) {
    const sealed = link.apiKey ? await secretBox.seal(link.apiKey) : null;
    const rows = await sql`
      insert into provider_links (name, provider, endpoint_url, api_key_encrypted, model_list)
      select ${link.name}, ${link.provider}, ${link.endpointUrl}, ${sealed}, ${JSON.stringify(link.modelList)}::text::jsonb
      where not exists (select 1 from provider_links where provider = ${link.provider})
      on conflict (name) do nothing
      returning id`;
    if (rows.length > 0) created.push(link.name);
  }
  return created;
}
