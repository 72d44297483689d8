import { randomUUID } from 'node:crypto';
import type { ModuleRef } from '@nestjs/core';
import type { Pool } from 'pg';
import { CommandPipeline } from '@casework/core/aggregate/command-pipeline';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import { comparePositions, type Position, type RecordedEvent } from '@casework/core/event-store/types';
import { ProjectionRunner } from '@casework/core/projections/projection-runner';
import { inTransaction, testPool } from '@casework/core/testing/postgres';
import { waitFor } from '@casework/core/testing/wait-for';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import { referralCodec } from '@casework/referral/application/execute-referral-command';
import type { ReferralCommand } from '@casework/referral/domain/commands';
import { DEFAULT_REFERRAL_POLICY } from '@casework/referral/domain/deadline-policy';
import { createReferralDecider } from '@casework/referral/domain/decider';
import { referralStreamId } from '@casework/referral/domain/events';
import type { ReferralState } from '@casework/referral/domain/state';
import { DEFAULT_EXPOSURE_POLICY } from '@casework/trauma/domain/exposure';
import { readFreshness } from '../freshness';
import { periodOf, periodSql, type PeriodUnit } from '../periods';
import { defaultReportRegistry } from '../report-registry';
import type { ReportParams } from '../reports/report';
import { ReportsService } from '../reports.service';
import type { ReportRow } from '../suppression';
import { reportReferralsProjection } from './report-referrals.projection';

