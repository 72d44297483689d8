import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { InMemoryEventStore } from '@casework/core/event-store/memory/memory-event-store';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import { describeEventStoreContract, take } from '@casework/core/event-store/testing/event-store-contract';
import type { EventStore, NewEvent, RecordedEvent } from '@casework/core/event-store/types';
import { createPool } from '@casework/core/database/pool';
import { freshSideDatabase, sideDatabaseUrl } from '@casework/core/testing/postgres';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { withPersonalDataEncryption } from './encryption.factory';
import type { EncryptingEventStore } from './encrypting-event-store';
import { ErasureService } from './erasure.service';

const TEST_CONFIG = { NODE_ENV: 'test' as const, MASTER_KEY: undefined };

/**
 * A database of this file's own: it writes deliberately partial events (a few fields of a
 * real event type) that the real projections of other tests could not project, and it
 * reads the whole log expecting to find its own events within the first pages.
 */
let side: Promise<void> | undefined;
async function testPool(max = 10): Promise<Pool> {
  side ??= freshSideDatabase('personal_data', ALL_MIGRATIONS, 1).then((p) => p.end());
  await side;
  return createPool(sideDatabaseUrl('personal_data'), { max });
}

describeEventStoreContract('PostgreSQL, encrypting', async () => {
  const pool = await testPool();
  return { store: withPersonalDataEncryption(new PostgresEventStore(pool, { pollIntervalMs: 20 }), TEST_CONFIG, pool), cleanup: () => pool.end() };
});

describeEventStoreContract('in-memory, encrypting', async () => {
  const pool = await testPool(2);
  return { store: withPersonalDataEncryption(new InMemoryEventStore(), TEST_CONFIG, pool), cleanup: () => pool.end() };
});

function event(type: string, data: Record<string, unknown>, forceId: string): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { userId: 'u-admin', role: 'oh_admin' },
      occurredAt: '2026-03-02T10:00:00.000Z',
      schemaVersion: 1,
      forceId,
    },
  };
}

function submitted(subjectId: string, subjectName: string, forceId: string): NewEvent {
  return event('ReferralSubmitted', {
    referralId: randomUUID(), subjectId, subjectName, employmentType: 'police_officer', department: 'Response',
    role: 'Response Officer', source: 'management', category: 'mental_health', urgency: 'routine',
    reason: `${subjectName} low mood after a fatal collision`, referredBy: 'u-manager', lineManagerId: 'u-manager',
    linkedCaseId: null, submittedAt: '2026-03-02T09:00:00.000Z',
  }, forceId);
}

