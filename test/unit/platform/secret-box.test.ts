import { SecretBox, SecretBoxError, secretBoxFromEnv } from '../../../src/platform/secret-box';

const KEY_A = Buffer.alloc(32, 1);
const KEY_B = Buffer.alloc(32, 2);

describe('SecretBox (secrets at rest)', () => {
  it('opens what it sealed for the same purpose, and never shows the plaintext in the sealed form', () => {
    const box = new SecretBox([KEY_A]);
    const sealed = box.seal('refresh-token-value', 'exact:refresh-token:1');
    expect(sealed).not.toContain('refresh-token-value');
    expect(sealed.split('.')).toHaveLength(5);
    expect(box.open(sealed, 'exact:refresh-token:1')).toBe('refresh-token-value');
  });

  it('uses a new nonce for every value, so equal secrets seal differently', () => {
    const box = new SecretBox([KEY_A]);
    expect(box.seal('same', 'p')).not.toBe(box.seal('same', 'p'));
  });

  it('refuses a value sealed for another purpose, or altered', () => {
    const box = new SecretBox([KEY_A]);
    const sealed = box.seal('token', 'ponto:access-token:1');
    expect(() => box.open(sealed, 'ponto:access-token:2')).toThrow(SecretBoxError);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => box.open(parts.join('.'), 'ponto:access-token:1')).toThrow(SecretBoxError);
  });

  it('rotates keys: the new key seals, a previous key still opens what it sealed', () => {
    const old = new SecretBox([KEY_A]).seal('kept', 'p');
    const rotated = new SecretBox([KEY_B, KEY_A]);
    expect(rotated.open(old, 'p')).toBe('kept');
    expect(() => new SecretBox([KEY_B]).open(old, 'p')).toThrow(/not configured/);
    expect(JSON.stringify(rotated)).not.toContain(KEY_A.toString('hex'));
  });

  it('reads SECRETS_KEY (hex or base64) and SECRETS_KEY_PREVIOUS from the environment, naming a malformed one', () => {
    expect(secretBoxFromEnv({})).toBeNull();
    const box = secretBoxFromEnv({ SECRETS_KEY: KEY_B.toString('hex'), SECRETS_KEY_PREVIOUS: KEY_A.toString('base64') })!;
    expect(box.open(new SecretBox([KEY_A]).seal('x', 'p'), 'p')).toBe('x');
    expect(() => secretBoxFromEnv({ SECRETS_KEY: 'short' })).toThrow(/SECRETS_KEY must be 32 bytes/);
  });
});
