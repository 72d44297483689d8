import { ERASED_ID_PREFIX, ERASED_TEXT, isEncrypted, parseEncrypted } from './crypto';
import { classifyField, SUBJECT_ID_FIELDS, type FieldClass } from './personal-fields';

/**
 * Walks an event's data by the declaration in personal-fields.ts. Pure: the store passes
 * the encryptor/decryptor, so the same walk plans key look-ups (a dry run recording which
 * people it needs) and then seals with the keys found.
 *
 * `subject` is the person in scope (from the nearest enclosing object holding a
 * `personId`/`subjectId`), or null: the stream's subject, else the stream's own key.
 */
export type Encryptor = (subject: string | null, value: string) => string;

export function encryptData(eventType: string, data: unknown, encrypt: Encryptor): unknown {
  return visit(data, null);

  function visit(node: unknown, subject: string | null): unknown {
    if (Array.isArray(node)) return node.map((item) => visit(item, subject));
    if (!isPlainObject(node)) return node;
    const own = subjectOf(node) ?? subject;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) out[key] = field(classifyField(eventType, key), value, own);
    return out;
  }

  function field(cls: FieldClass, value: unknown, subject: string | null): unknown {
    switch (cls) {
      case 'clear':
        return visit(value, subject);
      case 'subject-id':
      case 'id':
      case 'text':
        if (typeof value === 'string') return encrypt(subject, value);
        if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? encrypt(subject, v) : visit(v, subject)));
        return visit(value, subject);
      case 'id-list':
        if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? encrypt(v, v) : visit(v, subject)));
        return typeof value === 'string' ? encrypt(value, value) : visit(value, subject);
      case 'subtree':
        return sealAll(value, subject);
      default: {
        const exhaustive: never = cls;
        return exhaustive;
      }
    }
  }

  function sealAll(node: unknown, subject: string | null): unknown {
    if (typeof node === 'string') return encrypt(subject, node);
    if (Array.isArray(node)) return node.map((n) => sealAll(n, subject));
    if (isPlainObject(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, sealAll(v, subject)]));
    return node;
  }
}

/** The top-level subject an event names (the first of a subject stream names the stream's subject). */
export function topLevelSubject(data: unknown): string | null {
  return isPlainObject(data) ? subjectOf(data) : null;
}

/** Key ids of every encrypted value in `data`, for one batched look-up per page. */
export function collectKeyIds(data: unknown, into: Set<string>): void {
  if (isEncrypted(data)) into.add(parseEncrypted(data).keyId);
  else if (Array.isArray(data)) for (const item of data) collectKeyIds(item, into);
  else if (isPlainObject(data)) for (const value of Object.values(data)) collectKeyIds(value, into);
}

/** `decrypt` returns null when the key is destroyed: the value then reads as an erased marker. */
export type Decryptor = (value: string, keyId: string) => string | null;

export function decryptData(eventType: string, data: unknown, decrypt: Decryptor): unknown {
  return visit(data, 'clear');

  function visit(node: unknown, cls: FieldClass): unknown {
    if (isEncrypted(node)) {
      const { keyId } = parseEncrypted(node);
      const plain = decrypt(node, keyId);
      if (plain !== null) return plain;
      return cls === 'subject-id' || cls === 'id' || cls === 'id-list' ? `${ERASED_ID_PREFIX}${keyId}` : ERASED_TEXT;
    }
    if (Array.isArray(node)) return node.map((item) => visit(item, cls));
    if (!isPlainObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] = visit(value, cls === 'subtree' ? cls : classifyField(eventType, key));
    }
    return out;
  }
}

/** Whether `data` holds any encrypted value (most events of a page hold none to decrypt). */
export function hasEncrypted(data: unknown): boolean {
  if (isEncrypted(data)) return true;
  if (Array.isArray(data)) return data.some(hasEncrypted);
  if (isPlainObject(data)) return Object.values(data).some(hasEncrypted);
  return false;
}

function subjectOf(node: Record<string, unknown>): string | null {
  for (const key of SUBJECT_ID_FIELDS) {
    const value = node[key];
    if (typeof value === 'string' && value !== '' && !isEncrypted(value)) return value;
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
