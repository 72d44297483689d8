import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK } from 'jose';
import request from 'supertest';
import type { App } from 'supertest/types';
import { signTestToken, strangerKey } from '@casework/identity/testing/test-tokens';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * Sign-in end to end: the bearer tokens the API accepts and refuses (signature, issuer,
 * audience, expiry, algorithm, roles, force), the development issuer's code flow with
 * PKCE, a real provider reached through discovery and JWKS over HTTP, and the hardening
 * every answer carries (security headers, CORS allow-list, rate limit).
 */
const FORCE = 'force-auth';
const METRICS_TOKEN = 'm'.repeat(32);
const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('with the development issuer', () => {
  let e2e: E2eApp;
  let http: App;

  beforeAll(async () => {
    e2e = await startE2eApp({ queue: `casework-auth-${process.pid}` });
    http = e2e.app.getHttpServer() as App;
  });
  afterAll(async () => {
    await e2e?.close();
  });

  async function refused(token: string | undefined, code: string, headers: Record<string, string> = {}): Promise<void> {
    const req = request(http).get('/me').set(headers);
    const res = await (token === undefined ? req : req.set(bearer(token)));
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="casework"/);
    expect(res.body).toMatchObject({ status: 401, code });
  }

  it('a valid token is who /me says, with every permission of the role', async () => {
    const res = await request(http).get('/me').set(as('adv-1', 'oh_advisor', FORCE, 'S1')).expect(200);
    expect(res.body).toMatchObject({ userId: 'adv-1', role: 'oh_advisor', roleLabel: 'OH advisor', forceId: FORCE, personId: 'S1' });
    expect(res.body.permissions).toEqual(expect.arrayContaining(['referral.read', 'referral.triage', 'self.me']));
    expect(res.body.permissions).not.toContain('referral.manage');
    expect(res.body.permissions).not.toContain('audit.read');
  });

  it('no token, or not a bearer one, is a 401 that says how to sign in', async () => {
    await refused(undefined, 'AUTH.TOKEN_MISSING');
    await refused(undefined, 'AUTH.TOKEN_MISSING', { Authorization: 'Basic dXNlcjpwYXNz' });
    await refused('not-a-jwt', 'AUTH.TOKEN_MALFORMED');
  });

  it('refuses expired, not-yet-valid, foreign-issuer, wrong-audience and forged tokens', async () => {
    await refused(signTestToken({ sub: 'u', roles: ['oh_advisor'], forceId: FORCE, expiresIn: -120 }), 'AUTH.TOKEN_EXPIRED');
    await refused(signTestToken({ sub: 'u', roles: ['oh_advisor'], forceId: FORCE, notBefore: 600 }), 'AUTH.TOKEN_NOT_YET_VALID');
    await refused(signTestToken({ sub: 'u', roles: ['oh_advisor'], forceId: FORCE, issuer: 'https://evil.example' }), 'AUTH.TOKEN_ISSUER');
    await refused(signTestToken({ sub: 'u', roles: ['oh_advisor'], forceId: FORCE, audience: 'another-api' }), 'AUTH.TOKEN_AUDIENCE');
    await refused(signTestToken({ sub: 'u', roles: ['oh_advisor'], forceId: FORCE, key: strangerKey() }), 'AUTH.TOKEN_SIGNATURE');
    // A token whose payload was edited after signing (role raised) fails its signature.
    const [h, , sig] = signTestToken({ sub: 'u', roles: ['hr'], forceId: FORCE }).split('.');
    const now = Math.floor(Date.now() / 1000);
    const raised = b64({ iss: 'http://localhost:3000/dev-oidc', aud: 'casework-api', sub: 'u', iat: now, exp: now + 60, roles: ['oh_manager'], casework_force: FORCE });
    await refused(`${h}.${raised}.${sig}`, 'AUTH.TOKEN_SIGNATURE');
  });

  it('refuses unsigned (alg none) and HMAC tokens: only the allow-listed algorithms verify', async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = b64({ iss: 'http://localhost:3000/dev-oidc', aud: 'casework-api', sub: 'u', iat: now, exp: now + 60, roles: ['oh_manager'], casework_force: FORCE });
    await refused(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.x`, 'AUTH.TOKEN_ALGORITHM');
    const hmac = createHash('sha256').update('guess').digest('base64url');
    await refused(`${b64({ alg: 'HS256', typ: 'JWT' })}.${payload}.${hmac}`, 'AUTH.TOKEN_ALGORITHM');
  });

  it('a token without a Casework role or without a force is refused', async () => {
    await refused(signTestToken({ sub: 'u', roles: [], forceId: FORCE }), 'AUTH.TOKEN_CLAIMS');
    await refused(signTestToken({ sub: 'u', roles: ['superuser'], forceId: FORCE }), 'AUTH.TOKEN_CLAIMS');
    await refused(signTestToken({ sub: 'u', roles: ['oh_advisor'] }), 'AUTH.TOKEN_CLAIMS');
  });

  it('a token with several roles acts in the one X-Casework-Role names, and only a granted one', async () => {
    const token = signTestToken({ sub: 'multi', roles: ['oh_advisor', 'trim_practitioner'], forceId: FORCE });
    await refused(token, 'AUTH.TOKEN_CLAIMS');
    const res = await request(http).get('/me').set(bearer(token)).set('X-Casework-Role', 'trim_practitioner').expect(200);
    expect(res.body).toMatchObject({ role: 'trim_practitioner', roles: ['oh_advisor', 'trim_practitioner'] });
    await refused(token, 'AUTH.TOKEN_CLAIMS', { 'X-Casework-Role': 'oh_manager' });
  });

  it('a role without the route permission is a 403 naming it, before the body is even validated', async () => {
    const res = await request(http).post('/referrals/not-a-uuid/triage').set(as('hr-1', 'hr', FORCE)).send({ nonsense: true }).expect(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN', permission: 'referral.triage' });
  });

  it('the code flow with PKCE: picker, one-time code, verifier checked, tokens that the API accepts', async () => {
    const config = (await request(http).get('/auth/config').expect(200)).body as Record<string, string>;
    expect(config).toMatchObject({ devIssuer: true, clientId: 'casework-web', authorizationEndpoint: '/dev-oidc/authorize', tokenEndpoint: '/dev-oidc/token' });
    const verifier = randomBytes(32).toString('base64url');
    const params = {
      response_type: 'code',
      client_id: 'casework-web',
      redirect_uri: 'http://127.0.0.1/',
      state: 'st-1',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    };
    const picker = await request(http).get('/dev-oidc/authorize').set('Host', '127.0.0.1').query(params).expect(200);
    expect(picker.text).toContain('Amara Okafor — OH advisor');
    expect(picker.text).not.toMatch(/<script/i);
    const picked = await request(http).post('/dev-oidc/authorize').set('Host', '127.0.0.1').type('form').send({ ...params, sub: 'amara.okafor' }).expect(303);
    const back = new URL(picked.headers.location as string);
    expect(back.origin + back.pathname).toBe('http://127.0.0.1/');
    expect(back.searchParams.get('state')).toBe('st-1');
    const code = back.searchParams.get('code') as string;

    const exchange = { grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1/', client_id: 'casework-web' };
    const wrong = await request(http).post('/dev-oidc/token').type('form').send({ ...exchange, code_verifier: randomBytes(32).toString('base64url') }).expect(400);
    expect(wrong.body).toEqual({ error: 'invalid_grant', error_description: expect.stringContaining('code') });
    // A failed exchange burns the code too: codes are single use whatever happens.
    await request(http).post('/dev-oidc/token').type('form').send({ ...exchange, code_verifier: verifier }).expect(400);

    const again = await request(http).post('/dev-oidc/authorize').set('Host', '127.0.0.1').type('form').send({ ...params, sub: 'amara.okafor' }).expect(303);
    const code2 = new URL(again.headers.location as string).searchParams.get('code') as string;
    const tokens = await request(http).post('/dev-oidc/token').type('form').send({ ...exchange, code: code2, code_verifier: verifier }).expect(200);
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(tokens.headers['cache-control']).toBe('no-store');
    const me = await request(http).get('/me').set(bearer(tokens.body.access_token)).expect(200);
    expect(me.body).toMatchObject({ userId: 'amara.okafor', name: 'Amara Okafor', role: 'oh_advisor', forceId: 'demo', personId: 'S900001' });
    // The ID token is for the web app, not the API.
    await refused(tokens.body.id_token, 'AUTH.TOKEN_AUDIENCE');
    await request(http).post('/dev-oidc/token').type('form').send({ ...exchange, code: code2, code_verifier: verifier }).expect(400);
  });

  it('the issuer refuses foreign redirect targets, plain challenges and unknown clients', async () => {
    const base = { response_type: 'code', client_id: 'casework-web', state: 's', code_challenge_method: 'S256', code_challenge: 'a'.repeat(43) };
    const foreign = await request(http).get('/dev-oidc/authorize').set('Host', '127.0.0.1').query({ ...base, redirect_uri: 'https://evil.example/' }).expect(400);
    expect(foreign.text).toContain('redirect_uri');
    await request(http).get('/dev-oidc/authorize').set('Host', '127.0.0.1').query({ ...base, redirect_uri: 'http://127.0.0.1/', code_challenge_method: 'plain' }).expect(400);
    await request(http).get('/dev-oidc/authorize').set('Host', '127.0.0.1').query({ ...base, redirect_uri: 'http://127.0.0.1/', client_id: 'other' }).expect(400);
    const jwks = await request(http).get('/dev-oidc/jwks').expect(200);
    expect(jwks.body.keys).toHaveLength(1);
    expect(jwks.body.keys[0]).not.toHaveProperty('d');
  });

  it('the staff directory lists who signs in, by role, in the caller\'s force only (seeded with the dev users)', async () => {
    const trim = await request(http).get('/directory').query({ role: 'trim_practitioner' }).set(as('jade', 'trim_coordinator', 'demo')).expect(200);
    expect(trim.body.items).toEqual([expect.objectContaining({ userId: 'ian.walsh', name: 'Ian Walsh', role: 'trim_practitioner' })]);
    // A caller is listed from their first signed-in request, with the name their token carries.
    const DIR = 'force-directory';
    await request(http).get('/me').set(bearer(signTestToken({ sub: 'adv-dir', roles: ['oh_advisor'], forceId: DIR, name: 'Dana Dir' }))).expect(200);
    const advisors = await request(http).get('/directory').query({ role: 'oh_advisor' }).set(as('ohm', 'oh_manager', DIR)).expect(200);
    expect(advisors.body.items.map((p: { userId: string }) => p.userId)).toEqual(['adv-dir']);
    const search = await request(http).get('/directory').query({ q: 'dana' }).set(as('ohm', 'oh_manager', DIR)).expect(200);
    expect(search.body.items).toEqual([expect.objectContaining({ userId: 'adv-dir', name: 'Dana Dir' })]);
    await request(http).get('/directory').set(as('n1', 'national_analyst', 'national')).expect(403);
    const bad = await request(http).get('/directory').query({ role: 'superuser', pageSize: '500' }).set(as('ohm', 'oh_manager', FORCE)).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'role']);
  });

  it('every answer carries the security headers; no framework banner', async () => {
    const res = await request(http).get('/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // The OpenAPI UI alone may apply inline styles (swagger-ui sets them); scripts stay 'self'.
    const docs = await request(http).get('/api/docs/');
    expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
  });
});

describe('with a real provider (discovery and JWKS over HTTP), CORS and a low rate limit', () => {
  let e2e: E2eApp;
  let http: App;
  let provider: Server;
  let issuer: string;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let fetches = 0;

  function rs256(claims: Record<string, unknown>, kid = 'k1'): string {
    const now = Math.floor(Date.now() / 1000);
    const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64({ iss: issuer, aud: 'api://casework', iat: now, exp: now + 300, ...claims })}`;
    return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
  }

  beforeAll(async () => {
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    provider = createServer((req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/tenant/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/keys`, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token` }));
      } else if (req.url === '/tenant/keys') {
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/tenant`;
    e2e = await startE2eApp({
      queue: `casework-auth-oidc-${process.pid}`,
      env: {
        OIDC_ISSUER: issuer,
        OIDC_AUDIENCE: 'api://casework',
        OIDC_FORCE_CLAIM: 'extension_force',
        CORS_ORIGINS: 'https://casework.force.example',
        RATE_LIMIT_PER_MINUTE: '8',
        METRICS_TOKEN: METRICS_TOKEN,
      },
    });
    http = e2e.app.getHttpServer() as App;
  });
  afterAll(async () => {
    await e2e?.close();
    provider?.closeAllConnections();
    await new Promise((resolve) => provider?.close(resolve));
  });

  it("accepts the provider's tokens, found through its discovery document, and nothing the dev issuer signs", async () => {
    const res = await request(http).get('/me').set(bearer(rs256({ sub: 'entra-oid-1', roles: ['oh_manager'], extension_force: FORCE }))).expect(200);
    expect(res.body).toMatchObject({ userId: 'entra-oid-1', role: 'oh_manager', forceId: FORCE });
    expect(fetches).toBeGreaterThanOrEqual(2);
    const config = await request(http).get('/auth/config').expect(200);
    expect(config.body).toMatchObject({ devIssuer: false, issuer, authorizationEndpoint: `${issuer}/authorize`, tokenEndpoint: `${issuer}/token` });
    // The development issuer does not exist at all beside a real provider.
    await request(http).get('/dev-oidc/jwks').expect(404);
    const dev = await request(http).get('/me').set(as('u', 'oh_manager', FORCE));
    expect(dev.status).toBe(401);
    // Its signature is checked first, against the provider's keys: no match.
    expect(dev.body.code).toBe('AUTH.TOKEN_SIGNATURE');
    const unknownKey = await request(http).get('/me').set(bearer(rs256({ sub: 'x', roles: ['oh_manager'], extension_force: FORCE }, 'k-unknown')));
    expect(unknownKey.status).toBe(401);
  });

  it('with METRICS_TOKEN set, /metrics answers the scraper token only', async () => {
    const refused = await request(http).get('/metrics').expect(401);
    expect(refused.body).toMatchObject({ code: 'AUTH.METRICS_TOKEN' });
    await request(http).get('/metrics').set('Authorization', `Bearer ${'y'.repeat(32)}`).expect(401);
    const scraped = await request(http).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(scraped.text).toContain('casework_http_request_duration_seconds');
  });

  it('CORS answers the allow-listed origin only', async () => {
    const ok = await request(http).options('/me').set('Origin', 'https://casework.force.example').set('Access-Control-Request-Method', 'GET').set('Access-Control-Request-Headers', 'authorization');
    expect(ok.headers['access-control-allow-origin']).toBe('https://casework.force.example');
    const evil = await request(http).options('/me').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('over the per-user limit a caller gets 429 problem+json with Retry-After; another user is unaffected', async () => {
    // Counts live in Redis for a minute (shared by every replica): a user of this run's own.
    const token = bearer(rs256({ sub: `busy-${randomBytes(4).toString('hex')}`, roles: ['oh_manager'], extension_force: FORCE }));
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 10; i++) {
      last = await request(http).get('/me').set(token);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(statuses.slice(8)).toEqual([429, 429]);
    expect(last?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(last?.body).toMatchObject({ status: 429, code: 'REQUEST.RATE_LIMITED' });
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    await request(http).get('/me').set(bearer(rs256({ sub: `calm-${randomBytes(4).toString('hex')}`, roles: ['oh_manager'], extension_force: FORCE }))).expect(200);
  });
});
