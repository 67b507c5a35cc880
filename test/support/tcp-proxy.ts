// A loopback TCP relay in front of Postgres that a test can cut and restore, to simulate an outage.
import type { Socket } from "bun";

export interface TcpProxy {
  port: number;
  /** Drop every connection and refuse new ones until `restore()`. */
  cut(): void;
  restore(): void;
  stop(): void;
}

interface Pair {
  upstream: Socket<{ peer: Socket<Pair> | null; pending: Uint8Array[] }> | null;
  pending: Uint8Array[];
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let down = false;
  const clients = new Set<Socket<Pair>>();
  const server = Bun.listen<Pair>({
    hostname: "127.0.0.1",
    port: 0,
    socket: {
      async open(client) {
        if (down) return void client.end();
        client.data = { upstream: null, pending: [] };
        clients.add(client);
        try {
          const upstream = await Bun.connect<{ peer: Socket<Pair> | null; pending: Uint8Array[] }>({
            hostname: targetHost,
            port: targetPort,
            data: { peer: client, pending: [] },
            socket: {
              data(socket, chunk) {
                socket.data.peer?.write(chunk);
              },
              close(socket) {
                socket.data.peer?.end();
              },
              error(socket) {
                socket.data.peer?.end();
              },
            },
          });
          client.data.upstream = upstream;
          for (const chunk of client.data.pending) upstream.write(chunk);
          client.data.pending = [];
        } catch {
          client.end();
        }
      },
      data(client, chunk) {
        if (client.data.upstream) client.data.upstream.write(chunk);
        else client.data.pending.push(new Uint8Array(chunk));
      },
      close(client) {
        clients.delete(client);
        client.data?.upstream?.end();
      },
      error(client) {
        clients.delete(client);
        client.data?.upstream?.end();
      },
    },
  });
  return {
    port: server.port,
    cut() {
      down = true;
      for (const client of clients) {
        client.data.upstream?.terminate();
        client.terminate();
      }
      clients.clear();
    },
    restore() {
      down = false;
    },
    stop() {
      server.stop(true);
    },
  };
}
