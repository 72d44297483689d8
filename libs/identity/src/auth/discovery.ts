import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { TokenRejected } from './token-verifier';

export interface DiscoveryDocument {
  readonly issuer: string;
  readonly jwks_uri: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly end_session_endpoint?: string;
}

const cache = new Map<string, { doc: DiscoveryDocument; at: number }>();

/** The issuer's OpenID discovery document (cached for an hour), checked to name the same issuer. */
export async function discovery(issuer: string): Promise<DiscoveryDocument> {
  const hit = cache.get(issuer);
  if (hit && Date.now() - hit.at < 3_600_000) return hit.doc;
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let doc: DiscoveryDocument;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000), headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    doc = (await res.json()) as DiscoveryDocument;
  } catch (error) {
    throw new TokenRejected('issuer_unreachable', `The identity provider's discovery document could not be fetched (${(error as Error).message})`);
  }
  if (doc.issuer !== issuer || typeof doc.jwks_uri !== 'string') {
    throw new TokenRejected('issuer_unreachable', `The discovery document at ${url} names issuer ${String(doc.issuer)}, not ${issuer}`);
  }
  cache.set(issuer, { doc, at: Date.now() });
  return doc;
}

/** Keys from OIDC_JWKS_URI, else from the issuer's discovery document, resolved on first use. */
export function discoveredKeys(issuer: string, jwksUri: string | undefined): JWTVerifyGetKey {
  let keys: JWTVerifyGetKey | undefined = jwksUri ? createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: 30_000 }) : undefined;
  return async (header, token) => {
    keys ??= createRemoteJWKSet(new URL((await discovery(issuer)).jwks_uri), { cooldownDuration: 30_000 });
    return keys(header, token);
  };
}
