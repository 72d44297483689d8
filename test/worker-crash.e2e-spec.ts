import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import request from 'supertest';
import type { Pool } from 'pg';
import { createPool } from '@casework/core/database/pool';
import { runMigrations } from '@casework/core/database/migrations';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import { rebuildProjection } from '@casework/core/projections/projection-runner';
import { e2eDatabaseUrl, e2eRedisUrl, emptyDatabase } from '@casework/core/testing/postgres';
import { waitForValue } from '@casework/core/testing/wait-for';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { devSignIn } from '@casework/identity/auth/dev-sign-in-client';
import { withPersonalDataEncryption } from '@casework/identity/personal-data/encryption.factory';
import { referralQueueProjection } from '@casework/referral/read-models/referral-queue.projection';

/**
 * The real worker process (`dist/apps/worker`), killed with SIGKILL in the middle of its
 * work and started again: no deadline is lost, none escalates twice, and the read model it
 * was projecting equals a clean rebuild. `npm test` builds `dist/` first.
 */
const DIST = resolve(process.env.CASEWORK_DIST ?? 'dist');
const WORKER = join(DIST, 'apps', 'worker', 'src', 'main.js');
const API = join(DIST, 'apps', 'api', 'src', 'main.js');
// The API runs in its own process with its own dev issuer key: the test signs in as a
// seeded user (a line manager of the demo force) through the issuer's code flow.
const QUEUE = `casework-crash-${process.pid}`;
const PORT = 3700 + (process.pid % 200);
const API_PORT = PORT + 200;
let headers: Record<string, string> = {};

/** The store as the app processes see it: the adapter with their (development) key over it. */
function appStore(): ReturnType<typeof withPersonalDataEncryption> {
  return withPersonalDataEncryption(new PostgresEventStore(pool), { NODE_ENV: 'test', MASTER_KEY: undefined }, pool);
}

const available = existsSync(WORKER);
if (!available) process.stdout.write(`Worker crash tests SKIPPED: build the app first (${WORKER} is missing)\n`);

let pool: Pool;
let dir: string;
let worker: ChildProcess | undefined;
let api: ChildProcess | undefined;

/** The worker (projections and timers), as deployed: its own process. */
function startWorker(): ChildProcess {
  return startApp(WORKER, PORT);
}

