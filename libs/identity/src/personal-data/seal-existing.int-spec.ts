import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import type { NewEvent } from '@casework/core/event-store/types';
import { freshSideDatabase } from '@casework/core/testing/postgres';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { withPersonalDataEncryption } from './encryption.factory';
import type { EncryptingEventStore } from './encrypting-event-store';
import { ErasureService } from './erasure.service';
import { sealExistingEvents } from './seal-existing';

/**
 * Events written before encryption (in clear, straight through the PostgreSQL adapter)
 * are sealed in place by the upgrade: afterwards the table holds no name or note, the store
 * reads them back as they were, erasure reaches them, and a second run changes nothing.
 */
const CONFIG = { NODE_ENV: 'test' as const, MASTER_KEY: undefined };

function event(type: string, data: Record<string, unknown>, forceId: string): NewEvent {
  const id = randomUUID();
  return {
    id,
    type,
    data,
    metadata: { correlationId: id, causationId: id, actor: { userId: 'u-1', role: 'oh_advisor' }, occurredAt: '2026-01-05T10:00:00.000Z', schemaVersion: 1, forceId },
  };
}

describe('sealing events stored before encryption', () => {
  let pool: Pool;
  let raw: PostgresEventStore;
  let store: EncryptingEventStore;
  const forceId = `force-${randomUUID()}`;
  const referral = `referral-${randomUUID()}`;
  const incident = `incident-${randomUUID()}`;

  beforeAll(async () => {
    pool = await freshSideDatabase('seal', ALL_MIGRATIONS);
    raw = new PostgresEventStore(pool, { pollIntervalMs: 20 });
    store = withPersonalDataEncryption(raw, CONFIG, pool);
    // The old version: everything in clear.
    await raw.appendToStream(
      referral,
      [
        event('ReferralSubmitted', { referralId: randomUUID(), subjectId: 'PC-7001', subjectName: 'Morgan Old', employmentType: 'police_officer', department: 'CID', role: null, source: 'self', category: 'mental_health', urgency: 'routine', reason: 'Nightmares since the crash', referredBy: null, lineManagerId: null, linkedCaseId: null, submittedAt: '2026-01-05T10:00:00.000Z' }, forceId),
        event('ReferralTriaged', { priority: 'high', advisorId: 'u-1', triagedAt: '2026-01-06T10:00:00.000Z' }, forceId),
        event('ReferralOutcomeRecorded', { appointmentId: randomUUID(), fitness: 'fit', limitedDuties: null, recommendations: [], smpQuestions: null, clinicalNotes: 'Sleep much improved', recordedAt: '2026-02-01T10:00:00.000Z' }, forceId),
      ],
      { expectedRevision: 'no_stream' },
    );
    await raw.appendToStream(
      incident,
      [event('IncidentColleagueExposed', { incidentId: randomUUID(), personId: 'PC-7002', personName: 'Riley Other', exposureRole: 'first_on_scene' }, forceId)],
      { expectedRevision: 'no_stream' },
    );
  });
  afterAll(() => pool?.end());

  async function rawText(): Promise<string> {
    const { rows } = await pool.query<{ t: string }>("select string_agg(data::text, ' ') as t from es_events");
    return rows[0]?.t ?? '';
  }

  it('seals every personal field in place, keeps what reports count, and reads back as before', async () => {
    const before = await store.readStream(referral);
    expect(await rawText()).toContain('Morgan Old');

    const report = await sealExistingEvents(pool, store);
    expect(report).toEqual({ streams: 2, examined: 4, sealed: 3 }); // the triage names nobody and holds no free text

    const text = await rawText();
    for (const secret of ['PC-7001', 'Morgan Old', 'Nightmares', 'Sleep much improved', 'PC-7002', 'Riley Other']) expect(text).not.toContain(secret);
    expect(text).toContain('police_officer');
    expect((await store.readStream(referral)).map((e) => e.data)).toEqual(before.map((e) => e.data));
    // Positions and revisions did not move: projections and checkpoints stay valid.
    expect((await store.readStream(referral)).map((e) => [e.id, e.revision, e.position])).toEqual(before.map((e) => [e.id, e.revision, e.position]));
  });

  it('a second run seals nothing, and erasure now reaches the old events', async () => {
    expect(await sealExistingEvents(pool, store)).toEqual({ streams: 2, examined: 4, sealed: 0 });
    const erasures = new ErasureService(pool, store.keys, () => []);
    await erasures.erasePerson(forceId, 'PC-7001', { requestedBy: 'u-admin', reason: 'test' });
    const [submitted, , outcome] = await store.readStream(referral);
    expect(submitted?.data).toMatchObject({ subjectName: '[erased]', department: 'CID' });
    expect(outcome?.data).toMatchObject({ clinicalNotes: '[erased]' });
    const [exposed] = await store.readStream(incident);
    expect(exposed?.data).toMatchObject({ personName: 'Riley Other' });
  });
});
