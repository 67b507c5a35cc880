import { describe, expect, test } from "bun:test";
import { GatewayError } from "../errors.ts";
import { MAX_BODY_DEPTH, readJsonBody } from "./body.ts";

describe("readJsonBody", () => {
  const request = (bytes: Uint8Array, chunked = false) =>
    new Request("http://gateway/v1/chat/completions", {
      method: "POST",
      body: chunked ? new Blob([bytes]).stream() : bytes,
      headers: chunked ? {} : { "content-length": String(bytes.byteLength) },
    });

  test.each([false, true])("a body with invalid UTF-8 is a 400, not replacement characters (chunked: %p)", async (chunked) => {
    const bad = new Uint8Array([...Buffer.from('{"model":"m","note":"hello '), 0xff, 0xfe, ...Buffer.from(' there"}')]);
    const result = await readJsonBody(request(bad, chunked), 10_000);
    expect(result).toBeInstanceOf(GatewayError);
    expect((result as GatewayError).message).toContain("UTF-8");
  });

  test("valid UTF-8 is read with its byte count", async () => {
    const body = Buffer.from('{"note":"héllo 你好"}');
    const result = await readJsonBody(request(body), 10_000);
    expect(result).toEqual({ body: { note: "héllo 你好" }, bytes: body.byteLength });
  });

  test("a body nested deeper than MAX_BODY_DEPTH is refused for every route that reads one", async () => {
    const deep = Buffer.from(`{"model":"m","extra":${"[".repeat(MAX_BODY_DEPTH)}${"]".repeat(MAX_BODY_DEPTH)}}`);
    const result = await readJsonBody(request(deep), 100_000);
    expect(result).toBeInstanceOf(GatewayError);
    expect((result as GatewayError).message).toContain("nests deeper");
    const fits = Buffer.from(`{"extra":${"[".repeat(MAX_BODY_DEPTH - 1)}${"]".repeat(MAX_BODY_DEPTH - 1)}}`);
    expect(await readJsonBody(request(fits), 100_000)).not.toBeInstanceOf(GatewayError);
  });
});
