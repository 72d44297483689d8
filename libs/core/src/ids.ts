import { v4 as uuidv4, v5 as uuidv5, validate } from 'uuid';

/** Namespace for ids derived from command ids (a fixed, random v4). */
const CASEWORK_NAMESPACE = '3f0c6f5e-5a0b-4a7e-9d64-2b8f4f7c1e21';

/** A deterministic id: the same inputs always give the same UUID (v5). */
export function deterministicId(...parts: readonly string[]): string {
  return uuidv5(parts.join('\u001f'), CASEWORK_NAMESPACE);
}

/** Event ids come from the command id, so a retried command appends nothing new. */
export function eventIdFor(commandId: string, index: number): string {
  return deterministicId('event', commandId, String(index));
}

export function newId(): string {
  return uuidv4();
}

export function isUuid(value: string): boolean {
  return validate(value);
}