/**
 * The referral reports over a generated history: 40 referrals over five quarters (Jan
 * 2025 – Mar 2026) plus two just outside the range, driven through the command pipeline
 * and the real referral decider, projected by a runner, and every report checked
 * against numbers worked out by hand from the table below.
 *
 * The event store and `report_referrals` are shared with other test files, so this file
 * works in forces of its own and runs the projection under a fresh name (its own checkpoint).
 */

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const calendar = new LondonWorkingCalendar({ holidays: [] });
const decider = createReferralDecider({ policy: DEFAULT_REFERRAL_POLICY, calendar });
const ACTOR = { userId: 'u-oh-admin', role: 'oh_admin' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * What happens to each referral after submission (times from submission):
 * O   nothing: open, untriaged                                   deadlines due/on time/late 0/0/0
 * T   triaged at +12 h (on time)                                 1/1/0
 * TO  triaged +12 h, consent +13 h, appointment offered at +1 d  2/2/0
 * TL  triaged late at +10 d (no timer fired)                     1/0/1
 * X   triage timer fires overdue at +20 d, triaged at +21 d      1/0/1
 * XO  triage timer fires overdue at +20 d, never triaged         1/0/1
 * TC  triaged +12 h, closed at +30 d (first appointment waived)  1/1/0
 * C   cancelled at +1 d (triage waived)                          0/0/0
 */
type Story = 'O' | 'T' | 'TO' | 'TL' | 'X' | 'XO' | 'TC' | 'C';
type Spec = readonly [ref: string, submittedAt: string, employmentType: string, category: 'mental_health' | 'physical_health', urgency: 'routine' | 'urgent', department: string, story: Story];

const m = 'mental_health';
const p = 'physical_health';
const HISTORY: readonly Spec[] = [
  // 2025-Q1: 8 (officer 5, staff 3; mental 6, physical 2). A01 is 00:00 on 1 January.
  ['A01', '2025-01-01T00:00:00Z', 'police_officer', m, 'routine', 'Response', 'T'],
  ['A02', '2025-01-06T09:00:00Z', 'police_officer', m, 'urgent', 'Response', 'TO'],
  ['A03', '2025-01-13T09:00:00Z', 'police_officer', m, 'routine', 'CID', 'TC'],
  ['A04', '2025-02-03T09:00:00Z', 'police_officer', p, 'routine', 'Response', 'TL'],
  ['A05', '2025-02-10T09:00:00Z', 'police_officer', m, 'routine', 'CID', 'C'],
  ['A06', '2025-02-17T09:00:00Z', 'police_staff', m, 'routine', 'Response', 'T'],
  ['A07', '2025-03-03T09:00:00Z', 'police_staff', p, 'routine', 'CID', 'X'],
  ['A08', '2025-03-17T09:00:00Z', 'police_staff', m, 'urgent', 'Response', 'TO'],
  // 2025-Q2: 10 (officer 6, staff 2, PCSO 2; mental 5, physical 5). B01 is 23:30 UTC on 31 March: 00:30 BST on 1 April.
  ['B01', '2025-03-31T23:30:00Z', 'police_officer', p, 'routine', 'Response', 'T'],
  ['B02', '2025-04-07T08:00:00Z', 'police_officer', m, 'routine', 'Response', 'TO'],
  ['B03', '2025-04-14T08:00:00Z', 'police_officer', m, 'routine', 'CID', 'TC'],
  ['B04', '2025-04-28T08:00:00Z', 'police_officer', p, 'urgent', 'Response', 'T'],
  ['B05', '2025-05-12T08:00:00Z', 'police_officer', m, 'routine', 'CID', 'O'],
  ['B06', '2025-05-19T08:00:00Z', 'police_officer', p, 'routine', 'Response', 'TL'],
  ['B07', '2025-06-02T08:00:00Z', 'police_staff', m, 'routine', 'CID', 'TO'],
  ['B08', '2025-06-09T08:00:00Z', 'police_staff', p, 'routine', 'Response', 'C'],
  ['B09', '2025-06-16T08:00:00Z', 'pcso', m, 'routine', 'Response', 'XO'],
  ['B10', '2025-06-23T08:00:00Z', 'pcso', p, 'routine', 'CID', 'T'],
  // 2025-Q3: 7 (officer 7; mental 4, physical 3).
  ['C01', '2025-07-07T08:00:00Z', 'police_officer', m, 'routine', 'Response', 'TO'],
  ['C02', '2025-07-14T08:00:00Z', 'police_officer', m, 'urgent', 'CID', 'TO'],
  ['C03', '2025-07-21T08:00:00Z', 'police_officer', p, 'routine', 'Response', 'TL'],
  ['C04', '2025-08-04T08:00:00Z', 'police_officer', m, 'routine', 'Response', 'TC'],
  ['C05', '2025-08-11T08:00:00Z', 'police_officer', p, 'routine', 'CID', 'TL'],
  ['C06', '2025-09-01T08:00:00Z', 'police_officer', m, 'routine', 'Response', 'X'],
  ['C07', '2025-09-15T08:00:00Z', 'police_officer', p, 'routine', 'CID', 'O'],
  // 2025-Q4: 9 (officer 4, staff 4, special 1; all mental).
  ['D01', '2025-10-06T08:00:00Z', 'police_officer', m, 'routine', 'Response', 'T'],
  ['D02', '2025-10-13T08:00:00Z', 'police_officer', m, 'routine', 'CID', 'TO'],
  ['D03', '2025-10-27T09:00:00Z', 'police_officer', m, 'urgent', 'Response', 'TC'],
  ['D04', '2025-11-03T09:00:00Z', 'police_officer', m, 'routine', 'Response', 'O'],
  ['D05', '2025-11-10T09:00:00Z', 'police_staff', m, 'routine', 'CID', 'T'],
  ['D06', '2025-11-17T09:00:00Z', 'police_staff', m, 'routine', 'Response', 'TL'],
  ['D07', '2025-12-01T09:00:00Z', 'police_staff', m, 'routine', 'CID', 'C'],
  ['D08', '2025-12-08T09:00:00Z', 'police_staff', m, 'routine', 'Response', 'XO'],
  ['D09', '2025-12-15T09:00:00Z', 'special_constable', m, 'routine', 'Response', 'T'],
  // 2026-Q1: 6 (officer 3, staff 3; mental 2, physical 4). E05 closes on 15 April, after the backlog's as-of date.
  ['E01', '2026-01-05T09:00:00Z', 'police_officer', m, 'routine', 'Response', 'O'],
  ['E02', '2026-01-12T09:00:00Z', 'police_officer', p, 'routine', 'CID', 'TO'],
  ['E03', '2026-02-02T09:00:00Z', 'police_officer', p, 'urgent', 'Response', 'T'],
  ['E04', '2026-02-16T09:00:00Z', 'police_staff', p, 'routine', 'Response', 'X'],
  ['E05', '2026-03-16T09:00:00Z', 'police_staff', m, 'routine', 'CID', 'TC'],
  ['E06', '2026-03-30T08:00:00Z', 'police_staff', p, 'routine', 'Response', 'O'],
  // Outside 1 Jan 2025 – 31 Mar 2026 by their London dates: 31 Dec 2024 (GMT) and 1 April 2026 (BST).
  ['Z01', '2024-12-31T23:30:00Z', 'police_officer', m, 'routine', 'Response', 'O'],
  ['Z02', '2026-03-31T23:30:00Z', 'police_officer', m, 'routine', 'Response', 'O'],
];

let pool: Pool;
let store: PostgresEventStore;
let pipeline: CommandPipeline;
const runners: ProjectionRunner[] = [];
const projectionNames: string[] = [];

class Force {
  readonly id = `force-${randomUUID()}`;
  readonly states = new Map<string, ReferralState>();
  readonly ids = new Map<string, string>();

  async send(referralId: string, type: ReferralCommand['type'], data: object, at: number): Promise<void> {
    const commandId = randomUUID();
    const cmd = { type, data, now: new Date(at), commandId, actor: ACTOR } as unknown as ReferralCommand;
    const result = await pipeline.handle(decider, referralCodec, referralStreamId(referralId), cmd, {
      commandId,
      correlationId: randomUUID(),
      causationId: commandId,
      actor: ACTOR,
      forceId: this.id,
      occurredAt: cmd.now,
    });
    if (result.appended === 0) throw new Error(`${type} on ${referralId} appended nothing`);
    this.states.set(referralId, result.state);
  }

  private deadlineId(referralId: string, kind: string): string {
    const state = this.states.get(referralId);
    const deadline = state && state.status !== 'none' ? state.deadlines[kind] : undefined;
    if (!deadline) throw new Error(`No open ${kind} deadline on ${referralId}`);
    return deadline.deadlineId;
  }

  async play(spec: Spec): Promise<string> {
    const [ref, submittedAt, employmentType, category, urgency, department, story] = spec;
    const id = randomUUID();
    this.ids.set(ref, id);
    const t0 = Date.parse(submittedAt);
    await this.send(
      id,
      'SubmitReferral',
      {
        referralId: id,
        subjectId: `P-${ref}`,
        subjectName: `Colleague ${ref}`,
        employmentType,
        department,
        role: null,
        source: 'management',
        category,
        urgency,
        reason: 'Generated history',
        referredBy: 'u-manager',
        lineManagerId: null,
        linkedCaseId: null,
      },
      t0,
    );
    const triage = (at: number): Promise<void> => this.send(id, 'TriageReferral', { priority: 'medium', advisorId: 'u-advisor' }, at);
    const overdue = (at: number): Promise<void> =>
      this.send(id, 'EscalateDeadline', { deadlineId: this.deadlineId(id, 'triage'), level: 1 }, at);
    switch (story) {
      case 'O':
        break;
      case 'T':
        await triage(t0 + 12 * HOUR);
        break;
      case 'TO':
        await triage(t0 + 12 * HOUR);
        await this.send(id, 'RecordConsent', { consentGiven: true }, t0 + 13 * HOUR);
        await this.send(id, 'OfferAppointment', { scheduledFor: new Date(t0 + 8 * DAY), mode: 'video', clinicianId: null }, t0 + DAY);
        break;
      case 'TL':
        await triage(t0 + 10 * DAY);
        break;
      case 'X':
        await overdue(t0 + 20 * DAY);
        await triage(t0 + 21 * DAY);
        break;
      case 'XO':
        await overdue(t0 + 20 * DAY);
        break;
      case 'TC':
        await triage(t0 + 12 * HOUR);
        await this.send(id, 'CloseReferral', { reason: 'no_further_action', note: 'Generated history' }, t0 + 30 * DAY);
        break;
      case 'C':
        await this.send(id, 'CancelReferral', { reason: 'Duplicate' }, t0 + DAY);
        break;
    }
    return id;
  }

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
      { timeoutMs: 20_000, message: `${runner.projection.name} to project force ${this.id}` },
    );
  }

  async events(): Promise<RecordedEvent[]> {
    const all: RecordedEvent[] = [];
    for (const referralId of this.states.keys()) all.push(...(await store.readStream(referralStreamId(referralId))));
    return all;
  }

  async rows(): Promise<Record<string, unknown>[]> {
    const { rows } = await pool.query('select * from report_referrals where force_id = $1 order by referral_id', [this.id]);
    return rows;
  }
}