function startApp(main: string, port: number): ChildProcess {
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: e2eDatabaseUrl(),
      REDIS_URL: e2eRedisUrl(),
      TIMER_QUEUE: QUEUE,
      PORT: String(port),
      LOG_LEVEL: 'error',
      PROJECTION_POLL_MS: '50',
      DEADLINE_POLICY_FILE: join(dir, 'policy.json'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function healthy(port = PORT): Promise<void> {
  await waitForValue(
    async () => {
      const res = await request(`http://127.0.0.1:${port}`).get('/health').catch(() => undefined);
      return res?.status === 200 ? true : undefined;
    },
    { timeoutMs: 30_000, message: 'worker healthy' },
  );
}

async function kill(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

(available ? describe : describe.skip)('the worker killed mid-work and restarted', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casework-crash-'));
    // Deadlines in seconds: triage due 2 s after submission, rungs 1 s and 2 s after that.
    writeFileSync(
      join(dir, 'policy.json'),
      JSON.stringify({
        referral: {
          default: {
            triage: { routine: { duration: 'PT2S' }, urgent: { duration: 'PT2S' } },
            firstAppointment: { routine: { duration: 'PT1H' }, urgent: { duration: 'PT1H' } },
            outcomeReport: { duration: 'PT1H' },
            escalation: [
              { after: { duration: 'PT1S' }, notify: 'team_manager' },
              { after: { duration: 'PT2S' }, notify: 'head_of_wellbeing' },
            ],
          },
        },
      }),
    );
    pool = createPool(e2eDatabaseUrl(), { max: 4 });
    await runMigrations(pool, ALL_MIGRATIONS);
    await emptyDatabase(pool);
    const redis = new IORedis(e2eRedisUrl(), { maxRetriesPerRequest: null });
    await new Queue(QUEUE, { connection: redis }).obliterate({ force: true });
    redis.disconnect();
    // The API in a process of its own (ROLE=api: no projections, no timers), as deployed.
    api = spawn(process.execPath, [API], {
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: e2eDatabaseUrl(), REDIS_URL: e2eRedisUrl(), TIMER_QUEUE: QUEUE,
        PORT: String(API_PORT), LOG_LEVEL: 'error', DEADLINE_POLICY_FILE: join(dir, 'policy.json') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    worker = startWorker();
    await healthy(API_PORT);
    await healthy();
    headers = { Authorization: `Bearer ${await devSignIn(`http://127.0.0.1:${API_PORT}`, 'insp.noah.clarke')}` };
  }, 60_000);

  afterAll(async () => {
    await kill(worker, 'SIGTERM');
    await kill(api, 'SIGTERM');
    const redis = new IORedis(e2eRedisUrl(), { maxRetriesPerRequest: null });
    await new Queue(QUEUE, { connection: redis }).obliterate({ force: true }).catch(() => undefined);
    redis.disconnect();
    await pool?.end();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('SIGKILL while timers fire: after a restart every rung is recorded exactly once', async () => {
    const http = request(`http://127.0.0.1:${API_PORT}`);
    const ids: string[] = [];
    for (let i = 0; i < 15; i++) {
      const res = await http.post('/referrals').set(headers).send({
        subjectId: `PC-K${i}`,
        subjectName: `Officer ${i}`,
        employmentType: 'police_officer',
        department: 'Response',
        source: 'management',
        category: 'mental_health',
        urgency: 'routine',
        reason: 'Crash test referral',
      });
      expect(res.status).toBe(201);
      ids.push(res.body.referralId as string);
    }
    // Kill the worker when the first rungs have fired and others are still due.
    await waitForValue(
      async () => ((await countOf('DeadlineOverdue')) >= 1 ? true : undefined),
      { timeoutMs: 15_000, message: 'the first deadline overdue' },
    );
    await kill(worker, 'SIGKILL');
    worker = startWorker();
    await healthy();

    // Every referral reaches the top of its ladder: overdue once, escalated once per rung.
    await waitForValue(async () => ((await countOf('DeadlineEscalated')) >= ids.length * 2 ? true : undefined), {
      timeoutMs: 60_000,
      message: 'all rungs recorded after the restart',
    });
    const { rows } = await pool.query<{ stream_id: string; type: string; level: number; n: number }>(
      `select stream_id, type, (data->>'level')::int as level, count(*)::int as n from es_events
       where stream_id = any($1) and type in ('DeadlineOverdue', 'DeadlineEscalated') group by 1, 2, 3`,
      [ids.map((id) => `referral-${id}`)],
    );
    expect(rows.every((r) => r.n === 1)).toBe(true); // nothing twice
    expect(rows).toHaveLength(ids.length * 3); // nothing lost: levels 1, 2 and 3 for each
  }, 120_000);

  it('SIGKILL while projecting: the read model it resumes equals a clean rebuild', async () => {
    const http = request(`http://127.0.0.1:${API_PORT}`);
    const burst = Array.from({ length: 120 }, (_, i) =>
      http.post('/referrals').set(headers).send({
        subjectId: `PC-B${i}`,
        subjectName: `Officer B${i}`,
        employmentType: i % 3 === 0 ? 'police_staff' : 'police_officer',
        department: i % 2 === 0 ? 'Response' : 'Custody',
        source: 'self',
        category: 'physical_health',
        urgency: i % 5 === 0 ? 'urgent' : 'routine',
        reason: 'Burst while the worker dies',
      }),
    );
    const killer = (async () => {
      await waitForValue(async () => ((await queued()) > 0 ? true : undefined), { timeoutMs: 15_000, message: 'projection under way' });
      await kill(worker, 'SIGKILL');
    })();
    const responses = await Promise.all(burst);
    await killer;
    expect(responses.filter((r) => r.status !== 201)).toHaveLength(0); // the api kept accepting
    worker = startWorker();
    await healthy();

    const total = Number((await pool.query("select count(*) as n from es_events where type = 'ReferralSubmitted'")).rows[0]?.n);
    await waitForValue(async () => ((await queued()) === total ? true : undefined), { timeoutMs: 30_000, message: 'queue caught up' });
    // Let the burst's own deadlines run up their ladders, then the projection reach the end of the store.
    await waitForValue(async () => ((await countOf('DeadlineEscalated')) >= total * 2 ? true : undefined), {
      timeoutMs: 60_000,
      message: 'every ladder climbed',
    });
    await waitForValue(async () => ((await projectedToTheEnd()) ? true : undefined), { timeoutMs: 15_000, message: 'projection at the head' });
    await kill(worker, 'SIGTERM'); // a rebuild needs the projection's lock
    worker = undefined;
    const live = await snapshot();
    await rebuildProjection(pool, appStore(), referralQueueProjection);
    expect(await snapshot()).toEqual(live);
  }, 120_000);

  it('SIGKILL in the middle of a rebuild: the read model is untouched, and the rebuild run again completes', async () => {
    // The worker is stopped (previous test); the rebuild CLI takes the projection's lock.
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(100);
    const rebuild = spawn(process.execPath, [join(DIST, 'scripts', 'rebuild-projection.js'), 'referral_queue_v1'], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), REDIS_URL: e2eRedisUrl(), LOG_LEVEL: 'error', PROJECTION_POLL_MS: '50' },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    // Kill it once it holds the projection's lock, i.e. while it rebuilds.
    await waitForValue(
      async () => {
        const { rows } = await pool.query<{ n: number }>(
          // Projection locks use their own advisory namespace (4286002); no worker runs now.
          "select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = 4286002 and granted",
        );
        return (rows[0]?.n ?? 0) > 0 || rebuild.exitCode !== null ? true : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 5, message: 'the rebuild under way' },
    );
    await kill(rebuild, 'SIGKILL');
    expect(await snapshot()).toEqual(before); // its transaction died with it: nothing half-built is visible

    await rebuildProjection(pool, appStore(), referralQueueProjection);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  async function countOf(type: string): Promise<number> {
    const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from es_events where type = $1', [type]);
    return rows[0]?.n ?? 0;
  }

  async function queued(): Promise<number> {
    const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from referral_queue');
    return rows[0]?.n ?? 0;
  }

  async function projectedToTheEnd(): Promise<boolean> {
    const { rows } = await pool.query<{ at_head: boolean }>(
      `select c.commit_position = h.commit and c.prepare_position = h.prepare as at_head
       from projection_checkpoints c,
            (select e.transaction_id::text::bigint as commit, e.position as prepare from es_events e
             where e.category = 'referral' order by e.transaction_id desc, e.position desc limit 1) h
       where c.name = 'referral_queue_v1'`,
    );
    return rows[0]?.at_head === true;
  }

  async function snapshot(): Promise<unknown[]> {
    const { rows } = await pool.query('select * from referral_queue order by referral_id');
    return rows;
  }
});
