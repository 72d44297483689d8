import { DEV_USERS } from '@casework/identity/auth/dev-users';
import { devSignIn } from '@casework/identity/auth/dev-sign-in-client';

/**
 * Prints an access token for a seeded user from a running app's development issuer (the
 * same code flow with PKCE the browser uses), for curl:
 *   TOKEN=$(npm run -s token -- amara.okafor)
 *   curl -H "Authorization: Bearer $TOKEN" http://localhost:3000/referrals/queue
 */
async function main(): Promise<void> {
  const sub = process.argv[2];
  const base = (process.env.CASEWORK_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
  if (!sub || !DEV_USERS.some((u) => u.sub === sub)) {
    process.stderr.write(`usage: npm run -s token -- <user>  (one of: ${DEV_USERS.map((u) => `${u.sub} (${u.role})`).join(', ')})\n`);
    process.exit(2);
  }
  process.stdout.write(`${await devSignIn(base, sub)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`could not sign in at the dev issuer: ${(error as Error).message}\n`);
  process.exit(1);
});
