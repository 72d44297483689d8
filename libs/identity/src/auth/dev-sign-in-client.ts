import { createHash, randomBytes } from 'node:crypto';

/**
 * Signs in to a running app through its development issuer exactly as the browser does:
 * authorization request with PKCE, the user picker's POST, the redirect with a code, and
 * the code exchange. Answers the access token. For apps in another process, whose key
 * the test does not hold.
 */
export async function devSignIn(baseUrl: string, sub: string): Promise<string> {
  const config = (await (await fetch(`${baseUrl}/auth/config`)).json()) as { clientId: string; authorizationEndpoint: string; tokenEndpoint: string };
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = `${baseUrl}/`;
  const state = randomBytes(8).toString('hex');
  const form = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: 'openid profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    sub,
  });
  const picked = await fetch(`${baseUrl}${config.authorizationEndpoint}`, { method: 'POST', body: form, redirect: 'manual' });
  const location = picked.headers.get('location');
  if (picked.status !== 303 || !location) throw new Error(`dev sign-in refused: ${picked.status} ${await picked.text()}`);
  const back = new URL(location);
  if (back.searchParams.get('state') !== state) throw new Error('dev sign-in: state mismatch');
  const tokens = await fetch(`${baseUrl}${config.tokenEndpoint}`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: back.searchParams.get('code') ?? '',
      code_verifier: verifier,
      redirect_uri: redirectUri,
      client_id: config.clientId,
    }),
  });
  if (!tokens.ok) throw new Error(`dev token exchange refused: ${tokens.status} ${await tokens.text()}`);
  return ((await tokens.json()) as { access_token: string }).access_token;
}
