import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import type { NewEvent } from '@casework/core/event-store/types';
import { rebuildProjection } from '@casework/core/projections/projection-runner';
import { freshSideDatabase } from '@casework/core/testing/postgres';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { history as referralHistory, SUBMISSION } from '@casework/referral/domain/testing/referral-fixtures';
import { referralPersonalDataPurger } from '@casework/referral/read-models/personal-data.purger';
import { referralQueueProjection } from '@casework/referral/read-models/referral-queue.projection';
import { retentionPersonalDataPurger } from '@casework/retention/read-models/personal-data.purger';
import { timersPersonalDataPurger } from '@casework/timers/read-model/personal-data.purger';
import { traumaPersonalDataPurger } from '@casework/trauma/read-models/personal-data.purger';
import type { EncryptingEventStore } from './encrypting-event-store';
import { withPersonalDataEncryption } from './encryption.factory';
import { ErasureService } from './erasure.service';
import { DEFAULT_RETENTION_POLICY } from './retention-policy';
import { RetentionSweep } from './retention-sweep';

const TEST_CONFIG = { NODE_ENV: 'test' as const, MASTER_KEY: undefined };

/**
 * Erasure through the real referral queue projection, purgers and retention sweep on
 * PostgreSQL. Every test works in a force of its own; the rebuild replays the whole test
 * database's referral streams, so assertions only look at this test's rows.
 */
describe('erasure and retention on the read models', () => {
  let pool: Pool;
  let store: EncryptingEventStore;
  let erasures: ErasureService;
  let forceId: string;

  beforeAll(async () => {
    // A database of its own: its partial events would stop other tests' projections.
    pool = await freshSideDatabase('erasure', ALL_MIGRATIONS, 10);
    store = withPersonalDataEncryption(new PostgresEventStore(pool, { pollIntervalMs: 20 }), TEST_CONFIG, pool);
    erasures = new ErasureService(pool, store.keys, () => [
      referralPersonalDataPurger,
      traumaPersonalDataPurger,
      retentionPersonalDataPurger,
      timersPersonalDataPurger,
    ]);
  });
  afterAll(() => pool.end());
  beforeEach(() => {
    forceId = `force-${randomUUID()}`;
  });

  function stored(events: readonly { type: string; data: unknown }[], occurredAt: string): NewEvent[] {
    return events.map((e) => ({
      id: randomUUID(),
      type: e.type,
      data: e.data,
      metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: { userId: 'u-admin', role: 'oh_admin' }, occurredAt, schemaVersion: 1, forceId },
    }));
  }

  async function referral(subjectId: string, subjectName: string, story: 'awaitingTriage' | 'closed', occurredAt = '2026-03-02T09:00:00.000Z'): Promise<string> {
    const referralId = randomUUID();
    const events = referralHistory[story]().map((e) =>
      e.type === 'ReferralSubmitted' ? { ...e, data: { ...SUBMISSION, referralId, subjectId, subjectName } } : e,
    );
    await store.appendToStream(`referral-${referralId}`, stored(events, occurredAt), { expectedRevision: 'no_stream' });
    return referralId;
  }

  async function rebuildQueue(): Promise<void> {
    await rebuildProjection(pool, store, referralQueueProjection, { afterReplay: async (tx) => void (await erasures.reapplyAll(tx)) });
  }

  async function queueRow(referralId: string): Promise<Record<string, unknown> | undefined> {
    const { rows } = await pool.query('select subject_id, subject_name, status, department from referral_queue where referral_id = $1', [referralId]);
    return rows[0];
  }

  it('an erased person leaves the queue anonymous, stays so after a rebuild, and others are untouched', async () => {
    const p = await referral('P-5001', 'Pat Purged', 'awaitingTriage');
    const q = await referral('Q-5001', 'Quinn Queued', 'awaitingTriage');
    await rebuildQueue();
    expect(await queueRow(p)).toMatchObject({ subject_id: 'P-5001', subject_name: 'Pat Purged' });

    const erasure = await erasures.erasePerson(forceId, 'P-5001', { requestedBy: 'u-admin', reason: 'request 7' });
    const purged = await queueRow(p);
    expect(purged).toMatchObject({ subject_name: '[erased]', status: 'awaiting_triage', department: 'Response' });
    expect(purged?.subject_id).toBe(`erased:${(await pool.query('select key_ids from erasures where id = $1', [erasure.id])).rows[0].key_ids[0]}`);
    expect(await queueRow(q)).toMatchObject({ subject_id: 'Q-5001', subject_name: 'Quinn Queued' });

    // A rebuild reads the erased events (already anonymous) and re-applies the purge: same rows.
    await rebuildQueue();
    expect(await queueRow(p)).toEqual(purged);
    expect(await queueRow(q)).toMatchObject({ subject_id: 'Q-5001', subject_name: 'Quinn Queued' });
    const { rows } = await pool.query<{ t: string }>("select string_agg(row_to_json(r)::text, '') as t from referral_queue r where force_id = $1", [forceId]);
    expect(rows[0]?.t).not.toMatch(/P-5001|Pat Purged/);
  });

  it('the retention sweep expires only closed records past their period', async () => {
    const now = new Date('2034-06-01T00:00:00.000Z');
    const oldClosed = await referral('R-1', 'Old Closed', 'closed', '2026-03-02T09:00:00.000Z');
    const oldOpen = await referral('R-2', 'Old Open', 'awaitingTriage', '2026-03-02T09:00:00.000Z');
    const recentClosed = await referral('R-3', 'Recent Closed', 'closed', '2030-03-02T09:00:00.000Z');
    await rebuildQueue();

    const sweep = new RetentionSweep(pool, store.inner, erasures, DEFAULT_RETENTION_POLICY);
    const result = await sweep.run(now, { forceId });
    expect(result.examined).toBe(3);
    expect(result.expired.map((e) => e.streamIds)).toEqual([[`referral-${oldClosed}`]]);
    expect(result.expired[0]).toMatchObject({ kind: 'retention', requestedBy: 'retention-sweep', reason: 'referral: 7 years after closure' });

    const [submitted] = await store.readStream(`referral-${oldClosed}`);
    expect(submitted?.data).toMatchObject({ subjectName: '[erased]', reason: '[erased]', category: 'mental_health' });
    expect((await queueRow(oldClosed))?.subject_name).toBe('[erased]');
    expect((await queueRow(oldOpen))?.subject_name).toBe('Old Open');
    expect((await queueRow(recentClosed))?.subject_name).toBe('Recent Closed');
    // Nothing left to destroy: the next sweep does not look at it again.
    expect((await sweep.run(now, { forceId })).examined).toBe(2);
  });
});
