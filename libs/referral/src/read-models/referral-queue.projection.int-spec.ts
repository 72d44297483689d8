import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { CommandPipeline } from '@casework/core/aggregate/command-pipeline';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import { comparePositions, type Position } from '@casework/core/event-store/types';
import { ProjectionRunner } from '@casework/core/projections/projection-runner';
import { inTransaction, testPool } from '@casework/core/testing/postgres';
import { waitFor } from '@casework/core/testing/wait-for';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import { referralCodec } from '../application/execute-referral-command';
import type { ReferralCommand } from '../domain/commands';
import { DEFAULT_REFERRAL_POLICY } from '../domain/deadline-policy';
import { createReferralDecider } from '../domain/decider';
import { referralStreamId } from '../domain/events';
import type { ExistingReferral, ReferralState } from '../domain/state';
import { ACTOR, command, DUE, T, type CommandOf } from '../domain/testing/referral-fixtures';
import { referralQueueProjection } from './referral-queue.projection';
import { queryReferralQueue, type QueueFilter, type QueuePage } from './referral-queue.query';
import { queryReferralTeam } from './referral-team.query';

/**
 * The queue read model fed by real referral events: commands go through the command
 * pipeline and the real decider into PostgreSQL, and a projection runner applies them.
 *
 * The event store and `referral_queue` are shared with other test files, so every test
 * works in a force of its own and runs the projection under a fresh name (its own
 * checkpoint). A fresh name replays `$all` from the start and so sees other tests'
 * referrals too; assertions only ever look at this test's force.
 */

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
// March 2026 is all GMT, so the London due times below read the same in UTC.
const calendar = new LondonWorkingCalendar({ holidays: ['2026-04-03', '2026-04-06', '2026-05-04'] });
const decider = createReferralDecider({ policy: DEFAULT_REFERRAL_POLICY, calendar });

type Submission = CommandOf<'SubmitReferral'>['data'];

let pool: Pool;
let store: PostgresEventStore;
let pipeline: CommandPipeline;
const runners: ProjectionRunner[] = [];
const projectionNames: string[] = [];

/** A projection runner under a fresh name, so it starts from the beginning of `$all`. */
function startRunner(): ProjectionRunner {
  const name = `rq-test-${randomUUID()}`;
  projectionNames.push(name);
  const runner = new ProjectionRunner(pool, store, { ...referralQueueProjection, name }, silent, { retryDelayMs: 200 });
  runners.push(runner);
  runner.start();
  return runner;
}

async function queueRow(db: Pool | PoolClient, referralId: string): Promise<QueryResultRow | undefined> {
  const { rows } = await db.query('select * from referral_queue where referral_id = $1', [referralId]);
  return rows[0];
}

/** The columns a queue sorts and badges on, instants as ISO strings. */
async function badges(referralId: string): Promise<Record<string, unknown> | undefined> {
  const row = await queueRow(pool, referralId);
  if (!row) return undefined;
  return {
    status: row.status,
    isOpen: row.is_open,
    priority: row.priority,
    advisorId: row.advisor_id,
    nextDeadlineKind: row.next_deadline_kind,
    nextDeadlineAt: row.next_deadline_at instanceof Date ? row.next_deadline_at.toISOString() : row.next_deadline_at,
    overdue: row.overdue,
    escalationLevel: row.escalation_level,
  };
}

/** One force's referrals: sends their commands and reads their queue. */
class Force {
  readonly id = `force-${randomUUID()}`;
  private readonly states = new Map<string, ReferralState>();

  async submit(now: string, overrides: Partial<Submission> = {}): Promise<string> {
    const referralId = randomUUID();
    await this.send(
      referralId,
      'SubmitReferral',
      {
        referralId,
        subjectId: `P-${referralId.slice(0, 8)}`,
        subjectName: 'Alex Morgan',
        employmentType: 'police_officer',
        department: 'Response',
        role: 'Response Officer',
        source: 'management',
        category: 'mental_health',
        urgency: 'routine',
        reason: 'Low mood after a fatal collision',
        referredBy: 'u-manager',
        lineManagerId: 'u-manager',
        linkedCaseId: null,
        ...overrides,
      },
      now,
    );
    return referralId;
  }

