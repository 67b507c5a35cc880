// An OpenAI-format completion (chat.completion or text_completion) re-told as the chunk stream it would
// have been: for upstreams that answer a stream request with one JSON body. The text it returns is fed
// to the OpenAI passthrough like any upstream stream, so usage, model renaming and the client's format
// are handled the one usual way.

import type { JsonObject, Operation } from "../types.ts";
import { encodeSseData, SSE_DONE } from "../../streaming/sse.ts";
import { isJsonObject } from "./json.ts";
import { unixSeconds } from "./ids.ts";

/** The delta that carries a whole chat message: content, reasoning and every tool call in one piece. */
function messageDelta(message: JsonObject): JsonObject {
  const delta: JsonObject = { role: "assistant", content: typeof message.content === "string" ? message.content : "" };
  if (typeof message.reasoning_content === "string") delta.reasoning_content = message.reasoning_content;
  if (typeof message.refusal === "string") delta.refusal = message.refusal;
  if (Array.isArray(message.tool_calls)) {
    delta.tool_calls = message.tool_calls.map((call, index) => (isJsonObject(call) ? { index, ...call } : call));
  }
  return delta;
}

export function completionToSse(operation: Operation, completion: JsonObject): string {
  const chat = operation === "chat";
  const envelope: JsonObject = {
    id: typeof completion.id === "string" ? completion.id : "",
    object: chat ? "chat.completion.chunk" : "text_completion",
    created: typeof completion.created === "number" ? completion.created : unixSeconds(),
    model: completion.model,
  };
  if (completion.system_fingerprint !== undefined) envelope.system_fingerprint = completion.system_fingerprint;
  const chunk = (choices: JsonObject[]): string => encodeSseData(JSON.stringify({ ...envelope, choices }));
  const choices = Array.isArray(completion.choices) ? completion.choices.filter(isJsonObject) : [];
  let out = "";
  for (const [position, choice] of choices.entries()) {
    const index = typeof choice.index === "number" ? choice.index : position;
    const finishReason = choice.finish_reason ?? "stop";
    if (chat) {
      const message = isJsonObject(choice.message) ? choice.message : {};
      out += chunk([{ index, delta: messageDelta(message), logprobs: null, finish_reason: null }]);
      out += chunk([{ index, delta: {}, logprobs: null, finish_reason: finishReason }]);
    } else {
      out += chunk([{ index, text: typeof choice.text === "string" ? choice.text : "", logprobs: null, finish_reason: null }]);
      out += chunk([{ index, text: "", logprobs: null, finish_reason: finishReason }]);
    }
  }
  // The usage chunk comes last, as with `include_usage`; the passthrough drops it if the client did not ask.
  if (isJsonObject(completion.usage)) out += encodeSseData(JSON.stringify({ ...envelope, choices: [], usage: completion.usage }));
  return out + SSE_DONE;
}
