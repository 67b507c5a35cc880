// What a fake upstream received: method, path, headers and the body (raw and parsed), for assertions.

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
  rawBody: string;
}

export async function readReceived(request: Request): Promise<ReceivedRequest> {
  const rawBody = request.method === "POST" ? await request.text() : "";
  let body: Record<string, unknown> | null = null;
  try {
    body = rawBody ? (JSON.parse(rawBody) as Record<string, unknown>) : null;
  } catch {
    body = null;
  }
  return { method: request.method, path: new URL(request.url).pathname, headers: Object.fromEntries(request.headers), body, rawBody };
}