function startRunner(): ProjectionRunner {
  const name = `rr-test-${randomUUID()}`;
  projectionNames.push(name);
  const runner = new ProjectionRunner(pool, store, { ...reportReferralsProjection, name }, silent, { retryDelayMs: 200 });
  runners.push(runner);
  runner.start();
  return runner;
}

const registry = defaultReportRegistry();
const force = new Force();
const RANGE = { from: '2025-01-01', to: '2026-03-31' };

async function report(name: string, params: Partial<ReportParams> = {}): Promise<ReportRow[]> {
  const definition = registry.get(name);
  if (!definition) throw new Error(`no report ${name}`);
  const result = await definition.run(
    { pool, exposurePolicy: () => DEFAULT_EXPOSURE_POLICY },
    { forceId: force.id, groupBy: [], now: new Date('2026-04-20T12:00:00Z'), ...params },
  );
  return [...result.rows];
}

/** Rows as arrays of their values, in column order, so expectations read as tables. */
const table = (rows: readonly ReportRow[]): unknown[][] => rows.map((r) => Object.values(r));

beforeAll(async () => {
  pool = testPool();
  store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
  pipeline = new CommandPipeline(store);
  for (const spec of HISTORY) await force.play(spec);
  // Another force's referral, in range: no report of `force` may count it.
  const stranger = new Force();
  await stranger.play(['S01', '2025-05-12T08:00:00Z', 'police_officer', m, 'routine', 'Response', 'T']);
  const runner = startRunner();
  await force.caughtUp(runner);
  await stranger.caughtUp(runner);
}, 120_000);

