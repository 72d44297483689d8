import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@casework/core/config/app-config';
import { runMigrations } from '@casework/core/database/migrations';
import { createPool } from '@casework/core/database/pool';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { withBiMigrations } from '@casework/reporting/bi/bi-schema';
import { CHROMIUM, pdfProblems, printPdf } from '@casework/reporting/pack/pdf';
import { QuarterFormatError, parseQuarter } from '@casework/reporting/pack/pack-format';
import { renderQuarterlyPack } from '@casework/reporting/pack/quarterly-pack';

/**
 * `npm run report:quarterly -- --quarter 2026-Q3 [--force <forceId>] [--out <dir>] [--pdf] [--no-migrate]`:
 * the People board pack as one self-contained HTML file, `<out>/people-board-<force>-<quarter>.html`,
 * and with `--pdf` the same pack printed to PDF by headless Chromium (playwright-core).
 * It reads only the `bi` views, so with `--no-migrate` it can run as a `casework_bi` login.
 * Exit codes: 0 written, 1 failure (including no Chromium for --pdf), 2 usage.
 */


const USAGE = `Usage: npm run report:quarterly -- --quarter <YYYY-Qn> [--force <forceId>] [--out <dir>] [--pdf] [--no-migrate]

  --quarter     the calendar quarter, e.g. 2026-Q3 (Europe/London)
  --force       the force to report on (default: $REPORT_FORCE_ID)
  --out         directory to write to (default: reports/)
  --pdf         also print the pack to PDF with headless Chromium (${CHROMIUM}; playwright-core)
  --no-migrate  do not apply pending migrations first (e.g. when connecting as a read-only casework_bi login)
`;

class UsageError extends Error {}

interface Args {
  readonly quarter: string;
  readonly forceId: string;
  readonly outDir: string;
  readonly pdf: boolean;
  readonly migrate: boolean;
}

function readArgs(argv: readonly string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        quarter: { type: 'string' },
        force: { type: 'string' },
        out: { type: 'string' },
        pdf: { type: 'boolean' },
        'no-migrate': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) throw new UsageError('');
  if (!values.quarter) throw new UsageError('Say which quarter: --quarter 2026-Q3.');
  try {
    parseQuarter(values.quarter);
  } catch (error) {
    if (error instanceof QuarterFormatError) throw new UsageError(error.message);
    throw error;
  }
  const forceId = values.force ?? process.env.REPORT_FORCE_ID;
  if (!forceId) throw new UsageError('Say which force: --force <forceId> or REPORT_FORCE_ID.');
  return {
    quarter: parseQuarter(values.quarter).label,
    forceId,
    // `npm run` changes to the package root; a relative --out means where the user typed the command.
    outDir: resolve(process.env.INIT_CWD ?? process.cwd(), values.out ?? 'reports'),
    pdf: values.pdf ?? false,
    migrate: !(values['no-migrate'] ?? false),
  };
}

/** The force id as a safe file-name part. */
const fileSafe = (text: string): string => text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'force';

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  if (args.pdf) {
    const problems = pdfProblems();
    if (problems.length > 0) {
      process.stderr.write(`Cannot print to PDF:\n${problems.map((p) => `  ${p}\n`).join('')}`);
      return 1;
    }
  }
  const config = loadConfig();
  const pool = createPool(config.DATABASE_URL, { max: 2 });
  let html: string;
  try {
    if (args.migrate) {
      await runMigrations(pool, withBiMigrations(ALL_MIGRATIONS)).catch((error: unknown) => {
        const denied = (error as { code?: unknown }).code === '42501';
        throw denied ? new Error(`${(error as Error).message} (a read-only login? add --no-migrate)`) : error;
      });
    }
    html = await renderQuarterlyPack(pool, { forceId: args.forceId, quarter: args.quarter, generatedAt: new Date() });
  } finally {
    await pool.end();
  }
  await mkdir(args.outDir, { recursive: true });
  const base = join(args.outDir, `people-board-${fileSafe(args.forceId)}-${args.quarter}`);
  await writeFile(`${base}.html`, html, 'utf8');
  process.stdout.write(`Wrote ${base}.html\n`);
  if (args.pdf) {
    await printPdf(html, `${base}.pdf`);
    process.stdout.write(`Wrote ${base}.pdf\n`);
  }
  return 0;
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
