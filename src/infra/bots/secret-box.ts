// Bot tokens and webhook secrets at rest: AES-256-GCM with a key from SECRET_KEY (32 bytes, base64 or
// hex), a fresh 12-byte IV per value, and the GCM tag checked on every read, so a value changed in
// the database (or encrypted under another key) is refused rather than used. A token is a key to a
// bot: whoever reads the database without SECRET_KEY cannot use the bots.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

const VERSION = "v1";

export class SecretKeyError extends Error {
  readonly code = "SECRET_KEY_INVALID";
}

/** The 32 key bytes of SECRET_KEY written as base64 (44 characters, or 43 unpadded) or hex (64). */
export function parseSecretKey(raw: string): Buffer {
  const text = raw.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, "hex");
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (!key || key.length !== 32) {
    throw new SecretKeyError("SECRET_KEY must be 32 random bytes written as base64 (44 characters) or hex (64 characters), e.g. the output of: openssl rand -base64 32");
  }
  return key;
}

export interface SecretBox {
  seal(plain: string): string;
  /** Throws when the value was not sealed with this key or was changed since. */
  open(sealed: string): string;
  /** A keyed fingerprint: the same token added twice is recognised without storing it in the clear. */
  fingerprint(plain: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new SecretKeyError("the secret key must be 32 bytes");
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || body === undefined) throw new SecretKeyError("not a sealed value");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretKeyError("a stored token cannot be read with this SECRET_KEY (changed key, or changed row)");
      }
    },
    fingerprint: (plain) => createHmac("sha256", key).update(plain).digest("base64url"),
  };
}