describe('personal data at rest and after erasure', () => {
  let pool: Pool;
  let raw: PostgresEventStore;
  let store: EncryptingEventStore;
  let erasures: ErasureService;
  let forceId: string;

  beforeAll(async () => {
    pool = await testPool();
    raw = new PostgresEventStore(pool, { pollIntervalMs: 20 });
    store = withPersonalDataEncryption(raw, TEST_CONFIG, pool);
    erasures = new ErasureService(pool, store.keys, () => []);
  });
  afterAll(() => pool.end());
  beforeEach(() => {
    forceId = `force-${randomUUID()}`;
  });

  async function rawText(streamId: string): Promise<string> {
    const { rows } = await pool.query<{ data: string }>('select data::text as data from es_events where stream_id = $1', [streamId]);
    return rows.map((r) => r.data).join('\n');
  }

  it('names, staff numbers and notes are ciphertext in the events table and plain through the port', async () => {
    const streamId = `referral-${randomUUID()}`;
    await store.appendToStream(streamId, [submitted('P-9001', 'Alex Morgan', forceId)], { expectedRevision: 'no_stream' });
    await store.appendToStream(
      streamId,
      [event('ReferralOutcomeRecorded', { appointmentId: randomUUID(), fitness: 'fit', limitedDuties: null, recommendations: ['counselling'], smpQuestions: null, clinicalNotes: 'Flashbacks on night shifts', recordedAt: '2026-03-11T10:00:00.000Z' }, forceId)],
      { expectedRevision: 0n },
    );
    const text = await rawText(streamId);
    for (const secret of ['P-9001', 'Alex Morgan', 'Flashbacks', 'low mood']) expect(text).not.toContain(secret);
    expect(text).toContain('police_officer');
    expect(text).toContain('enc:v1:');

    const [first, second] = await store.readStream(streamId);
    expect(first?.data).toMatchObject({ subjectId: 'P-9001', subjectName: 'Alex Morgan', department: 'Response' });
    // The outcome names nobody: its notes are sealed with the stream subject's key.
    expect(second?.data).toMatchObject({ clinicalNotes: 'Flashbacks on night shifts', recommendations: ['counselling'] });
    const keyIds = new Set([...text.matchAll(/enc:v1:([0-9a-f-]{36}):/g)].map((m) => m[1]));
    expect(keyIds.size).toBe(1);
  });

  it('a retried append with the same event ids appends nothing', async () => {
    const streamId = `referral-${randomUUID()}`;
    const once = submitted('P-9002', 'Sam Lee', forceId);
    const first = await store.appendToStream(streamId, [once], { expectedRevision: 'no_stream' });
    const again = await store.appendToStream(streamId, [once], { expectedRevision: 'no_stream' });
    expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('erasing a person makes their events read as erased markers everywhere, and leaves others alone', async () => {
    const pStream = `referral-${randomUUID()}`;
    const qStream = `referral-${randomUUID()}`;
    const incident = `incident-${randomUUID()}`;
    await store.appendToStream(pStream, [submitted('P-1', 'Pat Erased', forceId)], { expectedRevision: 'no_stream' });
    await store.appendToStream(qStream, [submitted('Q-1', 'Quinn Kept', forceId)], { expectedRevision: 'no_stream' });
    await store.appendToStream(incident, [
      event('IncidentRecorded', { incidentId: randomUUID(), type: 'rtc_fatal', typeLabel: 'Fatal RTC', severityWeight: 3, occurredAt: '2026-03-01T22:00:00.000Z', location: 'A38 Bridgwater', department: 'Roads Policing', summary: 'Two-car collision', recordedBy: 'u-sgt', recordedAt: '2026-03-02T08:00:00.000Z' }, forceId),
      event('ColleagueExposed', { incidentId: randomUUID(), personId: 'P-1', name: 'Pat Erased', department: 'Roads', role: null, exposureRole: 'first_on_scene', incidentType: 'rtc_fatal', severityWeight: 3, occurredAt: '2026-03-01T22:00:00.000Z', exposedAt: '2026-03-02T08:00:00.000Z' }, forceId),
      event('ColleagueExposed', { incidentId: randomUUID(), personId: 'Q-1', name: 'Quinn Kept', department: 'Roads', role: null, exposureRole: 'witness', incidentType: 'rtc_fatal', severityWeight: 3, occurredAt: '2026-03-01T22:00:00.000Z', exposedAt: '2026-03-02T08:00:00.000Z' }, forceId),
      event('DefusionHeld', { format: 'group', peerDefuserId: 'u-peer', attendees: ['P-1', 'Q-1'], needingMoreSupport: ['P-1'], heldAt: '2026-03-03T08:00:00.000Z' }, forceId),
    ], { expectedRevision: 'no_stream' });
    const subscription = store.subscribeToAll({ filter: { streamCategories: ['referral', 'incident'] } });

    const erasure = await erasures.erasePerson(forceId, 'P-1', { requestedBy: 'u-admin', reason: 'Right to erasure request 42' });
    expect(erasure).toMatchObject({ kind: 'person', streams: 2, keys: 2 });
    const { rows: recorded } = await pool.query('select row_to_json(e)::text as j from erasures e where id = $1', [erasure.id]);
    expect(recorded[0].j).not.toContain('P-1');

    const [pEvent] = await store.readStream(pStream);
    expect(pEvent?.data).toMatchObject({ subjectName: '[erased]', reason: '[erased]', department: 'Response', urgency: 'routine' });
    expect((pEvent?.data as { subjectId: string }).subjectId).toMatch(/^erased:[0-9a-f-]{36}$/);
    expect((await store.readStream(qStream))[0]?.data).toMatchObject({ subjectId: 'Q-1', subjectName: 'Quinn Kept' });

    const incidentEvents = await store.readStream(incident);
    const [recordedIncident, pExposed, qExposed, defusion] = incidentEvents.map((e) => e.data as Record<string, unknown>);
    expect(recordedIncident).toMatchObject({ location: 'A38 Bridgwater', summary: 'Two-car collision' });
    expect(pExposed).toMatchObject({ name: '[erased]', department: 'Roads' });
    expect(qExposed).toMatchObject({ personId: 'Q-1', name: 'Quinn Kept' });
    // The same erased person reads as the same pseudonym throughout the stream.
    expect(defusion?.attendees).toEqual([pExposed?.personId, 'Q-1']);
    expect(defusion?.needingMoreSupport).toEqual([pExposed?.personId]);

    const all = (await store.readAll({ filter: { streamCategories: ['referral', 'incident'] } })).filter((e) => e.metadata.forceId === forceId);
    expect(JSON.stringify(all.map((e) => e.data))).not.toMatch(/Pat Erased|"P-1"/);
    const streamed: RecordedEvent[] = (await take(subscription, 1_000, 1_500)).filter((e) => e.metadata.forceId === forceId);
    expect(streamed).toHaveLength(6);
    expect(JSON.stringify(streamed.map((e) => e.data))).not.toMatch(/Pat Erased|"P-1"/);
    expect(JSON.stringify(streamed.map((e) => e.data))).toContain('Quinn Kept');
    // Raw rows never held it, and now no key on earth opens it.
    expect(await rawText(pStream)).not.toContain('Pat');
  });

  it('a retention expiry destroys every key of the record, the record\'s own key included', async () => {
    const incident = `incident-${randomUUID()}`;
    await store.appendToStream(incident, [
      event('ColleagueExposed', { incidentId: randomUUID(), personId: 'R-1', name: 'Robin', department: 'Roads', role: null, exposureRole: 'witness', incidentType: 'rtc_fatal', severityWeight: 3, occurredAt: '2026-03-01T22:00:00.000Z', exposedAt: '2026-03-02T08:00:00.000Z' }, forceId),
      event('IncidentClosed', { reason: 'Stood down after review', closedAt: '2026-03-09T08:00:00.000Z' }, forceId),
    ], { expectedRevision: 'no_stream' });
    const erasure = await erasures.expireStream(forceId, incident, { requestedBy: 'retention-sweep', reason: 'incident: 7 years' });
    expect(erasure).toMatchObject({ kind: 'retention', streams: 1, keys: 2 });
    const [exposed, closed] = (await store.readStream(incident)).map((e) => e.data);
    expect(exposed).toMatchObject({ name: '[erased]', department: 'Roads' });
    expect(closed).toMatchObject({ reason: '[erased]', closedAt: '2026-03-09T08:00:00.000Z' });
  });

  it('the erasing process forgets the key at once; another process holding it in cache forgets within the TTL', async () => {
    const other = withPersonalDataEncryption(raw, TEST_CONFIG, pool);
    const streamId = `stay-${randomUUID()}`;
    await store.appendToStream(streamId, [event('StayInterviewRequested', { personId: 'S-1', personName: 'Sky', concerns: 'Shift pattern' }, forceId)], { expectedRevision: 'no_stream' });
    expect((await other.readStream(streamId))[0]?.data).toMatchObject({ personName: 'Sky' });
    const erasure = await erasures.erasePerson(forceId, 'S-1', { requestedBy: 'u-admin', reason: 'request' });
    expect((await store.readStream(streamId))[0]?.data).toMatchObject({ personName: '[erased]', concerns: '[erased]' });
    // The documented window: up to the cache TTL (30 s) in a process that had the key.
    expect((await other.readStream(streamId))[0]?.data).toMatchObject({ personName: 'Sky' });
    const { rows } = await pool.query<{ key_ids: string[] }>('select key_ids from erasures where id = $1', [erasure.id]);
    other.forget(rows[0]?.key_ids ?? []);
    expect((await other.readStream(streamId))[0]?.data).toMatchObject({ personName: '[erased]' });
  });

  it('an event store behind the wrapper is any adapter: the in-memory one encrypts too', async () => {
    const memory = new InMemoryEventStore();
    const wrapped: EventStore = withPersonalDataEncryption(memory, TEST_CONFIG, pool);
    const streamId = `welfare-${randomUUID()}`;
    await wrapped.appendToStream(streamId, [event('WelfareCaseOpened', { personId: 'W-1', personName: 'Wren', reference: 'PSD/2026/7' }, forceId)], { expectedRevision: 'no_stream' });
    expect(JSON.stringify((await memory.readStream(streamId))[0]?.data)).not.toMatch(/Wren|W-1|PSD/);
    expect((await wrapped.readStream(streamId))[0]?.data).toEqual({ personId: 'W-1', personName: 'Wren', reference: 'PSD/2026/7' });
  });
});
