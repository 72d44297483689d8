import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The cryptography of personal data, all node:crypto: AES-256-GCM for field values and
 * for wrapping data keys, HKDF for keys derived from the master key, HMAC-SHA256 for the
 * person pseudonym. GCM authenticates: a tampered value fails to decrypt, never decrypts
 * to something else.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** The prefix of every encrypted value: `enc:v1:<keyId>:<base64(iv | tag | ciphertext)>`. */
export const ENCRYPTED_PREFIX = 'enc:v1:';
/** What an id field reads as once its key is destroyed: stable per key, anonymous. */
export const ERASED_ID_PREFIX = 'erased:';
/** What any other personal field reads as once its key is destroyed. */
export const ERASED_TEXT = '[erased]';

/**
 * The KMS seam: a data key leaves the process only wrapped. `LocalKeyWrapper` wraps with
 * the configured master key; a cloud KMS (AWS KMS Encrypt/Decrypt, Azure Key Vault
 * wrapKey/unwrapKey) implements the same two calls.
 */
export interface KeyWrapper {
  wrap(dek: Buffer): Promise<Buffer>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
}

export function seal(key: Buffer, plaintext: Buffer, aad?: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Throws when the key is wrong or a single bit of `sealed` (or `aad`) changed. */
export function open(key: Buffer, sealed: Buffer, aad?: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('Sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

export class LocalKeyWrapper implements KeyWrapper {
  private readonly kek: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== KEY_BYTES) throw new Error('The master key must be 32 bytes');
    this.kek = deriveKey(masterKey, 'casework/key-wrapping');
  }

  async wrap(dek: Buffer): Promise<Buffer> {
    return seal(this.kek, dek, Buffer.from('dek'));
  }

  async unwrap(wrapped: Buffer): Promise<Buffer> {
    return open(this.kek, wrapped, Buffer.from('dek'));
  }
}

export function deriveKey(masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), purpose, KEY_BYTES));
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/**
 * A field value sealed with its data key. The key id is bound as associated data, so a
 * value copied under another key id fails to decrypt.
 */
export function encryptValue(keyId: string, dek: Buffer, value: string): string {
  return `${ENCRYPTED_PREFIX}${keyId}:${seal(dek, Buffer.from(value, 'utf8'), Buffer.from(keyId)).toString('base64')}`;
}

export function isEncrypted(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(ENCRYPTED_PREFIX);
}

export function parseEncrypted(value: string): { keyId: string; sealed: string } {
  const rest = value.slice(ENCRYPTED_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 1) throw new Error('Malformed encrypted value');
  return { keyId: rest.slice(0, colon), sealed: rest.slice(colon + 1) };
}

export function decryptValue(value: string, dek: Buffer): string {
  const { keyId, sealed } = parseEncrypted(value);
  return open(dek, Buffer.from(sealed, 'base64'), Buffer.from(keyId)).toString('utf8');
}

/**
 * The pseudonym a person's keys are filed under: never the raw id, so the keys table
 * (and a dump of it) names nobody. Keyed, so staff numbers cannot be brute-forced from it.
 */
export class PersonHasher {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = deriveKey(masterKey, 'casework/person-pseudonym');
  }

  hash(forceId: string, personId: string): string {
    return createHmac('sha256', this.key).update(forceId).update('\u0000').update(personId).digest('hex');
  }
}
