import { ApiError, get } from './api';
import { currentUser } from './app-state';

/**
 * The people a form may allocate work to, from GET /directory: everyone of the caller's
 * force who has signed in, by role. Someone who has never signed in is not there, so every
 * picker keeps a "someone not listed" way to type an id.
 */
export interface StaffMember {
  readonly userId: string;
  readonly name: string | null;
  readonly role: string;
}

/** A picker of anyone in the force, whatever their role (e.g. who owns a stay-interview action). */
export const ANYONE = '';
/** The API's largest page; a force with more people than this in one role types the rest. */
const PAGE_SIZE = 200;

/** force/role → the people, or null when the directory could not be read. */
const loaded = new Map<string, readonly StaffMember[] | null>();
const keyOf = (role: string): string => `${currentUser()?.forceId ?? ''}/${role}`;

/**
 * Reads the directory for each role a page's forms pick from, before the page draws (a case
 * page loads them beside the case). A failure is remembered as null: the picker falls back
 * to a typed id and says why, and the rest of the page still works.
 */
export async function loadStaff(roles: readonly string[]): Promise<void> {
  await Promise.all(
    [...new Set(roles)].map(async (role) => {
      const query = new URLSearchParams({ pageSize: String(PAGE_SIZE), ...(role ? { role } : {}) });
      try {
        const res = await get<{ items: StaffMember[] }>(`/directory?${query.toString()}`);
        loaded.set(keyOf(role), res.data.items);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) throw error;
        loaded.set(keyOf(role), null);
      }
    }),
  );
}

/** The people in any of `roles` (once each, by name), or null when any list failed or was never loaded. */
export function staffIn(roles: readonly string[]): StaffMember[] | null {
  const byId = new Map<string, StaffMember>();
  for (const role of roles) {
    const list = loaded.get(keyOf(role));
    if (!list) return null;
    for (const m of list) if (!byId.has(m.userId)) byId.set(m.userId, m);
  }
  return [...byId.values()].sort((a, b) => (a.name ?? a.userId).localeCompare(b.name ?? b.userId));
}

/**
 * Names for user ids wherever the app shows who did or holds something (queues, case
 * details, timelines): the whole directory (every role), read once per session and force
 * in pages, in the background. Pages never wait for it: they draw ids first and redraw
 * when names arrive (see `whenNamesLoaded`).
 */
const SYSTEM_NAMES: Readonly<Record<string, string>> = { 'system:timers': 'Casework (automatic)' };
let names = new Map<string, string>();
let namesFor: string | null = null;
let namesLoading: Promise<void> | null = null;
const listeners = new Set<() => void>();
/** The most pages read (200 each); a larger force shows ids for the rest. */
const MAX_NAME_PAGES = 25;

export function loadNames(): Promise<void> {
  const force = currentUser()?.forceId ?? null;
  if (!force) return Promise.resolve();
  if (namesFor === force && namesLoading) return namesLoading;
  namesFor = force;
  names = new Map();
  const found = new Map<string, string>();
  namesLoading = (async () => {
    for (let page = 1; page <= MAX_NAME_PAGES; page++) {
      const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
      const res = await get<{ items: StaffMember[]; total?: number }>(`/directory?${query.toString()}`);
      for (const m of res.data.items) if (m.name && !found.has(m.userId)) found.set(m.userId, m.name);
      if (res.data.items.length < PAGE_SIZE || (res.data.total !== undefined && page * PAGE_SIZE >= res.data.total)) break;
    }
    if (namesFor !== force) return;
    names = found;
    for (const listener of [...listeners]) listener();
  })().catch(() => undefined); // No names: ids stay, as when someone never signed in.
  return namesLoading;
}

/** Forget the names (sign-out or another force signs in). */
export function forgetNames(): void {
  names = new Map();
  namesFor = null;
  namesLoading = null;
}

/** Call `redraw` when names arrive; returns the unsubscribe. */
export function whenNamesLoaded(redraw: () => void): () => void {
  listeners.add(redraw);
  return () => listeners.delete(redraw);
}

/** The name for a user id, or null when the directory has none (yet). */
export function nameFor(userId: string): string | null {
  return SYSTEM_NAMES[userId] ?? names.get(userId) ?? null;
}
