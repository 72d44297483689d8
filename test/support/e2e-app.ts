import { randomBytes } from 'node:crypto';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import pino from 'pino';
import type { Pool } from 'pg';
import { loadConfig, type AppConfig } from '@casework/core/config/app-config';
import type { Clock } from '@casework/core/time/clock';
import { createPool } from '@casework/core/database/pool';
import { e2eDatabaseUrl, e2eRedisUrl, emptyDatabase } from '@casework/core/testing/postgres';
import { configureHttp } from '@casework/platform/bootstrap';
import type { PolicyOverrides } from '@casework/referral/application/referral-policy.provider';
import type { TraumaPolicyOverrides } from '@casework/trauma/application/trauma-policies';
import type { RetentionPolicyOverrides } from '@casework/retention/application/retention-policies';
import { signTestToken, TEST_ISSUER_KEY } from '@casework/identity/testing/test-tokens';
import { AppModule } from '../../apps/api/src/app.module';

const TEST_MASTER_KEY = randomBytes(32).toString('base64');

export interface E2eApp {
  readonly app: NestExpressApplication;
  readonly config: AppConfig;
  /** A pool of the test's own, for asserting on read models. */
  readonly pool: Pool;
  readonly queue: Queue;
  close(): Promise<void>;
}

/**
 * The whole application (api + worker roles in one process) against the real test
 * PostgreSQL and Redis, as `npm run demo` runs it, with a policy short enough that
 * deadlines pass in seconds. The event store and read models are emptied first: e2e
 * files run one at a time (jest --runInBand) and own the e2e database (casework_e2e,
 * apart from the integration tests' casework_test) while they run.
 */
export async function startE2eApp(options: {
  policy?: PolicyOverrides;
  traumaPolicy?: TraumaPolicyOverrides;
  retentionPolicy?: RetentionPolicyOverrides;
  queue: string;
  /** Defaults to the system clock. */
  clock?: Clock;
  /** Extra settings (e.g. a low RATE_LIMIT_PER_MINUTE to prove the limit). */
  env?: Record<string, string>;
}): Promise<E2eApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: e2eDatabaseUrl(),
    REDIS_URL: e2eRedisUrl(),
    ROLE: 'all',
    LOG_LEVEL: 'warn',
    PROJECTION_POLL_MS: '50',
    TIMER_QUEUE: options.queue,
    TIMER_RECONCILE_INTERVAL_MS: '600000',
    // Tests call from one address as few users, far faster than people do.
    RATE_LIMIT_PER_MINUTE: '1000000',
    // A key of the test's own, as a deployment has (the well-known development key warns).
    MASTER_KEY: TEST_MASTER_KEY,
    ...options.env,
  });
  const pool = createPool(e2eDatabaseUrl(), { max: 4 });
  await emptyDatabase(pool);
  const redis = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(config.TIMER_QUEUE, { connection: redis });
  await queue.obliterate({ force: true });

  const logger = pino({ level: 'warn' });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({
      config,
      logger,
      clock: options.clock,
      referralPolicy: options.policy,
      traumaPolicy: options.traumaPolicy,
      retentionPolicy: options.retentionPolicy,
      devIssuerKey: TEST_ISSUER_KEY,
    }),
    { logger: false, bodyParser: false },
  );
  configureHttp(app);
  await app.init();
  return {
    app,
    config,
    pool,
    queue,
    async close() {
      await app.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      redis.disconnect();
      await pool.end();
    },
  };
}

/**
 * Who is calling: a bearer token signed by the test process's key, which the app's
 * development issuer trusts, naming the user, their role and force (and optionally their
 * own staff number, so the own-case rule can be tested).
 */
export function as(userId: string, role: string, forceId = 'force-e2e', personId?: string): Record<string, string> {
  return { Authorization: `Bearer ${signTestToken({ sub: userId, roles: [role], forceId, personId })}` };
}
