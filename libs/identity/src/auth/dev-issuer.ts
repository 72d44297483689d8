import { createHash, generateKeyPairSync, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, SignJWT, type JWK } from 'jose';
import type { Role } from '../roles';
import { DEV_USERS, type DevUser } from './dev-users';

export const DEV_ISSUER_PATH = '/dev-oidc';

export interface DevIssuerOptions {
  /** The issuer identifier tokens carry (`<PUBLIC_URL>/dev-oidc`). */
  readonly issuer: string;
  readonly audience: string;
  readonly clientId: string;
  readonly forceClaim: string;
  readonly personClaim: string;
  readonly rolesClaim: string;
  /** A P-256 private key; tests pass their own so they can sign tokens too. Default: a fresh one. */
  readonly privateKey?: KeyObject;
  /** Token lifetime; default one hour. */
  readonly lifetimeSeconds?: number;
}

interface PendingCode {
  readonly user: DevUser;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly nonce: string | null;
  readonly expiresAt: number;
}

export class DevIssuerError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'unsupported_response_type',
    readonly description: string,
  ) {
    super(description);
    this.name = 'DevIssuerError';
  }
}

/**
 * A development-only OpenID provider: its own ES256 key pair, the seeded users of
 * dev-users.ts, the authorization code flow with PKCE (S256 only) for the web app, and
 * signed access/ID tokens shaped like a force's provider's (roles, force and person
 * claims named as configured). The app refuses it in production (see app-config.ts).
 */
export class DevIssuer {
  readonly privateKey: KeyObject;
  private readonly publicJwk: Promise<JWK>;
  private readonly codes = new Map<string, PendingCode>();
  private readonly lifetime: number;

  constructor(readonly options: DevIssuerOptions) {
    const privateKey = options.privateKey ?? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    this.privateKey = privateKey;
    this.lifetime = options.lifetimeSeconds ?? 3600;
    this.publicJwk = (async () => {
      const jwk = await exportJWK(privateKey);
      const { d: _d, ...pub } = jwk;
      return { ...pub, kid: await calculateJwkThumbprint(pub), alg: 'ES256', use: 'sig' };
    })();
  }

