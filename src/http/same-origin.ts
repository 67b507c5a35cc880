// Whether a browser's Origin header names this server: its host (as the client addressed it, or as a
// reverse proxy forwarded it in X-Forwarded-Host). Used to refuse cross-site requests that would act
// with a session cookie.

export function isSameOrigin(origin: string, host: string | null | undefined, forwardedHost: string | null | undefined): boolean {
  if (origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = forwardedHost?.split(",")[0]?.trim();
  return originHost === host || (forwarded !== undefined && forwarded !== "" && originHost === forwarded);
}