afterAll(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  await pool.query('delete from projection_checkpoints where name = any($1::text[])', [projectionNames]);
  await pool.end();
});

describe('report_referrals projection', () => {
  it('keeps business times and deadline counts per referral', async () => {
    const { rows } = await pool.query('select * from report_referrals where referral_id = $1', [force.ids.get('A07')]);
    expect(rows[0]).toMatchObject({
      force_id: force.id,
      submitted_at: new Date('2025-03-03T09:00:00Z'),
      employment_type: 'police_staff',
      category: 'physical_health',
      department: 'CID',
      status: 'awaiting_consent',
      is_open: true,
      triaged_at: new Date(Date.parse('2025-03-03T09:00:00Z') + 21 * DAY),
      first_appointment_offered_at: null,
      closed_at: null,
      deadlines_due: 1,
      deadlines_met_on_time: 0,
      deadlines_late: 1,
    });
    expect(rows[0].late_deadline_ids).toHaveLength(1);
    const { rows: offered } = await pool.query('select * from report_referrals where referral_id = $1', [force.ids.get('A02')]);
    expect(offered[0]).toMatchObject({
      status: 'appointment_offered',
      first_appointment_offered_at: new Date(Date.parse('2025-01-06T09:00:00Z') + DAY),
      deadlines_due: 2,
      deadlines_met_on_time: 2,
      deadlines_late: 0,
    });
    const { rows: cancelled } = await pool.query('select * from report_referrals where referral_id = $1', [force.ids.get('A05')]);
    expect(cancelled[0]).toMatchObject({
      status: 'cancelled',
      is_open: false,
      closed_at: new Date(Date.parse('2025-02-10T09:00:00Z') + DAY),
      close_reason: 'cancelled',
      deadlines_due: 0,
    });
    const { rows: closed } = await pool.query('select * from report_referrals where referral_id = $1', [force.ids.get('A03')]);
    expect(closed[0]).toMatchObject({ status: 'closed', is_open: false, close_reason: 'no_further_action', deadlines_due: 1, deadlines_met_on_time: 1 });
    expect(await force.rows()).toHaveLength(HISTORY.length);
  });

  it('reopening a closed referral opens its row again', async () => {
    const other = new Force();
    const id = await other.play(['R01', '2025-05-12T08:00:00Z', 'police_officer', m, 'routine', 'Response', 'TC']);
    await other.send(id, 'ReopenReferral', { reason: 'New information' }, Date.parse('2025-07-01T08:00:00Z'));
    const events = await other.events();
    await inTransaction(pool, (tx) => reportReferralsProjection.handleBatch?.(events, tx) ?? Promise.resolve());
    const [row] = await other.rows();
    expect(row).toMatchObject({ status: 'awaiting_triage', is_open: true, closed_at: null, close_reason: null, triaged_at: new Date(Date.parse('2025-05-12T08:00:00Z') + 12 * HOUR) });
  });

  it('replaying the events (batch or one by one, twice) leaves the rows exactly as they were', async () => {
    const before = await force.rows();
    const events = await force.events();
    await inTransaction(pool, async (tx) => {
      await reportReferralsProjection.handleBatch?.(events, tx);
      for (const event of events) await reportReferralsProjection.handle(event, tx);
    });
    expect(await force.rows()).toEqual(before);

    await pool.query('delete from report_referrals where force_id = $1', [force.id]);
    await inTransaction(pool, async (tx) => {
      for (const event of events) {
        await reportReferralsProjection.handle(event, tx);
        await reportReferralsProjection.handle(event, tx);
      }
    });
    expect(await force.rows()).toEqual(before);

    await pool.query('delete from report_referrals where force_id = $1', [force.id]);
    // Batches cut anywhere give the same rows as one batch.
    await inTransaction(pool, async (tx) => {
      for (let i = 0; i < events.length; i += 7) await reportReferralsProjection.handleBatch?.(events.slice(i, i + 7), tx);
    });
    expect(await force.rows()).toEqual(before);
  });
});

