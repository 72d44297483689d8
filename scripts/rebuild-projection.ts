import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SingleBar, Presets } from 'cli-progress';
import type { Pool } from 'pg';
import { loadConfig } from '@casework/core/config/app-config';
import type { EventStore } from '@casework/core/event-store/types';
import { rebuildProjection } from '@casework/core/projections/projection-runner';
import { ProjectionHost } from '@casework/platform/projection-host';
import { EVENT_STORE, PG_POOL } from '@casework/platform/tokens';
import { ErasureService } from '@casework/identity/personal-data/erasure.service';
import { AppModule } from '../apps/api/src/app.module';

/**
 * `npm run projections:rebuild -- <name>`: empties one read model and replays the event
 * store into it, with a progress bar. Stop the workers first (the projection's lock
 * guarantees no runner writes meanwhile, and the command says so if one holds it).
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  const config = loadConfig({ ...process.env, ROLE: 'api', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config }), { logger: false });
  try {
    const host = app.get(ProjectionHost);
    const projection = name ? host.get(name) : undefined;
    if (!projection) {
      const known = host.list().map((p) => p.name).join(', ');
      throw new Error(name ? `Unknown projection "${name}". Known: ${known}` : `Name a projection to rebuild: ${known}`);
    }
    const pool = app.get<Pool>(PG_POOL);
    const store = app.get<EventStore>(EVENT_STORE);
    const total = await countEvents(pool, projection.categories, config.EVENT_STORE === 'postgres');
    const bar = new SingleBar({ format: `${projection.name} [{bar}] {percentage}% | {value}/{total} events | {eta}s left` }, Presets.shades_classic);
    bar.start(total, 0);
    const erasures = app.get(ErasureService);
    const result = await rebuildProjection(pool, store, projection, {
      total,
      // Erased people stay erased: every recorded erasure's purge runs again on the new rows.
      afterReplay: async (tx) => {
        await erasures.reapplyAll(tx);
      },
      onProgress: (p) => {
        bar.setTotal(p.total);
        bar.update(p.processed);
      },
    });
    bar.stop();
    process.stdout.write(`Rebuilt ${projection.name} from ${result.processed} events.\n`);
  } finally {
    await app.close();
  }
}

async function countEvents(pool: Pool, categories: readonly string[], postgres: boolean): Promise<number> {
  if (!postgres) return 0;
  const { rows } = await pool.query<{ n: string }>(
    categories.length === 0 ? 'select count(*) as n from es_events' : 'select count(*) as n from es_events where category = any($1)',
    categories.length === 0 ? [] : [categories],
  );
  return Number(rows[0]?.n ?? 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
