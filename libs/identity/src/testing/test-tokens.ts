import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/**
 * One signing key per test process, handed to the app's development issuer, so tests can
 * sign tokens synchronously (`as(user, role, force)` inside `.set(...)`). The app verifies
 * them exactly as it verifies a real provider's: signature, issuer, audience, expiry.
 */
export const TEST_ISSUER_KEY: KeyObject = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

export interface TestTokenClaims {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly forceId?: string;
  readonly personId?: string;
  readonly name?: string;
  /** Defaults: the dev issuer of a default config, audience casework-api, valid for an hour. */
  readonly issuer?: string;
  readonly audience?: string;
  readonly expiresIn?: number;
  readonly notBefore?: number;
  readonly key?: KeyObject;
  /** Header overrides, to prove forged algorithms are refused. */
  readonly header?: Record<string, unknown>;
  readonly extra?: Record<string, unknown>;
}

export const DEFAULT_TEST_ISSUER = 'http://localhost:3000/dev-oidc';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An ES256 JWT signed with node:crypto (synchronously). */
export function signTestToken(claims: TestTokenClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'ES256', typ: 'JWT', ...claims.header };
  const payload = {
    iss: claims.issuer ?? DEFAULT_TEST_ISSUER,
    aud: claims.audience ?? 'casework-api',
    sub: claims.sub,
    iat: now,
    exp: now + (claims.expiresIn ?? 3600),
    ...(claims.notBefore !== undefined ? { nbf: now + claims.notBefore } : {}),
    roles: claims.roles,
    ...(claims.forceId !== undefined ? { casework_force: claims.forceId } : {}),
    ...(claims.personId ? { casework_person: claims.personId } : {}),
    ...(claims.name ? { name: claims.name } : {}),
    ...claims.extra,
  };
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = sign('sha256', Buffer.from(input), { key: claims.key ?? TEST_ISSUER_KEY, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

/** A key that is not the issuer's (forged tokens). */
export function strangerKey(): KeyObject {
  return createPrivateKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
}
