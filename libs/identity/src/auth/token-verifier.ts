import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '@casework/core/config/app-config';
import type { Actor } from '../actor';
import { isRole } from '../roles';

/** Why a token was refused: stable codes for the problem document and the audit trail. */
export type TokenProblem =
  | 'token_missing'
  | 'token_malformed'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'token_signature'
  | 'token_issuer'
  | 'token_audience'
  | 'token_algorithm'
  | 'token_claims'
  | 'issuer_unreachable';

export class TokenRejected extends Error {
  constructor(
    readonly code: TokenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'TokenRejected';
  }
}

export interface VerifierSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: readonly string[];
  readonly clockToleranceSeconds: number;
  readonly rolesClaim: string;
  readonly forceClaim: string;
  readonly personClaim: string;
}

export function verifierSettings(config: AppConfig, issuer: string): VerifierSettings {
  return {
    issuer,
    audience: config.OIDC_AUDIENCE,
    algorithms: config.OIDC_ALGORITHMS.split(','),
    clockToleranceSeconds: config.OIDC_CLOCK_TOLERANCE_S,
    rolesClaim: config.OIDC_ROLES_CLAIM,
    forceClaim: config.OIDC_FORCE_CLAIM,
    personClaim: config.OIDC_PERSON_CLAIM,
  };
}

/** A claim by name; names with dots or slashes (namespaced claims) are looked up whole. */
function claim(payload: JWTPayload, name: string): unknown {
  return (payload as Record<string, unknown>)[name];
}

const ID = /^[A-Za-z0-9._@:|/-]{1,200}$/;

/**
 * Verifies OIDC access tokens: signature against the issuer's keys (JWKS), issuer,
 * audience, expiry and not-before (with a small clock tolerance), and an algorithm
 * allow-list (`none` and HMAC are never accepted). Then maps the claims to an Actor:
 * `sub` → user, the roles claim (string or array; unknown roles ignored) → roles, the
 * force claim → force. A token without a Casework role or a force is refused.
 */
export class TokenVerifier {
  constructor(
    private readonly settings: VerifierSettings,
    private readonly keys: JWTVerifyGetKey,
  ) {}

  get issuer(): string {
    return this.settings.issuer;
  }

  async verify(token: string, requestedRole?: string): Promise<Actor> {
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token) || token.length > 16_384) {
      throw new TokenRejected('token_malformed', 'The bearer token is not a signed JWT');
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: [...this.settings.algorithms],
        clockTolerance: this.settings.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      throw mapJoseError(error);
    }
    return this.toActor(payload, requestedRole);
  }

  private toActor(payload: JWTPayload, requestedRole?: string): Actor {
    const sub = payload.sub;
    if (typeof sub !== 'string' || !ID.test(sub)) throw new TokenRejected('token_claims', 'The token has no usable subject (sub)');
    const rawRoles = claim(payload, this.settings.rolesClaim);
    const listed = typeof rawRoles === 'string' ? rawRoles.split(/[\s,]+/) : Array.isArray(rawRoles) ? rawRoles : [];
    const roles = listed.filter((r): r is string => typeof r === 'string' && isRole(r));
    if (roles.length === 0) {
      throw new TokenRejected('token_claims', `The token grants no Casework role (claim ${this.settings.rolesClaim})`);
    }
    let role: string;
    if (requestedRole !== undefined) {
      if (!roles.includes(requestedRole)) {
        throw new TokenRejected('token_claims', `X-Casework-Role names ${requestedRole}, which the token does not grant (granted: ${roles.join(', ')})`);
      }
      role = requestedRole;
    } else if (roles.length === 1) {
      role = roles[0];
    } else {
      throw new TokenRejected('token_claims', `The token grants several roles (${roles.join(', ')}): choose one with X-Casework-Role`);
    }
    const force = claim(payload, this.settings.forceClaim);
    const forceId = typeof force === 'string' && ID.test(force) ? force : role === 'national_analyst' ? 'national' : undefined;
    if (!forceId) throw new TokenRejected('token_claims', `The token names no force (claim ${this.settings.forceClaim})`);
    const person = claim(payload, this.settings.personClaim);
    const name = claim(payload, 'name');
    return {
      userId: sub,
      role,
      roles,
      forceId,
      personId: typeof person === 'string' && ID.test(person) ? person : null,
      name: typeof name === 'string' ? name.slice(0, 200) : null,
    };
  }
}

function mapJoseError(error: unknown): TokenRejected {
  if (error instanceof errors.JWTExpired) return new TokenRejected('token_expired', 'The token has expired: sign in again');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new TokenRejected('token_issuer', 'The token was issued by an issuer this service does not trust');
    if (error.claim === 'aud') return new TokenRejected('token_audience', 'The token is not meant for this service (audience)');
    if (error.claim === 'nbf' || error.claim === 'iat') return new TokenRejected('token_not_yet_valid', 'The token is not valid yet');
    return new TokenRejected('token_claims', `The token's ${error.claim} claim is missing or invalid`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new TokenRejected('token_algorithm', 'The token is signed with an algorithm this service does not accept');
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new TokenRejected('token_signature', "The token's signature does not match the issuer's keys");
  }
  if (error instanceof errors.JWKSTimeout || (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC')) {
    return new TokenRejected('issuer_unreachable', "The identity provider's keys could not be fetched");
  }
  if (error instanceof errors.JOSEError) return new TokenRejected('token_malformed', 'The bearer token could not be read');
  return new TokenRejected('issuer_unreachable', "The identity provider's keys could not be fetched");
}