describe('referral reports on the generated history', () => {
  it('referrals by quarter × employment type, with % of the quarter', async () => {
    expect(table(await report('referrals-by-employment-type', { ...RANGE, period: 'quarter' }))).toEqual([
      ['2025-Q1', 'police_officer', 5, 62.5],
      ['2025-Q1', 'police_staff', 3, 37.5],
      ['2025-Q2', 'pcso', 2, 20],
      ['2025-Q2', 'police_officer', 6, 60],
      ['2025-Q2', 'police_staff', 2, 20],
      ['2025-Q3', 'police_officer', 7, 100],
      ['2025-Q4', 'police_officer', 4, 44.4],
      ['2025-Q4', 'police_staff', 4, 44.4],
      ['2025-Q4', 'special_constable', 1, 11.1],
      ['2026-Q1', 'police_officer', 3, 50],
      ['2026-Q1', 'police_staff', 3, 50],
    ]);
  });

  it('by financial year (April–March) and by month, the 1 April (BST) referral in the new year', async () => {
    expect(table(await report('referrals-by-employment-type', { ...RANGE, period: 'financial_year' }))).toEqual([
      ['FY2024/25', 'police_officer', 5, 62.5],
      ['FY2024/25', 'police_staff', 3, 37.5],
      ['FY2025/26', 'pcso', 2, 6.3],
      ['FY2025/26', 'police_officer', 20, 62.5],
      ['FY2025/26', 'police_staff', 9, 28.1],
      ['FY2025/26', 'special_constable', 1, 3.1],
    ]);
    const months = await report('referrals-by-category', { ...RANGE, period: 'month' });
    const total = (period: string): number =>
      months.filter((r) => r.period === period).reduce((sum, r) => sum + (r.referrals as number), 0);
    expect([total('2024-12'), total('2025-01'), total('2025-03'), total('2025-04'), total('2026-03'), total('2026-04')]).toEqual([0, 3, 2, 4, 2, 0]);
  });

  it('filters by department and employment type, and splits by more dimensions', async () => {
    expect(table(await report('referrals-by-employment-type', { ...RANGE, period: 'financial_year', department: 'CID', employmentType: 'police_staff' }))).toEqual([
      ['FY2024/25', 'police_staff', 1, 100],
      ['FY2025/26', 'police_staff', 4, 100],
    ]);
    expect(table(await report('referrals-by-employment-type', { from: '2025-01-01', to: '2025-03-31', period: 'quarter', groupBy: ['urgency'] }))).toEqual([
      ['2025-Q1', 'police_officer', 'routine', 4, 50],
      ['2025-Q1', 'police_officer', 'urgent', 1, 12.5],
      ['2025-Q1', 'police_staff', 'routine', 2, 25],
      ['2025-Q1', 'police_staff', 'urgent', 1, 12.5],
    ]);
  });

  it('referrals by category (mental / physical)', async () => {
    expect(table(await report('referrals-by-category', { ...RANGE, period: 'quarter' }))).toEqual([
      ['2025-Q1', 'mental_health', 6, 75],
      ['2025-Q1', 'physical_health', 2, 25],
      ['2025-Q2', 'mental_health', 5, 50],
      ['2025-Q2', 'physical_health', 5, 50],
      ['2025-Q3', 'mental_health', 4, 57.1],
      ['2025-Q3', 'physical_health', 3, 42.9],
      ['2025-Q4', 'mental_health', 9, 100],
      ['2026-Q1', 'mental_health', 2, 33.3],
      ['2026-Q1', 'physical_health', 4, 66.7],
    ]);
  });

  it('the open backlog by age band and urgency, as of a date', async () => {
    expect(table(await report('referral-backlog', { to: '2026-03-31', groupBy: ['urgency'] }))).toEqual([
      ['0-7', 'routine', 1, 2.9],
      ['15-28', 'routine', 1, 2.9],
      ['29-56', 'routine', 1, 2.9],
      ['57+', 'routine', 26, 76.5],
      ['57+', 'urgent', 5, 14.7],
    ]);
    // At the end of June 2025: B03 (closed 14 May), A03, A05 and B08 are no longer open; nothing after June counts.
    expect(table(await report('referral-backlog', { to: '2025-06-30' }))).toEqual([
      ['0-7', 1, 6.7],
      ['8-14', 1, 6.7],
      ['15-28', 1, 6.7],
      ['29-56', 2, 13.3],
      ['57+', 10, 66.7],
    ]);
  });

  it('deadlines due, met on time and late, by quarter of submission', async () => {
    expect(table(await report('referral-deadlines', { ...RANGE, period: 'quarter' }))).toEqual([
      ['2025-Q1', 9, 7, 2, 77.8],
      ['2025-Q2', 10, 8, 2, 80],
      ['2025-Q3', 8, 5, 3, 62.5],
      ['2025-Q4', 8, 6, 2, 75],
      ['2026-Q1', 5, 4, 1, 80],
    ]);
  });

  it('median days to triage and to first appointment offered', async () => {
    expect(table(await report('referral-times', { ...RANGE, period: 'quarter' }))).toEqual([
      ['2025-Q1', 8, 7, 0.5, 2, 1],
      ['2025-Q2', 10, 7, 0.5, 2, 1],
      ['2025-Q3', 7, 6, 5.3, 2, 1],
      ['2025-Q4', 9, 6, 0.5, 1, 1],
      ['2026-Q1', 6, 4, 0.5, 1, 1],
    ]);
  });
});

