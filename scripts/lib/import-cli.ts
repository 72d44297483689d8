import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, type AppConfig } from '@casework/core/config/app-config';
import { runMigrations } from '@casework/core/database/migrations';
import { createPool } from '@casework/core/database/pool';
import { ProblemException } from '@casework/core/http/problem';
import type { ImportRowError } from '@casework/core/import/csv-import';
import { newId } from '@casework/core/ids';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { AppModule } from '../../apps/api/src/app.module';

export interface ImportRequest {
  readonly actor: { readonly userId: string; readonly role: string; readonly forceId: string };
  readonly correlationId: string;
  readonly dryRun: boolean;
}

export interface ImportCli {
  /** e.g. `import` → `npm run import -- <file.csv> …` */
  readonly script: string;
  /** What one row set becomes, plural: "referrals", "incidents". */
  readonly noun: string;
  readonly defaultUser: string;
  /** The role the import acts as (recorded on every event). */
  readonly role: string;
  /** The app's import service: all-or-nothing, idempotent, throws a 422 ProblemException with `rows`. */
  readonly importCsv: (
    app: INestApplicationContext,
    csv: string,
    request: ImportRequest,
  ) => Promise<{ readonly rows: number; readonly cases: number; readonly commands: number }>;
}

/**
 * The command line every back-dated import shares: `npm run <script> -- <file.csv>
 * [--force <forceId>] [--user <userId>] [--dry-run]`. Every row is checked before anything
 * is appended; problems print as `line N [column]: message` and nothing is imported.
 * Runs as ROLE=api, so it starts no projections or timers: the workers project the events.
 * Exit codes: 0 done, 1 bad rows or failure, 2 usage.
 */
export function runImportCli(cli: ImportCli): void {
  main(cli).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(error.message ? `${error.message}\n\n${usage(cli)}` : usage(cli));
        process.exitCode = 2;
        return;
      }
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

async function main(cli: ImportCli): Promise<number> {
  const args = readArgs(cli, process.argv.slice(2));
  const text = readFileSync(args.file, 'utf8');
  const config = loadConfig({ ...process.env, ROLE: 'api', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  await migrate(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config }), { logger: false });
  try {
    const request = {
      actor: { userId: args.userId, role: cli.role, forceId: args.forceId },
      correlationId: newId(),
      dryRun: args.dryRun,
    };
    let done: { rows: number; cases: number; commands: number };
    try {
      done = await cli.importCsv(app, text, request);
    } catch (error) {
      const rows = error instanceof ProblemException ? (error.problem.rows as ImportRowError[] | undefined) : undefined;
      if (!rows) throw error;
      process.stderr.write(rows.map(formatError).join(''));
      process.stderr.write(`${rows.length} problem(s) in ${args.file}; nothing was imported.\n`);
      return 1;
    }
    process.stdout.write(
      args.dryRun
        ? `Dry run: ${done.rows} rows are valid; nothing was imported.\n`
        : `Imported ${done.cases} ${cli.noun} from ${done.rows} rows (${done.commands} commands; any already imported appended nothing)\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

function usage(cli: ImportCli): string {
  return `Usage: npm run ${cli.script} -- <file.csv> [--force <forceId>] [--user <userId>] [--dry-run]

  --force    the force to import into (default: $IMPORT_FORCE_ID)
  --user     who is importing, recorded on every event (default: $IMPORT_USER_ID or ${cli.defaultUser})
  --dry-run  check the whole file and say what would be imported, appending nothing
`;
}

interface ImportArgs {
  readonly file: string;
  readonly forceId: string;
  readonly userId: string;
  readonly dryRun: boolean;
}

class UsageError extends Error {}

function readArgs(cli: ImportCli, argv: readonly string[]): ImportArgs {
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
    userId: values.user ?? process.env.IMPORT_USER_ID ?? cli.defaultUser,
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
