import { describe, expect, test } from "bun:test";
import { GatewayError } from "../errors.ts";
import { validateRequest } from "./validate.ts";

describe("validateRequest", () => {
  const chat = { model: "m", messages: [{ role: "user", content: "hi" }] };

  test.each([
    [{ ...chat, max_completion_tokens: null, max_tokens: "abc" }, "max_tokens"],
    [{ ...chat, max_completion_tokens: 5, max_tokens: "abc" }, "max_tokens"],
    [{ ...chat, max_completion_tokens: -1 }, "max_completion_tokens"],
  ])("names the token limit that is wrong: %j", (body, param) => {
    const result = validateRequest("chat", body);
    expect(result).toBeInstanceOf(GatewayError);
    expect((result as GatewayError).param).toBe(param);
  });

  test("max_completion_tokens wins over max_tokens when both are valid", () => {
    expect(validateRequest("chat", { ...chat, max_completion_tokens: 5, max_tokens: 9 })).toMatchObject({ maxTokens: 5 });
  });
});