describe('the report service: suppression by role, freshness', () => {
  const clock = { now: () => new Date('2026-04-20T12:00:00Z') };
  const noModules = { get: () => { throw new Error('no trauma module'); } } as unknown as ModuleRef;
  const actor = (role: string): { userId: string; role: string; forceId: string } => ({ userId: 'u-1', role, forceId: force.id });

  it('HR sees small counts suppressed, with secondary suppression within each quarter; the OH manager sees them all', async () => {
    const service = new ReportsService(pool, clock, noModules, {});
    const query = { ...RANGE, period: 'quarter' };
    const hr = await service.run({ name: 'referrals-by-employment-type', query, actor: actor('hr') });
    expect(table(hr.response.rows)).toEqual([
      ['2025-Q1', 'police_officer', null, null], // 5, suppressed so that the 3 cannot be worked out
      ['2025-Q1', 'police_staff', null, null],
      ['2025-Q2', 'pcso', null, null],
      ['2025-Q2', 'police_officer', 6, 60],
      ['2025-Q2', 'police_staff', null, null],
      ['2025-Q3', 'police_officer', 7, 100],
      ['2025-Q4', 'police_officer', null, null],
      ['2025-Q4', 'police_staff', null, null],
      ['2025-Q4', 'special_constable', null, null],
      ['2026-Q1', 'police_officer', null, null],
      ['2026-Q1', 'police_staff', null, null],
    ]);
    expect(hr.response.suppression).toMatchObject({ threshold: 5, applied: true });
    expect(hr.response.suppression.cells).toContainEqual({ row: 0, column: 'referrals', reason: 'secondary' });
    expect(hr.response.filters).toEqual({ ...RANGE, period: 'quarter', groupBy: [], department: null, employmentType: null });

    const manager = await service.run({ name: 'referrals-by-employment-type', query, actor: actor('oh_manager') });
    expect(manager.response.suppression).toMatchObject({ applied: false, cells: [] });
    expect(manager.response.rows[0]).toEqual({ period: '2025-Q1', employmentType: 'police_officer', referrals: 5, percentOfPeriod: 62.5 });

    const lower = new ReportsService(pool, clock, noModules, { suppressionThreshold: 3 });
    const few = await lower.run({ name: 'referrals-by-employment-type', query, actor: actor('people_board') });
    expect(few.response.rows[0]).toMatchObject({ referrals: 5 });
    expect(few.response.rows.slice(2, 5).map((r) => r.referrals)).toEqual([null, 6, null]);
  });

  it('unknown reports, disallowed roles and bad parameters are problems', async () => {
    const service = new ReportsService(pool, clock, noModules, {});
    await expect(service.run({ name: 'nope', query: {}, actor: actor('hr') })).rejects.toMatchObject({ problem: { status: 404, field: 'name' } });
    await expect(service.run({ name: 'referral-times', query: {}, actor: actor('line_manager') })).rejects.toMatchObject({ problem: { status: 403 } });
    await expect(service.run({ name: 'referral-times', query: { period: 'fortnight' }, actor: actor('hr') })).rejects.toMatchObject({
      problem: { status: 400, field: 'period' },
    });
  });

  it('freshness: the checkpoint time, and lag 0 once the projection has applied everything in its categories', async () => {
    const name = projectionNames[0] as string;
    const fresh = await readFreshness(pool, { projection: name, categories: ['no-such-category'] }, new Date());
    expect(fresh).toMatchObject({ projection: name, status: 'running', lagSeconds: 0 });
    expect(Date.parse(fresh.checkpointAt as string)).not.toBeNaN();
    const never = await readFreshness(pool, { projection: `never-${randomUUID()}`, categories: ['referral'] }, new Date(Date.now() + 60_000));
    expect(never.checkpointAt).toBeNull();
    expect(never.lagSeconds).toBeGreaterThanOrEqual(60);
  });
});

describe('periods in SQL', () => {
  it('PostgreSQL buckets instants exactly as periodOf does', async () => {
    const instants = [
      '2025-03-30T00:59:59Z', '2025-03-30T01:00:00Z', '2025-03-31T22:59:59Z', '2025-03-31T23:00:00Z', '2025-03-31T23:30:00Z',
      '2025-06-30T22:59:59Z', '2025-06-30T23:00:00Z', '2025-09-30T23:30:00Z', '2025-10-26T00:30:00Z', '2025-12-31T23:59:59Z',
      '2026-01-01T00:00:00Z', '2026-03-31T22:30:00Z', '2026-03-31T23:30:00Z', '2027-03-31T22:59:59Z', '2027-03-31T23:00:00Z',
      '2099-04-01T12:00:00Z',
    ];
    for (const unit of ['month', 'quarter', 'financial_year'] as PeriodUnit[]) {
      const { rows } = await pool.query<{ label: string }>(
        `select ${periodSql('t', unit)} as label from unnest($1::timestamptz[]) with ordinality as x(t, n) order by n`,
        [instants],
      );
      expect(rows.map((r) => r.label)).toEqual(instants.map((i) => periodOf(i, unit)));
    }
  });
});
