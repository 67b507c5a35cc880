// Starts a benchmark helper process (fake upstream, bare proxy) that prints "port N" when it listens.
import type { Subprocess } from "bun";

export async function spawnWithPort(cmd: string[], env: Record<string, string> = {}): Promise<{ child: Subprocess; port: number }> {
  const child = Bun.spawn(cmd, { env: { ...process.env, ...env }, stdout: "pipe", stderr: "inherit" });
  const reader = (child.stdout as ReadableStream<Uint8Array>).getReader();
  let text = "";
  while (!/port (\d+)/.test(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`${cmd.join(" ")} exited: ${text}`);
    text += new TextDecoder().decode(value);
  }
  return { child, port: Number(/port (\d+)/.exec(text)?.[1]) };
}
