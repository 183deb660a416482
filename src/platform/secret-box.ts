import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (connector tokens, client secrets, one-time credentials): authenticated
 * encryption with AES-256-GCM from Node's own crypto (OpenSSL; no home-made cipher), a random
 * 96-bit nonce per value (NIST SP 800-38D §8.2.2) and the value's purpose bound as additional
 * authenticated data, so a sealed refresh token of one connection cannot be replayed as another
 * connection's or as a client secret.
 *
 * Sealed form (text, fits a VARCHAR/TEXT column): `v1.<keyId>.<nonce>.<ciphertext>.<tag>`, each
 * part base64url. `keyId` is the first 8 hex digits of SHA-256 of the key, so a key can be
 * rotated: the new key seals, the previous keys still open what they sealed.
 */
export class SecretBox {
  readonly #keys: Map<string, Buffer>;
  readonly #current: string;

  /** `keys[0]` seals; every key opens. Each key is 32 bytes. Throws when none is given or one has another length. */
  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new Error('SecretBox needs at least one key');
    this.#keys = new Map();
    for (const key of keys) {
      if (key.length !== 32) throw new Error(`a secret key must be 32 bytes, got ${key.length}`);
      this.#keys.set(keyIdOf(key), key);
    }
    this.#current = keyIdOf(keys[0]);
  }

  /** Encrypts `plaintext` for `purpose` (e.g. `exact:refresh-token:<connection id>`). */
  seal(plaintext: string, purpose: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#keys.get(this.#current)!, nonce);
    cipher.setAAD(Buffer.from(purpose, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', this.#current, nonce, body, cipher.getAuthTag()]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /**
   * The plaintext of a value sealed for the same `purpose`. Throws SecretBoxError when the form is
   * wrong, the key that sealed it is not configured, or the value or purpose was altered.
   */
  open(sealed: string, purpose: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== 'v1') throw new SecretBoxError('not a sealed secret');
    const key = this.#keys.get(parts[1]);
    if (!key) throw new SecretBoxError(`sealed with key ${parts[1]}, which is not configured (SECRETS_KEY, SECRETS_KEY_PREVIOUS)`);
    const [nonce, body, tag] = parts.slice(2).map((p) => Buffer.from(p, 'base64url'));
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonce);
      decipher.setAAD(Buffer.from(purpose, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('the sealed secret does not open with its key and purpose (altered, or sealed for another purpose)');
    }
  }

  /** Never print keys: a SecretBox logged or serialised shows only its key ids. */
  toJSON(): { keyIds: string[] } {
    return { keyIds: [...this.#keys.keys()] };
  }
}

/** A sealed secret that cannot be opened. */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/**
 * The SecretBox of the environment: SECRETS_KEY (32 bytes as 64 hex digits or base64) seals,
 * SECRETS_KEY_PREVIOUS (comma-separated, same form) still open. Null when SECRETS_KEY is unset:
 * callers that must store a secret refuse with a message naming SECRETS_KEY. Throws naming the
 * variable when a key is malformed. Generate one with `openssl rand -hex 32`.
 */
export function secretBoxFromEnv(env: NodeJS.ProcessEnv = process.env): SecretBox | null {
  if (!env.SECRETS_KEY) return null;
  const previous = (env.SECRETS_KEY_PREVIOUS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  return new SecretBox([keyOf('SECRETS_KEY', env.SECRETS_KEY), ...previous.map((k) => keyOf('SECRETS_KEY_PREVIOUS', k))]);
}

function keyOf(name: string, text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes as 64 hex digits or base64 (openssl rand -hex 32)`);
  return key;
}

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
