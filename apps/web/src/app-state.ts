import { get } from './api';

/** GET /me: who is signed in and what they may do. */
export interface Me {
  readonly userId: string;
  readonly name: string | null;
  readonly role: string;
  readonly roles?: readonly string[];
  readonly forceId: string;
  readonly personId?: string | null;
  readonly permissions: readonly string[];
}

let me: Me | null = null;

export async function loadMe(): Promise<Me> {
  me = (await get<Me>('/me')).data;
  return me;
}

export function currentUser(): Me | null {
  return me;
}

export function forgetMe(): void {
  me = null;
}

export function can(permission: string): boolean {
  return me?.permissions.includes(permission) ?? false;
}

/** Polite announcements for screen readers (queue refreshes, saved forms). */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after clearing makes screen readers read a repeated message again.
  window.setTimeout(() => (region.textContent = message), 50);
}
