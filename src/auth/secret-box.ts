// Encrypts provider secrets at rest: AES-256-GCM with a key derived (HKDF-SHA-256) from the server secret.

const VERSION = "v1";

export interface SecretBox {
  seal(plaintext: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

export async function createSecretBox(serverSecret: string): Promise<SecretBox> {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(serverSecret), "HKDF", false, ["deriveKey"]);
  const key = await crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new TextEncoder().encode("waddleai-secret-box"), info: new TextEncoder().encode("provider-links") },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
  return {
    async seal(plaintext) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const cipher = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(plaintext));
      return `${VERSION}:${Buffer.from(iv).toString("base64")}:${Buffer.from(cipher).toString("base64")}`;
    },
    async open(sealed) {
      const [version, iv, cipher] = sealed.split(":");
      if (version !== VERSION || !iv || !cipher) throw new Error("unrecognised sealed secret format");
      const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: Buffer.from(iv, "base64") }, key, Buffer.from(cipher, "base64"));
      return new TextDecoder().decode(plain);
    },
  };
}
