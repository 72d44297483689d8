import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { loadConfig, type AppConfig } from '@casework/core/config/app-config';
import { runMigrations } from '@casework/core/database/migrations';
import { createPool } from '@casework/core/database/pool';
import { newId } from '@casework/core/ids';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { WORKING_CALENDAR } from '@casework/platform/tokens';
import { ExecuteReferralCommand } from '@casework/referral/application/execute-referral-command';
import { planReferralImport, type ImportRowError } from '@casework/referral/application/import/referral-csv';
import { ReferralImporter } from '@casework/referral/application/import/referral-importer';
import { REFERRAL_ROLES } from '@casework/referral/application/referral-access';
import { ReferralPolicyProvider } from '@casework/referral/application/referral-policy.provider';
import { AppModule } from '../apps/api/src/app.module';

const USAGE = `Usage: npm run import -- <file.csv> [--force <forceId>] [--user <userId>] [--dry-run]

  --force    the force to import into (default: $IMPORT_FORCE_ID)
  --user     who is importing, recorded on every event (default: $IMPORT_USER_ID or referral-import)
  --dry-run  check the whole file and say what would be imported, appending nothing
`;

/**
 * `npm run import -- <file.csv>`: loads historical OH referrals, back-dated, into one
 * force (see referral-csv.ts for the columns). Every row is checked, including a dry run
 * of the workflow's rules, before anything is appended; any problem is printed as
 * `line N [column]: message` and nothing is imported. Importing the same file again
 * appends nothing new, and completes an import an infrastructure failure interrupted.
 *
 * Runs as ROLE=api so it starts no projections or timers: the workers project the new
 * events as usual.
 */
async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  const text = readFileSync(args.file, 'utf8');
  const actor = { userId: args.userId, role: REFERRAL_ROLES.ohAdmin };

  const config = loadConfig({ ...process.env, ROLE: 'api', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  await migrate(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config }), { logger: false });
  try {
    const plan = planReferralImport(text, {
      forceId: args.forceId,
      actor,
      now: new Date(),
      policy: app.get(ReferralPolicyProvider).forForce(args.forceId),
      calendar: app.get<WorkingCalendar>(WORKING_CALENDAR),
    });
    if (!plan.ok) {
      process.stderr.write(plan.errors.map(formatError).join(''));
      process.stderr.write(
        `${plan.errors.length} problem(s) in ${args.file} (${plan.rowsRead} rows read); nothing was imported.\n`,
      );
      return 1;
    }
    const commandCount = plan.rows.reduce((n, row) => n + row.commands.length, 0);
    if (args.dryRun) {
      process.stdout.write(
        `Dry run: ${plan.rows.length} referrals (${commandCount} commands) are valid; nothing was imported.\n`,
      );
      return 0;
    }
    const commandBus = app.get(CommandBus);
    const importer = new ReferralImporter((referralId, command, context) =>
      commandBus.execute(new ExecuteReferralCommand(referralId, command, context)),
    );
    const done = await importer.run(plan.rows, { forceId: args.forceId, actor, correlationId: newId() });
    process.stdout.write(`Imported ${done.referrals} referrals (${done.commands} commands)\n`);
    return 0;
  } finally {
    await app.close();
  }
}

interface ImportArgs {
  readonly file: string;
  readonly forceId: string;
  readonly userId: string;
  readonly dryRun: boolean;
}

class UsageError extends Error {}

function readArgs(argv: readonly string[]): ImportArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  if (positionals.length !== 1) throw new UsageError('Name one CSV file to import.');
  const forceId = values.force ?? process.env.IMPORT_FORCE_ID;
  if (!forceId) throw new UsageError('Say which force to import into: --force <forceId> or IMPORT_FORCE_ID.');
  // `npm run` changes to the package root; resolve the file where the user typed the command.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0] as string);
  return {
    file,
    forceId,
    userId: values.user ?? process.env.IMPORT_USER_ID ?? 'referral-import',
    dryRun: values['dry-run'] ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      force: { type: 'string' },
      user: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function formatError({ line, column, message }: ImportRowError): string {
  return column === undefined ? `line ${line}: ${message}\n` : `line ${line} [${column}]: ${message}\n`;
}

/** As `npm run migrate` does: the importer may be the first thing to touch a new database. */
async function migrate(config: AppConfig): Promise<void> {
  const pool = createPool(config.DATABASE_URL, { max: 1 });
  try {
    await runMigrations(pool, ALL_MIGRATIONS);
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(error.message ? `${error.message}\n\n${USAGE}` : USAGE);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
