export {};

// The floor for any Bun proxy: Bun.serve + fetch with no logic at all, run as its own process.
const upstream = process.env.UPSTREAM ?? "";
const server = Bun.serve({
  port: 0,
  hostname: "127.0.0.1",
  async fetch(request) {
    const response = await fetch(`${upstream}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: await request.text(), signal: request.signal });
    return new Response(response.body, { status: response.status, headers: { "content-type": response.headers.get("content-type") ?? "application/json" } });
  },
});
console.log(`port ${server.port}`);