  /** Runs one command as the HTTP edge would; a command that decides nothing is a broken test. */
  async send<Type extends ReferralCommand['type']>(
    referralId: string,
    type: Type,
    data: CommandOf<Type>['data'],
    now: string,
  ): Promise<void> {
    const cmd: ReferralCommand = command(type, data, now, randomUUID());
    const result = await pipeline.handle(decider, referralCodec, referralStreamId(referralId), cmd, {
      commandId: cmd.commandId,
      correlationId: randomUUID(),
      causationId: cmd.commandId,
      actor: ACTOR,
      forceId: this.id,
      occurredAt: cmd.now,
    });
    if (result.appended === 0) throw new Error(`${type} on ${referralId} at ${now} appended nothing`);
    this.states.set(referralId, result.state);
  }

  /** What a deadline timer sends when a rung falls due. */
  async escalate(referralId: string, kind: string, level: number, now: string): Promise<void> {
    const deadline = this.referral(referralId).deadlines[kind];
    if (!deadline) throw new Error(`No open ${kind} deadline on ${referralId}`);
    await this.send(referralId, 'EscalateDeadline', { deadlineId: deadline.deadlineId, level }, now);
  }

  appointmentId(referralId: string): string {
    const appointment = this.referral(referralId).appointments.at(-1);
    if (!appointment) throw new Error(`No appointment on ${referralId}`);
    return appointment.appointmentId;
  }

  private referral(referralId: string): ExistingReferral {
    const state = this.states.get(referralId);
    if (!state || state.status === 'none') throw new Error(`Referral ${referralId} was never submitted`);
    return state;
  }

  /** Waits (bounded) until the runner has committed every event of this force's referrals. */
  async caughtUp(runner: ProjectionRunner): Promise<void> {
    let target: Position | null = null;
    for (const referralId of this.states.keys()) {
      const [last] = await store.readStream(referralStreamId(referralId), { direction: 'backwards', maxCount: 1 });
      if (last && (!target || comparePositions(last.position, target) > 0)) target = last.position;
    }
    const goal = target;
    if (!goal) return;
    await waitFor(
      () => {
        const { state, position, lastError } = runner.status();
        if (state === 'failed') throw new Error(`${runner.projection.name} failed: ${lastError}`);
        return position !== null && comparePositions(position, goal) >= 0;
      },
      { timeoutMs: 5_000, message: `${runner.projection.name} to project force ${this.id}` },
    );
  }

  async rows(): Promise<QueryResultRow[]> {
    const { rows } = await pool.query('select * from referral_queue where force_id = $1 order by referral_id', [this.id]);
    return rows;
  }

  queue(filter: Partial<Omit<QueueFilter, 'forceId'>> = {}): Promise<QueuePage> {
    return queryReferralQueue(pool, { forceId: this.id, view: 'all', userId: 'u-nobody', page: 1, pageSize: 50, ...filter });
  }

  async ids(filter: Partial<Omit<QueueFilter, 'forceId'>> = {}): Promise<string[]> {
    return (await this.queue(filter)).items.map((item) => item.referralId);
  }
}

