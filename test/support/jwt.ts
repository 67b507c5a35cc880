// Hand-made HS256 tokens for testing expiry and tampering without the server's help.
function base64url(data: string | Uint8Array): string {
  return Buffer.from(data).toString("base64url");
}

export function signHs256(payload: Record<string, unknown>, secret: string): string {
  const head = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = base64url(JSON.stringify(payload));
  const signature = new Bun.CryptoHasher("sha256", secret).update(`${head}.${body}`).digest();
  return `${head}.${body}.${base64url(signature)}`;
}
