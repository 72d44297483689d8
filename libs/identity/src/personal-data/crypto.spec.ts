import { randomUUID } from 'node:crypto';
import { decryptValue, encryptValue, isEncrypted, LocalKeyWrapper, newDataKey, parseEncrypted, PersonHasher } from './crypto';
import { DEVELOPMENT_MASTER_KEY } from './master-key';

describe('personal-data cryptography', () => {
  const keyId = randomUUID();
  const dek = newDataKey();

  it('a field value round-trips through AES-256-GCM and stays a compact JSON string', () => {
    const sealed = encryptValue(keyId, dek, 'Alex Morgan — ✓ notes');
    expect(sealed).toMatch(new RegExp(`^enc:v1:${keyId}:[A-Za-z0-9+/=]+$`));
    expect(isEncrypted(sealed)).toBe(true);
    expect(parseEncrypted(sealed).keyId).toBe(keyId);
    expect(decryptValue(sealed, dek)).toBe('Alex Morgan — ✓ notes');
  });

  it('the same value sealed twice differs (a fresh IV each time)', () => {
    expect(encryptValue(keyId, dek, 'same')).not.toBe(encryptValue(keyId, dek, 'same'));
  });

  it('a tampered ciphertext is refused, never decrypted to something else', () => {
    const sealed = encryptValue(keyId, dek, 'Alex Morgan');
    const { sealed: body } = parseEncrypted(sealed);
    const bytes = Buffer.from(body, 'base64');
    bytes[bytes.length - 1] ^= 0x01;
    expect(() => decryptValue(`enc:v1:${keyId}:${bytes.toString('base64')}`, dek)).toThrow();
  });

  it('a value moved under another key id is refused (the key id is authenticated)', () => {
    const { sealed: body } = parseEncrypted(encryptValue(keyId, dek, 'Alex Morgan'));
    expect(() => decryptValue(`enc:v1:${randomUUID()}:${body}`, dek)).toThrow();
  });

  it('the wrong data key is refused', () => {
    expect(() => decryptValue(encryptValue(keyId, dek, 'Alex'), newDataKey())).toThrow();
  });

  it('data keys are wrapped by the master key and unwrap only with it', async () => {
    const wrapper = new LocalKeyWrapper(DEVELOPMENT_MASTER_KEY);
    const wrapped = await wrapper.wrap(dek);
    expect(wrapped.equals(dek)).toBe(false);
    expect((await wrapper.unwrap(wrapped)).equals(dek)).toBe(true);
    await expect(new LocalKeyWrapper(newDataKey()).unwrap(wrapped)).rejects.toThrow();
  });

  it('the person pseudonym is keyed, per force, and never the raw id', () => {
    const hasher = new PersonHasher(DEVELOPMENT_MASTER_KEY);
    const a = hasher.hash('force-a', 'P-1234');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain('P-1234');
    expect(hasher.hash('force-a', 'P-1234')).toBe(a);
    expect(hasher.hash('force-b', 'P-1234')).not.toBe(a);
    expect(new PersonHasher(newDataKey()).hash('force-a', 'P-1234')).not.toBe(a);
  });
});