beforeAll(() => {
  pool = testPool();
  store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
  pipeline = new CommandPipeline(store);
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

afterAll(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  // The rows stay: any later runner under a fresh name would project them again anyway.
  await pool.query('delete from projection_checkpoints where name = any($1::text[])', [projectionNames]);
  await pool.end();
});

describe('referral queue projection', () => {
  it('follows a referral through submission, overdue escalation, triage, closing and reopening', async () => {
    const force = new Force();
    const runner = startRunner();
    const ADVISOR = 'u-advisor-1';

    const id = await force.submit(T.submitted);
    await force.caughtUp(runner);
    expect(await badges(id)).toEqual({
      status: 'awaiting_triage',
      isOpen: true,
      priority: null,
      advisorId: null,
      nextDeadlineKind: 'triage',
      nextDeadlineAt: DUE.triage,
      overdue: false,
      escalationLevel: 0,
    });
    expect(await queueRow(pool, id)).toMatchObject({
      force_id: force.id,
      subject_name: 'Alex Morgan',
      employment_type: 'police_officer',
      department: 'Response',
      source: 'management',
      category: 'mental_health',
      urgency: 'routine',
      submitted_at: new Date(T.submitted),
      updated_at: new Date(T.submitted),
      revision: '1',
      // For the line manager's team view.
      line_manager_id: 'u-manager',
      referred_by: 'u-manager',
      report_released_at: null,
    });
    expect(await force.ids({ view: 'unassigned' })).toEqual([id]);
    expect(await force.ids({ view: 'overdue' })).toEqual([]);

    // The triage timer fires at the due time (owner told), then late for the top rung.
    await force.escalate(id, 'triage', 1, DUE.triage);
    await force.caughtUp(runner);
    expect(await badges(id)).toMatchObject({ nextDeadlineKind: 'triage', overdue: true, escalationLevel: 1 });
    await force.escalate(id, 'triage', 3, '2026-03-09T09:00:00.000Z');
    await force.caughtUp(runner);
    expect(await badges(id)).toMatchObject({ nextDeadlineKind: 'triage', overdue: true, escalationLevel: 3 });
    expect(await force.ids({ view: 'overdue' })).toEqual([id]);

    // Late triage meets the triage deadline and opens first-appointment, due from submission.
    await force.send(id, 'TriageReferral', { priority: 'high', advisorId: ADVISOR }, '2026-03-09T10:00:00.000Z');
    await force.caughtUp(runner);
    expect(await badges(id)).toEqual({
      status: 'awaiting_consent',
      isOpen: true,
      priority: 'high',
      advisorId: ADVISOR,
      nextDeadlineKind: 'first-appointment',
      nextDeadlineAt: DUE.firstAppointment,
      overdue: false,
      escalationLevel: 0,
    });
    expect(await force.ids({ view: 'mine', userId: ADVISOR })).toEqual([id]);
    expect(await force.ids({ view: 'unassigned' })).toEqual([]);
    expect(await force.ids({ view: 'overdue' })).toEqual([]);

    await force.escalate(id, 'first-appointment', 1, '2026-03-17T09:00:00.000Z');
    await force.caughtUp(runner);
    expect(await badges(id)).toMatchObject({
      nextDeadlineKind: 'first-appointment',
      nextDeadlineAt: DUE.firstAppointment,
      overdue: true,
      escalationLevel: 1,
    });

    const closedAt = '2026-03-18T09:00:00.000Z';
    await force.send(id, 'CloseReferral', { reason: 'no_further_action', note: 'Left the force' }, closedAt);
    await force.caughtUp(runner);
    expect(await badges(id)).toEqual({
      status: 'closed',
      isOpen: false,
      priority: 'high',
      advisorId: ADVISOR,
      nextDeadlineKind: null,
      nextDeadlineAt: null,
      overdue: false,
      escalationLevel: 0,
    });
    expect(await queueRow(pool, id)).toMatchObject({ deadlines: {}, updated_at: new Date(closedAt) });
    expect(await force.queue()).toMatchObject({ items: [], total: 0 });
    expect(await force.ids({ view: 'mine', userId: ADVISOR })).toEqual([]);
    expect(await force.ids({ view: 'overdue' })).toEqual([]);
    expect((await force.queue({ includeClosed: true })).items).toMatchObject([{ referralId: id, status: 'closed' }]);

    // Reopening puts it back in the queue with a fresh triage deadline (Thu + 2 working days).
    await force.send(id, 'ReopenReferral', { reason: 'New information from the line manager' }, '2026-03-19T09:00:00.000Z');
    await force.caughtUp(runner);
    expect(await badges(id)).toEqual({
      status: 'awaiting_triage',
      isOpen: true,
      priority: 'high',
      advisorId: ADVISOR,
      nextDeadlineKind: 'triage',
      nextDeadlineAt: '2026-03-23T17:00:00.000Z',
      overdue: false,
      escalationLevel: 0,
    });
    expect(await force.ids({ view: 'mine', userId: ADVISOR })).toEqual([id]);
  });

  it('applying events again (a batch re-run after a crash) leaves the row exactly as one application did', async () => {
    const force = new Force();
    const id = await force.submit(T.submitted);
    await force.escalate(id, 'triage', 2, '2026-03-05T17:00:00.000Z');
    await force.send(id, 'TriageReferral', { priority: 'medium', advisorId: 'u-advisor-1' }, '2026-03-06T09:00:00.000Z');
    await force.send(id, 'RecordConsent', { consentGiven: true }, '2026-03-06T10:00:00.000Z');
    await force.send(
      id,
      'OfferAppointment',
      { scheduledFor: new Date(T.appointment), mode: 'video', clinicianId: 'u-clinician' },
      '2026-03-06T11:00:00.000Z',
    );
    await force.send(id, 'BookAppointment', { appointmentId: force.appointmentId(id) }, '2026-03-06T11:30:00.000Z');
    await force.send(id, 'RecordAttendance', { appointmentId: force.appointmentId(id), attended: true }, T.attended);
    await force.send(id, 'ReassignReferral', { toAdvisorId: 'u-advisor-2', reason: 'Caseload' }, '2026-03-11T09:00:00.000Z');
    await force.escalate(id, 'outcome-report', 1, DUE.outcomeReport);
    const events = await store.readStream(referralStreamId(id));
    expect(events.map((e) => e.type)).toEqual([
      'ReferralSubmitted',
      'DeadlineScheduled',
      'DeadlineOverdue',
      'DeadlineEscalated',
      'ReferralTriaged',
      'DeadlineMet',
      'DeadlineScheduled',
      'ReferralConsentRecorded',
      'ReferralAppointmentOffered',
      'DeadlineMet',
      'ReferralAppointmentBooked',
      'ReferralAppointmentAttended',
      'DeadlineScheduled',
      'ReferralReassigned',
      'DeadlineOverdue',
    ]);

    await inTransaction(pool, async (tx) => {
      for (const event of events) await referralQueueProjection.handle(event, tx);
    });
    const once = await queueRow(pool, id);
    expect(once).toMatchObject({
      status: 'awaiting_outcome',
      is_open: true,
      priority: 'medium',
      advisor_id: 'u-advisor-2',
      next_deadline_kind: 'outcome-report',
      next_deadline_at: new Date(DUE.outcomeReport),
      overdue: true,
      escalation_level: 1,
      updated_at: new Date(DUE.outcomeReport),
      revision: String(events.length - 1),
    });

    // Every event delivered again onto the up-to-date row: none may move it, not even transiently.
    const moved: string[] = [];
    await inTransaction(pool, async (tx) => {
      for (const event of events) {
        await referralQueueProjection.handle(event, tx);
        if (!isDeepStrictEqual(await queueRow(tx, id), once)) moved.push(`${event.revision}:${event.type}`);
      }
    });
    expect(moved).toEqual([]);
    expect(await queueRow(pool, id)).toEqual(once);

    // From scratch, each event delivered twice in a row.
    await pool.query('delete from referral_queue where referral_id = $1', [id]);
    await inTransaction(pool, async (tx) => {
      for (const event of events) {
        await referralQueueProjection.handle(event, tx);
        await referralQueueProjection.handle(event, tx);
      }
    });
    expect(await queueRow(pool, id)).toEqual(once);
  });

  it('a rebuild from the start of the log gives rows identical to the live projection', async () => {
    const force = new Force();
    const live = startRunner();
    // Commands run while the runner projects, so the live batches cut the streams anywhere.
    const urgent = await force.submit(T.submitted, { urgency: 'urgent', category: 'physical_health' });
    const triaged = await force.submit('2026-03-02T10:00:00.000Z', { employmentType: 'police_staff' });
    await force.escalate(urgent, 'triage', 2, '2026-03-05T09:00:00.000Z');
    await force.send(triaged, 'TriageReferral', { priority: 'low', advisorId: 'u-advisor-1' }, '2026-03-03T09:00:00.000Z');
    const refused = await force.submit('2026-03-02T11:00:00.000Z', { source: 'self' });
    await force.send(refused, 'TriageReferral', { priority: 'high', advisorId: 'u-advisor-2' }, '2026-03-03T10:00:00.000Z');
    await force.send(refused, 'RecordConsent', { consentGiven: false }, '2026-03-04T10:00:00.000Z');
    const cancelled = await force.submit('2026-03-02T12:00:00.000Z', { department: 'Custody' });
    await force.send(cancelled, 'CancelReferral', { reason: 'Duplicate referral' }, '2026-03-02T13:00:00.000Z');
    await force.send(triaged, 'ReassignReferral', { toAdvisorId: 'u-advisor-3', reason: null }, '2026-03-05T09:00:00.000Z');
    await force.escalate(triaged, 'first-appointment', 1, '2026-03-17T09:00:00.000Z');
    await force.caughtUp(live);
    const before = await force.rows();
    expect(Object.fromEntries(before.map((r) => [r.referral_id, [r.status, r.advisor_id, r.escalation_level]]))).toEqual({
      [urgent]: ['awaiting_triage', null, 2],
      [triaged]: ['awaiting_consent', 'u-advisor-3', 1],
      [refused]: ['closed', 'u-advisor-2', 0],
      [cancelled]: ['cancelled', null, 0],
    });
    await live.stop();

    await pool.query('delete from referral_queue where force_id = $1', [force.id]);
    expect(await force.rows()).toEqual([]);
    const rebuilt = startRunner();
    await force.caughtUp(rebuilt);
    expect(await force.rows()).toEqual(before);
  });

  it('a line manager’s team: referrals naming them, released reports flagged until a new outcome, never their own', async () => {
    const force = new Force();
    const runner = startRunner();
    const managed = await force.submit(T.submitted, { referredBy: 'u-hr', lineManagerId: 'u-lm' });
    const referred = await force.submit('2026-03-02T10:00:00.000Z', { referredBy: 'u-lm', lineManagerId: null });
    const own = await force.submit('2026-03-02T11:00:00.000Z', { subjectId: 'S-LM', referredBy: 'u-lm', lineManagerId: 'u-lm' });
    await force.submit('2026-03-02T12:00:00.000Z', { referredBy: 'u-hr', lineManagerId: 'u-other' });

    await force.send(managed, 'TriageReferral', { priority: 'high', advisorId: 'u-advisor-1' }, '2026-03-03T09:00:00.000Z');
    await force.send(managed, 'RecordConsent', { consentGiven: true }, '2026-03-03T10:00:00.000Z');
    await force.send(managed, 'OfferAppointment', { scheduledFor: new Date(T.appointment), mode: 'video', clinicianId: null }, '2026-03-03T11:00:00.000Z');
    await force.send(managed, 'RecordAttendance', { appointmentId: force.appointmentId(managed), attended: true }, T.attended);
    const outcome = {
      appointmentId: force.appointmentId(managed),
      fitness: 'fit' as const,
      limitedDuties: null,
      recommendations: ['no_further_action' as const],
      smpQuestions: null,
      clinicalNotes: 'Confidential',
    };
    await force.send(managed, 'RecordOutcome', outcome, '2026-03-11T09:00:00.000Z');
    await force.send(managed, 'RecordReportConsent', { consentGiven: true }, '2026-03-11T10:00:00.000Z');
    await force.send(managed, 'ReleaseReport', { releasedTo: 'u-lm' }, '2026-03-11T11:00:00.000Z');
    await force.caughtUp(runner);

    const team = (managerIds: string[], excludeSubjectId: string | null = 'S-LM') =>
      queryReferralTeam(pool, { forceId: force.id, managerIds, excludeSubjectId, openOnly: false, page: 1, pageSize: 50 });
    const page = await team(['u-lm', 'S-LM']);
    expect(page.total).toBe(2);
    expect(Object.fromEntries(page.items.map((i) => [i.referralId, [i.status, i.reportReleased]]))).toEqual({
      [managed]: ['report_released', true],
      [referred]: ['awaiting_triage', false],
    });
    expect((await team(['u-lm'], null)).items.map((i) => i.referralId)).toContain(own);
    expect((await team(['u-nobody'])).total).toBe(0);
    expect((await team([])).total).toBe(0);

    // Closed and reopened, the released report still stands; assessed again, the new report is not released yet.
    await force.send(managed, 'CloseReferral', { reason: 'completed', note: null }, '2026-03-12T09:00:00.000Z');
    await force.send(managed, 'ReopenReferral', { reason: 'Relapse' }, '2026-03-20T09:00:00.000Z');
    await force.caughtUp(runner);
    expect((await queueRow(pool, managed))?.report_released_at).toEqual(new Date('2026-03-11T11:00:00.000Z'));
    await force.send(managed, 'TriageReferral', { priority: 'high', advisorId: 'u-advisor-1' }, '2026-03-20T10:00:00.000Z');
    await force.send(managed, 'RecordConsent', { consentGiven: true }, '2026-03-20T11:00:00.000Z');
    await force.send(managed, 'OfferAppointment', { scheduledFor: new Date('2026-03-24T10:00:00.000Z'), mode: 'video', clinicianId: null }, '2026-03-20T12:00:00.000Z');
    await force.send(managed, 'RecordAttendance', { appointmentId: force.appointmentId(managed), attended: true }, '2026-03-24T11:00:00.000Z');
    await force.send(managed, 'RecordOutcome', { ...outcome, appointmentId: force.appointmentId(managed) }, '2026-03-24T12:00:00.000Z');
    await force.caughtUp(runner);
    expect(await queueRow(pool, managed)).toMatchObject({ status: 'report_consent_pending', report_released_at: null });
    expect((await team(['u-lm'])).items.find((i) => i.referralId === managed)?.reportReleased).toBe(false);
  });

  describe('queue views', () => {
    const ME = 'u-me';
    const OTHER = 'u-other';
    const force = new Force();
    const names = new Map<string, string>();
    const r: Record<string, string> = {};

    /** Letters instead of uuids, so a failure reads as an order. */
    async function order(filter: Partial<Omit<QueueFilter, 'forceId'>> = {}): Promise<string[]> {
      return (await force.ids(filter)).map((id) => names.get(id) ?? id);
    }

    beforeAll(async () => {
      const submit = async (name: string, now: string, overrides: Partial<Submission> = {}): Promise<string> => {
        const id = await force.submit(now, overrides);
        names.set(id, name);
        r[name] = id;
        return id;
      };
      // A: routine, high, mine; first appointment due 16 Mar.
      const a = await submit('A', '2026-03-02T09:00:00.000Z');
      await force.send(a, 'TriageReferral', { priority: 'high', advisorId: ME }, '2026-03-03T10:00:00.000Z');
      // B: urgent, untriaged, triage (due 3 Mar) overdue.
      const b = await submit('B', '2026-03-02T10:00:00.000Z', { urgency: 'urgent', category: 'physical_health' });
      await force.escalate(b, 'triage', 1, '2026-03-04T09:00:00.000Z');
      // C: routine, low, Custody, mine until reassigned; first appointment (due 16 Mar) overdue.
      const c = await submit('C', '2026-03-02T11:00:00.000Z', { category: 'physical_health', department: 'Custody' });
      await force.send(c, 'TriageReferral', { priority: 'low', advisorId: ME }, '2026-03-03T10:00:00.000Z');
      await force.send(c, 'ReassignReferral', { toAdvisorId: OTHER, reason: 'Caseload' }, '2026-03-04T10:00:00.000Z');
      await force.escalate(c, 'first-appointment', 1, '2026-03-17T09:00:00.000Z');
      // D: routine, police staff, untriaged, triage due 5 Mar.
      await submit('D', '2026-03-03T09:00:00.000Z', { employmentType: 'police_staff' });
      // E: urgent, medium, mine; first appointment due 5 Mar.
      const e = await submit('E', '2026-03-02T12:00:00.000Z', { urgency: 'urgent' });
      await force.send(e, 'TriageReferral', { priority: 'medium', advisorId: ME }, '2026-03-02T13:00:00.000Z');
      // F: the oldest, routine, untriaged, its triage deadline waived: no deadline at all.
      const f = await submit('F', '2026-03-02T08:00:00.000Z');
      await force.send(f, 'WaiveDeadline', { kind: 'triage', reason: 'Subject on leave' }, '2026-03-02T08:30:00.000Z');
      // G: routine, high, mine, closed.
      const g = await submit('G', '2026-03-02T07:00:00.000Z');
      await force.send(g, 'TriageReferral', { priority: 'high', advisorId: ME }, '2026-03-02T07:30:00.000Z');
      await force.send(g, 'CloseReferral', { reason: 'other', note: 'Retired' }, '2026-03-02T08:00:00.000Z');
      // H: urgent, untriaged, cancelled.
      const h = await submit('H', '2026-03-02T14:00:00.000Z', { urgency: 'urgent', category: 'physical_health' });
      await force.send(h, 'CancelReferral', { reason: 'Duplicate' }, '2026-03-02T15:00:00.000Z');
      // I: routine, high, someone else's, submitted after A but attended: outcome report due 6 Mar.
      const i = await submit('I', '2026-03-02T13:00:00.000Z');
      await force.send(i, 'TriageReferral', { priority: 'high', advisorId: OTHER }, '2026-03-03T09:00:00.000Z');
      await force.send(i, 'RecordConsent', { consentGiven: true }, '2026-03-03T11:00:00.000Z');
      await force.send(
        i,
        'OfferAppointment',
        { scheduledFor: new Date('2026-03-04T10:00:00.000Z'), mode: 'telephone', clinicianId: null },
        '2026-03-03T12:00:00.000Z',
      );
      await force.send(i, 'RecordAttendance', { appointmentId: force.appointmentId(i), attended: true }, '2026-03-04T11:00:00.000Z');
      // J: routine, medium, someone else's; first appointment due 13 Mar, sooner than A's and C's.
      const j = await submit('J', '2026-02-27T09:00:00.000Z');
      await force.send(j, 'TriageReferral', { priority: 'medium', advisorId: OTHER }, '2026-03-02T09:00:00.000Z');

      const runner = startRunner();
      await force.caughtUp(runner);
      await runner.stop();
    });

    it('the whole open queue: urgent first, then priority, then the soonest deadline, no deadline last', async () => {
      expect(await order()).toEqual(['E', 'B', 'I', 'A', 'J', 'C', 'D', 'F']);
      const page = await force.queue();
      expect(page.total).toBe(8);
      expect(page.items.find((item) => item.referralId === r.B)).toEqual({
        referralId: r.B,
        status: 'awaiting_triage',
        subjectId: `P-${r.B.slice(0, 8)}`,
        subjectName: 'Alex Morgan',
        employmentType: 'police_officer',
        department: 'Response',
        source: 'management',
        category: 'physical_health',
        urgency: 'urgent',
        priority: null,
        advisorId: null,
        submittedAt: '2026-03-02T10:00:00.000Z',
        nextDeadline: { kind: 'triage', dueAt: '2026-03-03T17:00:00.000Z' },
        overdue: true,
        escalationLevel: 1,
        updatedAt: '2026-03-04T09:00:00.000Z',
        revision: '2',
      });
      expect(page.items.find((item) => item.referralId === r.I)).toMatchObject({
        status: 'awaiting_outcome',
        nextDeadline: { kind: 'outcome-report', dueAt: '2026-03-06T17:00:00.000Z' },
        overdue: false,
      });
      expect(page.items.find((item) => item.referralId === r.F)).toMatchObject({ nextDeadline: null, overdue: false });
      // Priority outranks the deadline: J (medium) is due before A (high) yet comes after it.
      expect(page.items.find((item) => item.referralId === r.J)).toMatchObject({
        priority: 'medium',
        nextDeadline: { kind: 'first-appointment', dueAt: '2026-03-13T17:00:00.000Z' },
      });
      expect(page.items.find((item) => item.referralId === r.A)).toMatchObject({
        priority: 'high',
        nextDeadline: { kind: 'first-appointment', dueAt: DUE.firstAppointment },
      });
    });

    it('mine, unassigned and overdue views, open only unless closed ones are asked for', async () => {
      expect(await order({ view: 'mine', userId: ME })).toEqual(['E', 'A']);
      expect(await order({ view: 'mine', userId: ME, includeClosed: true })).toEqual(['E', 'A', 'G']);
      expect(await order({ view: 'mine', userId: 'u-stranger' })).toEqual([]);
      expect(await order({ view: 'unassigned' })).toEqual(['B', 'D', 'F']);
      expect(await order({ view: 'unassigned', includeClosed: true })).toEqual(['B', 'H', 'D', 'F']);
      expect(await order({ view: 'overdue' })).toEqual(['B', 'C']);
      expect(await order({ includeClosed: true })).toEqual(['E', 'B', 'H', 'I', 'A', 'G', 'J', 'C', 'D', 'F']);
    });

    it('filters narrow any view', async () => {
      expect(await order({ urgency: 'urgent' })).toEqual(['E', 'B']);
      expect(await order({ category: 'physical_health' })).toEqual(['B', 'C']);
      expect(await order({ view: 'unassigned', category: 'mental_health' })).toEqual(['D', 'F']);
      expect(await order({ view: 'overdue', urgency: 'routine' })).toEqual(['C']);
      expect(await order({ status: 'awaiting_outcome' })).toEqual(['I']);
      expect(await order({ department: 'Custody' })).toEqual(['C']);
      expect(await order({ employmentType: 'police_staff' })).toEqual(['D']);
      expect(await order({ advisorId: OTHER })).toEqual(['I', 'J', 'C']);
      expect(await order({ status: 'closed' })).toEqual([]);
      expect(await order({ status: 'closed', includeClosed: true })).toEqual(['G']);
    });

    it('pages keep the order and report the total, even past the last page', async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((page) => force.queue({ page, pageSize: 3 })));
      expect(pages.map((p) => p.items.map((item) => names.get(item.referralId)))).toEqual([
        ['E', 'B', 'I'],
        ['A', 'J', 'C'],
        ['D', 'F'],
        [],
      ]);
      expect(pages.map((p) => [p.page, p.pageSize, p.total])).toEqual([
        [1, 3, 8],
        [2, 3, 8],
        [3, 3, 8],
        [4, 3, 8],
      ]);
      const filteredPast = await force.queue({ view: 'unassigned', category: 'mental_health', page: 2, pageSize: 2 });
      expect(filteredPast).toEqual({ items: [], page: 2, pageSize: 2, total: 2 });
    });

    it('another force sees none of these referrals', async () => {
      const stranger = new Force();
      expect(await stranger.queue({ includeClosed: true })).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
    });
  });
});
