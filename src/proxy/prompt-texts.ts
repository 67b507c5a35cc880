// Every text a client sends in an OpenAI-format request, for the prompt scanner: all messages (system,
// developer, user, assistant history, tool results), every text part of multi-part content, assistant
// tool-call arguments, the legacy completions prompt and embedding inputs.
import type { JsonObject, Operation } from "../providers/types.ts";

function pushContent(content: unknown, out: string[]): void {
  if (typeof content === "string") {
    if (content.length > 0) out.push(content);
    return;
  }
  if (!Array.isArray(content)) return;
  for (const part of content) {
    if (typeof part === "string") out.push(part);
    else if (part && typeof part === "object") {
      const text = (part as JsonObject).text;
      if (typeof text === "string" && text.length > 0) out.push(text);
      // Nested tool results (Anthropic style, after translation) carry content of their own.
      const inner = (part as JsonObject).content;
      if (inner !== undefined) pushContent(inner, out);
    }
  }
}

/**
 * A request's texts in two groups: the application's own instructions (system and developer
 * messages, which the security gate treats as the application's, see security-gate.ts) and
 * everything else.
 */
export interface PromptTexts {
  readonly instructions: string[];
  readonly conversation: string[];
}

const INSTRUCTION_ROLES = new Set(["system", "developer"]);

export function promptTexts(operation: Operation, body: JsonObject): PromptTexts {
  const instructions: string[] = [];
  const conversation: string[] = [];
  if (operation === "chat") {
    const messages = body.messages;
    if (!Array.isArray(messages)) return { instructions, conversation };
    for (const message of messages) {
      if (!message || typeof message !== "object") continue;
      const { content, role, tool_calls: toolCalls } = message as JsonObject;
      pushContent(content, typeof role === "string" && INSTRUCTION_ROLES.has(role) ? instructions : conversation);
      if (Array.isArray(toolCalls)) {
        for (const call of toolCalls) {
          const args = (call as { function?: { arguments?: unknown } } | null)?.function?.arguments;
          if (typeof args === "string" && args.length > 0) conversation.push(args);
        }
      }
    }
  } else {
    pushContent(operation === "completions" ? body.prompt : body.input, conversation);
  }
  return { instructions, conversation };
}
