/**
 * The signed-in session, kept in sessionStorage (one tab, gone when it closes; never
 * localStorage). Also a one-shot "flash" message to show after a redirect (e.g. signed out).
 */
export interface Session {
  readonly accessToken: string;
  readonly idToken: string | null;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

const SESSION_KEY = 'casework.session';
const FLASH_KEY = 'casework.flash';

export function readSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (typeof session.accessToken !== 'string' || session.expiresAt <= Date.now()) {
      sessionStorage.removeItem(SESSION_KEY);
      return null;
    }
    return session;
  } catch {
    sessionStorage.removeItem(SESSION_KEY);
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

export function setFlash(message: string): void {
  sessionStorage.setItem(FLASH_KEY, message);
}

export function takeFlash(): string | null {
  const message = sessionStorage.getItem(FLASH_KEY);
  sessionStorage.removeItem(FLASH_KEY);
  return message;
}
