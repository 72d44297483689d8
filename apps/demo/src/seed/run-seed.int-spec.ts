import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import pino from 'pino';
import type { Pool } from 'pg';
import { loadConfig } from '@casework/core/config/app-config';
import { freshSideDatabase, sideDatabaseUrl, testRedisUrl } from '@casework/core/testing/postgres';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { waitFor } from '@casework/core/testing/wait-for';
import { AppModule } from '../../../api/src/app.module';
import { seedDemoForce, type SeedSummary } from './run-seed';

/**
 * The seed against the real PostgreSQL and Redis, through the whole application (api +
 * worker in one process, as `npm run demo` runs it). It runs every projection and process
 * manager from the start of the store, so it has a database of its own (created and
 * emptied here): other integration tests leave deliberately odd events in the shared one.
 */
const forceId = `seed-it-${Date.now().toString(36)}`;
const queueName = `seed-it-${process.pid}`;

let app: INestApplication;
let pool: Pool;
let queue: Queue;
let redis: IORedis;

beforeAll(async () => {
  pool = await freshSideDatabase('seed', ALL_MIGRATIONS);
  const databaseUrl = sideDatabaseUrl('seed');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: testRedisUrl(),
    ROLE: 'all',
    LOG_LEVEL: 'warn',
    PROJECTION_POLL_MS: '50',
    TIMER_QUEUE: queueName,
    TIMER_RECONCILE_INTERVAL_MS: '600000',
  });
  redis = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
  queue = new Queue(queueName, { connection: redis });
  app = await NestFactory.create(AppModule.forRoot({ config, logger: pino({ level: 'warn' }) }), { logger: false, bodyParser: false });
  await app.init();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  redis?.disconnect();
  await pool?.end();
});

async function count(sql: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(sql, [forceId]);
  return Number(rows[0]?.n ?? 0);
}

/** The seed's own events: everything but what the timers add when a deadline passes. */
const seededEvents = () =>
  count(`select count(*) as n from es_events where metadata->>'forceId' = $1 and type not in ('DeadlineOverdue', 'DeadlineEscalated')`);

describe('seeding a demo force', () => {
  let first: SeedSummary;

  it('sends a year of casework through the commands into the read models, some of it overdue', async () => {
    first = await seedDemoForce(app, { forceId, seed: 11, colleagues: 200 });
    expect(first.colleagues).toBe(200);
    expect(first.casesRun).toBeGreaterThan(100);
    expect(first.appended).toBeGreaterThan(1_000);

    // Every planned referral, plus those the TRiM → OH process manager opened.
    expect(await count('select count(*) as n from referral_queue where force_id = $1')).toBeGreaterThanOrEqual(first.referrals);
    expect(await count('select count(*) as n from referral_queue where force_id = $1 and is_open')).toBeGreaterThan(0);
    expect(await count('select count(*) as n from trauma_incidents where force_id = $1')).toBe(first.incidents);
    expect(await count('select count(*) as n from trauma_exposures where force_id = $1')).toBe(first.exposures);
    expect(await count('select count(*) as n from trim_activations where force_id = $1')).toBe(first.trimActivations);
    expect(await count('select count(*) as n from exit_cases where force_id = $1')).toBe(first.leavers);
    expect(await count('select count(*) as n from stay_interviews where force_id = $1')).toBe(first.stayInterviews);
    expect(await count('select count(*) as n from welfare_cases where force_id = $1')).toBe(first.welfareCases);
    // Deadlines already past and not met: the timers escalate them, the queues show them overdue.
    expect(await count('select count(*) as n from timer_deadlines where force_id = $1 and due_at < now()')).toBeGreaterThan(0);
    await waitFor(async () => (await count('select count(*) as n from referral_queue where force_id = $1 and overdue')) > 0, {
      timeoutMs: 20_000,
      message: 'an overdue referral in the queue',
    });
  }, 180_000);

  it('appends nothing when run again', async () => {
    const before = await seededEvents();
    const second = await seedDemoForce(app, { forceId, seed: 11, colleagues: 200 });
    expect(second.appended).toBe(0);
    expect(second.casesRun).toBe(0);
    expect(second.casesSkipped).toBe(first.casesRun);
    expect(await seededEvents()).toBe(before);
  }, 60_000);
});
