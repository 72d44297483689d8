import { clearSession, saveSession, setFlash } from './session';

/** What GET /auth/config tells a public client (dev issuer endpoints are relative paths). */
export interface AuthConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly audience?: string;
  readonly scope?: string;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly endSessionEndpoint: string | null;
  readonly devIssuer: boolean;
}

interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly returnTo: string;
}

const PENDING_KEY = 'casework.signin';

let config: Promise<AuthConfig> | null = null;
export function authConfig(): Promise<AuthConfig> {
  config ??= fetch('/auth/config', { headers: { Accept: 'application/json' } }).then(async (r) => {
    if (!r.ok) throw new Error(`Sign-in is not available (${r.status})`);
    return (await r.json()) as AuthConfig;
  });
  config.catch(() => (config = null));
  return config;
}

/** Where the identity provider sends the browser back: the app's own root. */
function redirectUri(): string {
  return `${location.origin}/`;
}

/** Authorization code with PKCE (S256), as a public client: no secret lives in the browser. */
export async function beginSignIn(returnTo: string): Promise<void> {
  const cfg = await authConfig();
  const verifier = randomToken(32);
  const pending: PendingSignIn = { state: randomToken(16), nonce: randomToken(16), verifier, returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(cfg.authorizationEndpoint, location.origin);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', cfg.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('scope', cfg.scope ?? 'openid profile');
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  url.searchParams.set('code_challenge', await challengeOf(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  location.assign(url.toString());
}

/**
 * On return from the identity provider (`/?code=…&state=…`): check the state, swap the
 * code for tokens, and go where the user was heading. Returns false when this load is not
 * a sign-in callback.
 */
export async function completeSignIn(): Promise<boolean> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const error = params.get('error');
  if (!code && !error) return false;
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = raw ? (JSON.parse(raw) as PendingSignIn) : null;
  history.replaceState(null, '', '/');
  if (error) {
    setFlash(`Sign-in did not complete: ${params.get('error_description') ?? error}.`);
    history.replaceState(null, '', '/#/signin');
    return true;
  }
  if (!pending || params.get('state') !== pending.state) {
    setFlash('Sign-in did not complete (the reply did not match this browser tab). Try again.');
    history.replaceState(null, '', '/#/signin');
    return true;
  }
  const cfg = await authConfig();
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: code as string,
    code_verifier: pending.verifier,
    redirect_uri: redirectUri(),
    client_id: cfg.clientId,
  });
  const response = await fetch(new URL(cfg.tokenEndpoint, location.origin).toString(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body,
  });
  if (!response.ok) {
    setFlash('Sign-in did not complete (the identity provider refused the code). Try again.');
    history.replaceState(null, '', '/#/signin');
    return true;
  }
  const tokens = (await response.json()) as { access_token: string; id_token?: string; expires_in?: number };
  if (tokens.id_token && claim(tokens.id_token, 'nonce') !== undefined && claim(tokens.id_token, 'nonce') !== pending.nonce) {
    setFlash('Sign-in did not complete (the identity token was not for this sign-in). Try again.');
    history.replaceState(null, '', '/#/signin');
    return true;
  }
  saveSession({
    accessToken: tokens.access_token,
    idToken: tokens.id_token ?? null,
    expiresAt: Date.now() + (tokens.expires_in ?? 3600) * 1000,
  });
  const target = pending.returnTo.startsWith('#/') && pending.returnTo !== '#/signin' ? pending.returnTo : '#/';
  history.replaceState(null, '', `/${target}`);
  return true;
}

export async function signOut(message: string): Promise<void> {
  clearSession();
  setFlash(message);
  const cfg = await authConfig().catch(() => null);
  if (cfg?.endSessionEndpoint && !cfg.devIssuer) {
    const url = new URL(cfg.endSessionEndpoint, location.origin);
    url.searchParams.set('post_logout_redirect_uri', `${location.origin}/`);
    location.assign(url.toString());
    return;
  }
  location.hash = '#/signin';
}

function randomToken(bytes: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function base64Url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function claim(jwt: string, name: string): unknown {
  try {
    const payload = jwt.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return (JSON.parse(json) as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}
