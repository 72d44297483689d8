import { DEMO_FORCE } from '@casework/identity/auth/dev-users';
import { start } from '../../api/src/start';
import { DEFAULT_COLLEAGUES, DEFAULT_SEED } from './seed/plan';
import { seedDemoForce } from './seed/run-seed';
import { seedSummaryLine, signInLines } from './seed/sign-in';

/**
 * The demo: api and worker in one process, with a synthetic force (`demo`) seeded through
 * the real command path: about 2,000 colleagues and a year of OH referrals, trauma
 * incidents and TRiM, surveillance, leavers, stay interviews and welfare cases, ending
 * now. Idempotent: a restart checks the seed and appends nothing.
 *
 * DEMO_SEED (a whole number) plans another force; DEMO_COLLEAGUES sizes it (20–20,000).
 * Logs warnings and errors only unless LOG_LEVEL says otherwise.
 */
// Warnings and errors only (LOG_LEVEL=info shows every request): a new user reads the summary.
void start({ ROLE: 'all', LOG_LEVEL: 'warn' }, async (app, _config, url) => {
  const seed = wholeNumber('DEMO_SEED', DEFAULT_SEED, 0, 2 ** 32 - 1);
  const colleagues = wholeNumber('DEMO_COLLEAGUES', DEFAULT_COLLEAGUES, 20, 20_000);
  process.stdout.write(`\nSeeding the synthetic force "${DEMO_FORCE}" (seed ${seed}, ${colleagues} colleagues)…\n`);
  const summary = await seedDemoForce(app, { forceId: DEMO_FORCE, seed, colleagues });
  process.stdout.write(`${seedSummaryLine(DEMO_FORCE, summary)}\n\n${signInLines(DEMO_FORCE, url)}\n`);
});

function wholeNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    process.stderr.write(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}\n`);
    process.exit(78);
  }
  return value;
}