  get issuer(): string {
    return this.options.issuer;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [await this.publicJwk] };
  }

  /** The verifier's key source: the issuer's own public key, no network. */
  keySet(): ReturnType<typeof createLocalJWKSet> {
    let local: ReturnType<typeof createLocalJWKSet> | undefined;
    return async (header, token) => {
      local ??= createLocalJWKSet(await this.jwks());
      return local(header, token);
    };
  }

  users(): readonly DevUser[] {
    return DEV_USERS;
  }

  /** Signs an access token for any subject and role (tests; the picker signs for seeded users). */
  async sign(claims: { sub: string; role: Role | string; forceId: string; personId?: string | null; name?: string | null; nonce?: string | null; audience?: string }): Promise<string> {
    const jwk = await this.publicJwk;
    const o = this.options;
    return new SignJWT({
      [o.rolesClaim]: [claims.role],
      [o.forceClaim]: claims.forceId,
      ...(claims.personId ? { [o.personClaim]: claims.personId } : {}),
      ...(claims.name ? { name: claims.name } : {}),
      ...(claims.nonce ? { nonce: claims.nonce } : {}),
    })
      .setProtectedHeader({ alg: 'ES256', kid: jwk.kid, typ: 'JWT' })
      .setIssuer(o.issuer)
      .setAudience(claims.audience ?? o.audience)
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime(`${this.lifetime}s`)
      .setJti(randomBytes(12).toString('base64url'))
      .sign(this.privateKey);
  }

  /** Step 1 of the code flow: checks the request; the caller shows the picker. */
  checkAuthorizeRequest(query: Record<string, unknown>, allowedOrigins: readonly string[]): { redirectUri: string; state: string; codeChallenge: string; nonce: string | null } {
    const str = (k: string): string | undefined => (typeof query[k] === 'string' ? (query[k] as string) : undefined);
    if (str('response_type') !== 'code') throw new DevIssuerError('unsupported_response_type', 'response_type must be code');
    if (str('client_id') !== this.options.clientId) throw new DevIssuerError('invalid_client', `client_id must be ${this.options.clientId}`);
    const redirectUri = str('redirect_uri');
    if (!redirectUri || !isAllowedRedirect(redirectUri, allowedOrigins)) {
      throw new DevIssuerError('invalid_request', 'redirect_uri must be an http(s) URL on this app’s own origin');
    }
    const codeChallenge = str('code_challenge');
    if (str('code_challenge_method') !== 'S256' || !codeChallenge || !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) {
      throw new DevIssuerError('invalid_request', 'PKCE is required: code_challenge (S256, 43 characters) and code_challenge_method=S256');
    }
    const state = str('state');
    if (!state || state.length > 500) throw new DevIssuerError('invalid_request', 'state is required');
    const nonce = str('nonce') ?? null;
    return { redirectUri, state, codeChallenge, nonce: nonce && nonce.length <= 500 ? nonce : null };
  }

  /** Step 2: the person picked a user; issue a one-time code (60 s). */
  issueCode(sub: string, request: { redirectUri: string; codeChallenge: string; nonce: string | null }): string {
    const user = DEV_USERS.find((u) => u.sub === sub);
    if (!user) throw new DevIssuerError('invalid_request', `No seeded user ${sub}`);
    this.sweep();
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { user, clientId: this.options.clientId, ...request, expiresAt: Date.now() + 60_000 });
    return code;
  }

  /** Step 3: exchange the code (once) with the PKCE verifier for tokens. */
  async exchange(form: Record<string, unknown>): Promise<{ access_token: string; id_token: string; token_type: 'Bearer'; expires_in: number; scope: string }> {
    const str = (k: string): string | undefined => (typeof form[k] === 'string' ? (form[k] as string) : undefined);
    if (str('grant_type') !== 'authorization_code') throw new DevIssuerError('unsupported_grant_type', 'grant_type must be authorization_code');
    const code = str('code');
    const pending = code ? this.codes.get(code) : undefined;
    if (code) this.codes.delete(code);
    if (!pending || pending.expiresAt < Date.now()) throw new DevIssuerError('invalid_grant', 'The code is unknown, used or expired');
    if (str('client_id') !== pending.clientId) throw new DevIssuerError('invalid_client', 'client_id does not match the code');
    if (str('redirect_uri') !== pending.redirectUri) throw new DevIssuerError('invalid_grant', 'redirect_uri does not match the code');
    const verifier = str('code_verifier') ?? '';
    const challenge = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
    const expected = Buffer.from(pending.codeChallenge);
    if (verifier.length < 43 || challenge.length !== expected.length || !timingSafeEqual(challenge, expected)) {
      throw new DevIssuerError('invalid_grant', 'code_verifier does not match the code_challenge');
    }
    const u = pending.user;
    const claims = { sub: u.sub, role: u.role, forceId: u.forceId, personId: u.personId, name: u.name, nonce: pending.nonce };
    return {
      access_token: await this.sign(claims),
      id_token: await this.sign({ ...claims, audience: this.options.clientId }),
      token_type: 'Bearer',
      expires_in: this.lifetime,
      scope: 'openid profile',
    };
  }

  private sweep(): void {
    const now = Date.now();
    for (const [code, pending] of this.codes) if (pending.expiresAt < now) this.codes.delete(code);
  }
}

export function isAllowedRedirect(uri: string, allowedOrigins: readonly string[]): boolean {
  try {
    const url = new URL(uri);
    return (url.protocol === 'http:' || url.protocol === 'https:') && allowedOrigins.includes(url.origin) && !url.username && !url.password;
  } catch {
    return false;
  }
}
