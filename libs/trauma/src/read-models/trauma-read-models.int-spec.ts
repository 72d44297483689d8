import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { CommandPipeline, type StreamCodec } from '@casework/core/aggregate/command-pipeline';
import type { Decider, DomainEvent } from '@casework/core/domain/decider';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import { comparePositions, type Position, type RecordedEvent } from '@casework/core/event-store/types';
import type { Projection } from '@casework/core/projections/projection';
import { ProjectionRunner } from '@casework/core/projections/projection-runner';
import { inTransaction, testPool } from '@casework/core/testing/postgres';
import { waitFor } from '@casework/core/testing/wait-for';
import { calendarFromHolidaysFile } from '@casework/core/time/working-calendar';
import { plainCodec } from '@casework/platform/cases/case-commands';
import type { ExposedColleagueInput, IncidentCommand } from '../domain/incident/commands';
import { createIncidentDecider } from '../domain/incident/decider';
import { DEFAULT_ESTIP_POLICY } from '../domain/incident/estip-policy';
import { INCIDENT_EVENT_SCHEMA_VERSIONS, incidentStreamId, type IncidentEvent } from '../domain/incident/events';
import { DEFAULT_INCIDENT_TAXONOMY } from '../domain/incident/incident-taxonomy';
import type { IncidentState } from '../domain/incident/state';
import { command as incidentCommand, type CommandOf as IncidentCommandOf } from '../domain/incident/testing/incident-fixtures';
import type { TrimCommand } from '../domain/trim/commands';
import { createTrimDecider } from '../domain/trim/decider';
import { TRIM_EVENT_SCHEMA_VERSIONS, trimStreamId, type TrimEvent } from '../domain/trim/events';
import { DEFAULT_TRIM_POLICY } from '../domain/trim/policy';
import type { TrimState } from '../domain/trim/state';
import {
  HIGH,
  LOW,
  scores,
  command as trimCommand,
  type CommandOf as TrimCommandOf,
} from '../domain/trim/testing/trim-fixtures';
import type { SupportTaskCommand } from '../domain/exposure/commands';
import { createSupportTaskDecider } from '../domain/exposure/decider';
import { SUPPORT_TASK_EVENT_SCHEMA_VERSIONS, supportTaskStreamId, type SupportTaskEvent } from '../domain/exposure/events';
import { DEFAULT_EXPOSURE_POLICY } from '../domain/exposure/exposure-policy';
import { supportTaskRequest, thresholdCrossing } from '../domain/exposure/exposure-register';
import type { SupportTaskState } from '../domain/exposure/state';
import { DEFAULT_SUPPORT_TASK_POLICY } from '../domain/exposure/support-task-policy';
import {
  command as taskCommand,
  type CommandOf as TaskCommandOf,
} from '../domain/exposure/testing/support-task-fixtures';
import type { Exposure } from '../domain/exposure/types';
import { exposureRegister, exposureRegisterByDepartment, supportTaskQueue, type SupportTaskItem } from './exposure.queries';
import { supportTasksProjection } from './support-tasks.projection';
import { traumaProjection } from './trauma.projection';
import { estipFunnel, listIncidents, trimActivity, trimQueue, type TrimQueueItem } from './trauma.queries';

/**
 * The trauma read models fed by real events: incident, TRiM and support-task commands go
 * through the command pipeline and the real deciders into PostgreSQL, and projection
 * runners apply them.
 *
 * The event store and the read-model tables are shared with other test files, so every
 * test works in a force of its own and runs each projection under a fresh name (its own
 * checkpoint). A fresh name replays `$all` from the start and so sees other tests' cases
 * too; assertions only ever look at this test's force. Nothing is truncated.
 */

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const calendar = calendarFromHolidaysFile();
const incidentDecider = createIncidentDecider({
  policy: DEFAULT_ESTIP_POLICY,
  taxonomy: DEFAULT_INCIDENT_TAXONOMY,
  calendar,
});
const trimDecider = createTrimDecider({ policy: DEFAULT_TRIM_POLICY, calendar });
const taskDecider = createSupportTaskDecider({ policy: DEFAULT_SUPPORT_TASK_POLICY, calendar });
const incidentCodec = plainCodec<IncidentEvent>(INCIDENT_EVENT_SCHEMA_VERSIONS);
const trimCodec = plainCodec<TrimEvent>(TRIM_EVENT_SCHEMA_VERSIONS);
const taskCodec = plainCodec<SupportTaskEvent>(SUPPORT_TASK_EVENT_SCHEMA_VERSIONS);

let pool: Pool;
let store: PostgresEventStore;
let pipeline: CommandPipeline;
const runners: ProjectionRunner[] = [];
const projectionNames: string[] = [];

/** A runner for `projection` under a fresh name, so it starts from the beginning of `$all`. */
function startRunner(projection: Projection): ProjectionRunner {
  const name = `${projection.name}-test-${randomUUID()}`;
  projectionNames.push(name);
  const runner = new ProjectionRunner(pool, store, { ...projection, name }, silent, { retryDelayMs: 200 });
  runners.push(runner);
  runner.start();
  return runner;
}

interface Envelope {
  readonly type: string;
  readonly commandId: string;
  readonly now: Date;
  readonly actor: { readonly userId: string; readonly role: string };
}

interface ForceRows {
  readonly incidents: QueryResultRow[];
  readonly exposures: QueryResultRow[];
  readonly activations: QueryResultRow[];
  readonly tasks: QueryResultRow[];
}

/** One force's cases: sends their commands and reads their rows. */
class Force {
  readonly id = `force-${randomUUID()}`;
  /** Every stream this force wrote to, in first-write order. */
  readonly streams = new Set<string>();

  /** Runs one command as the HTTP edge would; a command that decides nothing is a broken test. */
  private async send<C extends Envelope, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    codec: StreamCodec<E>,
    streamId: string,
    cmd: C,
  ): Promise<S> {
    const result = await pipeline.handle(decider, codec, streamId, cmd, {
      commandId: cmd.commandId,
      correlationId: randomUUID(),
      causationId: cmd.commandId,
      actor: cmd.actor,
      forceId: this.id,
      occurredAt: cmd.now,
    });
    if (result.appended === 0) throw new Error(`${cmd.type} on ${streamId} at ${cmd.now.toISOString()} appended nothing`);
    this.streams.add(streamId);
    return result.state;
  }

  incident<Type extends IncidentCommand['type']>(
    incidentId: string,
    type: Type,
    data: IncidentCommandOf<Type>['data'],
    now: string,
  ): Promise<IncidentState> {
    const cmd: IncidentCommand = incidentCommand(type, data, now, randomUUID());
    return this.send(incidentDecider, incidentCodec, incidentStreamId(incidentId), cmd);
  }

  trim<Type extends TrimCommand['type']>(
    activationId: string,
    type: Type,
    data: TrimCommandOf<Type>['data'],
    now: string,
  ): Promise<TrimState> {
    const cmd: TrimCommand = trimCommand(type, data, now, randomUUID());
    return this.send(trimDecider, trimCodec, trimStreamId(activationId), cmd);
  }

  task<Type extends SupportTaskCommand['type']>(
    taskId: string,
    type: Type,
    data: TaskCommandOf<Type>['data'],
    now: string,
  ): Promise<SupportTaskState> {
    const cmd: SupportTaskCommand = taskCommand(type, data, now, randomUUID());
    return this.send(taskDecider, taskCodec, supportTaskStreamId(taskId), cmd);
  }

  /** Every recorded event of this force's streams that `projection` reads, in global order. */
  async events(projection: Projection): Promise<RecordedEvent[]> {
    const all: RecordedEvent[] = [];
    for (const streamId of this.streams) {
      if (projection.categories.includes(streamId.slice(0, streamId.indexOf('-')))) {
        all.push(...(await store.readStream(streamId)));
      }
    }
    return all.sort((a, b) => comparePositions(a.position, b.position));
  }

  /** Waits (bounded) until the runner has committed every event of this force it reads. */
  async caughtUp(...waitingFor: ProjectionRunner[]): Promise<void> {
    for (const runner of waitingFor) {
      const last = (await this.events(runner.projection)).at(-1);
      if (!last) continue;
      const goal: Position = last.position;
      await waitFor(
        () => {
          const { state, position, lastError } = runner.status();
          if (state === 'failed') throw new Error(`${runner.projection.name} failed: ${lastError}`);
          return position !== null && comparePositions(position, goal) >= 0;
        },
        { timeoutMs: 5_000, message: `${runner.projection.name} to project force ${this.id}` },
      );
    }
  }

  /** Whole rows of the trauma projection's tables (and the support-task queue) for this force. */
  async rows(): Promise<ForceRows> {
    const read = async (sql: string) => (await pool.query(sql, [this.id])).rows;
    return {
      incidents: await read('select * from trauma_incidents where force_id = $1 order by incident_id'),
      exposures: await read('select * from trauma_exposures where force_id = $1 order by incident_id, person_id'),
      activations: await read('select * from trim_activations where force_id = $1 order by activation_id'),
      tasks: await read('select * from support_tasks where force_id = $1 order by task_id'),
    };
  }
}

async function row(table: string, idColumn: string, id: string, db: Pool | PoolClient = pool): Promise<QueryResultRow | undefined> {
  const { rows } = await db.query(`select * from ${table} where ${idColumn} = $1`, [id]);
  return rows[0];
}

async function exposureRow(incidentId: string, personId: string, db: Pool | PoolClient = pool): Promise<QueryResultRow | undefined> {
  const { rows } = await db.query('select * from trauma_exposures where incident_id = $1 and person_id = $2', [
    incidentId,
    personId,
  ]);
  return rows[0];
}

function openDeadlineId(state: IncidentState | TrimState | SupportTaskState, kind: string): string {
  if (state.status === 'none') throw new Error('No such case');
  const deadline = state.deadlines[kind];
  if (!deadline) throw new Error(`No open ${kind} deadline`);
  return deadline.deadlineId;
}

// ---------------------------------------------------------------------------------------
// One incident's story (tests 1–3): a fatal road collision at 03:00 on Mon 2 March 2026.
// March before the 29th is GMT, so London times read the same as the UTC ones here.
// ---------------------------------------------------------------------------------------

const colleague = (personId: string, name: string, department: string): ExposedColleagueInput => ({
  personId,
  name,
  department,
  role: null,
  exposureRole: 'first_responder',
});
const ALEX = colleague('P-ALEX', 'Alex Morgan', 'Response');
const SAM = colleague('P-SAM', 'Sam Patel', 'Response');
const JO = colleague('P-JO', 'Jo Evans', 'Control Room');
/** Recorded as exposed in error (off duty that night): removed after the demobilisation. */
const KIM = colleague('P-KIM', 'Kim Lee', 'Response');
const PRACTITIONER_1 = 'u-practitioner-1';
const PRACTITIONER_2 = 'u-practitioner-2';

const T = {
  occurred: '2026-03-02T03:00:00.000Z',
  recorded: '2026-03-02T06:00:00.000Z',
  demobilisationDue: '2026-03-02T15:00:00.000Z', // 12 h after the incident
  demobilised: '2026-03-02T16:00:00.000Z', // an hour late
  trimPlanning: '2026-03-03T10:00:00.000Z',
  alexActivated: '2026-03-03T11:00:00.000Z',
  samActivated: '2026-03-03T11:30:00.000Z',
  alexAllocated: '2026-03-03T12:00:00.000Z',
  samAllocated: '2026-03-03T12:30:00.000Z',
  alexBrief: '2026-03-03T15:00:00.000Z', // 4 h after activation
  alexBriefKeyed: '2026-03-03T16:00:00.000Z',
  samBrief: '2026-03-04T09:30:00.000Z', // 22 h after activation
  samBriefKeyed: '2026-03-04T10:00:00.000Z',
  defused: '2026-03-04T14:00:00.000Z',
  alexInitial: '2026-03-05T10:00:00.000Z',
  samInitial: '2026-03-05T14:00:00.000Z',
  estim: '2026-03-09T10:00:00.000Z',
  kimRemoved: '2026-03-09T12:00:00.000Z',
  alexFollowUp: '2026-03-30T10:00:00.000Z', // BST from the 29th: 11:00 in London
  referralLinked: '2026-03-30T10:05:00.000Z',
} as const;

/** 28 days after the incident, then 5 working days (Good Friday and Easter Monday skipped): 17:00 BST. */
const FOLLOW_UP_DUE = '2026-04-08T16:00:00.000Z';
/** A follow-up with four of the ten items present: above the default threshold of 3. */
const HIGHER = scores('life_threatened', 'shame_or_guilt', 'acute_stress_symptoms', 'avoidance');

type Stage = 'recorded' | 'demobilisation overdue' | 'activated';

interface Story {
  readonly incidentId: string;
  readonly alexActivation: string;
  readonly samActivation: string;
  readonly referralId: string;
}

/**
 * 4 exposed → demobilisation (4) → TRiM planning offers 2 → defusion (3) → ESTIM (2);
 * Kim's exposure is then removed; Alex's TRiM ends in an OH referral, Sam's waits for
 * the follow-up. `at` runs at the named points, to look at the rows mid-story.
 */
async function story(force: Force, at: (stage: Stage) => Promise<void> = async () => undefined): Promise<Story> {
  const incidentId = randomUUID();
  const alexActivation = randomUUID();
  const samActivation = randomUUID();
  const referralId = randomUUID();

  const recorded = await force.incident(
    incidentId,
    'RecordIncident',
    {
      incidentId,
      type: 'fatal_road_collision',
      occurredAt: new Date(T.occurred),
      location: 'A59, Longton bypass',
      department: 'Response',
      summary: 'Two-vehicle collision; one driver died at the scene.',
      recordedBy: null,
      exposedColleagues: [ALEX, SAM, JO, KIM],
    },
    T.recorded,
  );
  await at('recorded');
  // The demobilisation timer fires at the due time: the supervisor is told.
  await force.incident(
    incidentId,
    'EscalateDeadline',
    { deadlineId: openDeadlineId(recorded, 'demobilisation'), level: 1 },
    T.demobilisationDue,
  );
  await at('demobilisation overdue');
  await force.incident(
    incidentId,
    'RecordDemobilisation',
    {
      ledBy: { personId: 'u-sergeant', lead: 'supervisor' },
      attendees: [ALEX, SAM, JO, KIM].map((c) => c.personId),
      defusionNeeded: true,
    },
    T.demobilised,
  );
  await force.incident(
    incidentId,
    'RecordTrimPlanningMeeting',
    { chairedBy: 'u-trim-coordinator', offeredRiskAssessment: [ALEX.personId, SAM.personId] },
    T.trimPlanning,
  );
  for (const [activationId, person, now] of [
    [alexActivation, ALEX, T.alexActivated],
    [samActivation, SAM, T.samActivated],
  ] as const) {
    await force.trim(
      activationId,
      'ActivateTrim',
      {
        activationId,
        personId: person.personId,
        personName: person.name,
        employmentType: 'police_officer',
        department: person.department,
        source: 'incident',
        incidentId,
        incidentOccurredAt: new Date(T.occurred),
        activatedBy: null,
      },
      now,
    );
  }
  await at('activated');
  await force.trim(alexActivation, 'AllocatePractitioner', { practitionerId: PRACTITIONER_1 }, T.alexAllocated);
  await force.trim(samActivation, 'AllocatePractitioner', { practitionerId: PRACTITIONER_2 }, T.samAllocated);
  await force.trim(alexActivation, 'RecordTraumaInterventionBrief', { deliveredAt: new Date(T.alexBrief) }, T.alexBriefKeyed);
  await force.trim(samActivation, 'RecordTraumaInterventionBrief', { deliveredAt: new Date(T.samBrief) }, T.samBriefKeyed);
  await force.incident(
    incidentId,
    'RecordDefusion',
    {
      format: 'group',
      peerDefuserId: 'u-peer',
      attendees: [ALEX.personId, SAM.personId, JO.personId],
      needingMoreSupport: [SAM.personId],
    },
    T.defused,
  );
  const assessment = (kind: 'initial' | 'follow_up', given: typeof HIGH) => ({
    kind,
    scores: given,
    notes: 'Confidential to TRiM staff.',
    practitionerRequestedReferral: false,
  });
  await force.trim(alexActivation, 'RecordRiskAssessment', assessment('initial', HIGH), T.alexInitial);
  await force.trim(samActivation, 'RecordRiskAssessment', assessment('initial', LOW), T.samInitial);
  await force.incident(
    incidentId,
    'RecordEstim',
    { attendees: [ALEX.personId, SAM.personId], includesOh: true, referredOn: [] },
    T.estim,
  );
  await force.incident(
    incidentId,
    'RemoveExposedColleague',
    { personId: KIM.personId, reason: 'Recorded in error: off duty that night' },
    T.kimRemoved,
  );
  const followedUp = await force.trim(alexActivation, 'RecordRiskAssessment', assessment('follow_up', HIGHER), T.alexFollowUp);
  if (followedUp.status !== 'referral_requested') throw new Error(`Expected a referral request, got ${followedUp.status}`);
  // What the TRiM → OH process manager sends once it has opened the referral.
  await force.trim(alexActivation, 'RecordReferralOpened', { referralId }, T.referralLinked);
  return { incidentId, alexActivation, samActivation, referralId };
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

describe('trauma projection (incidents, exposures, TRiM activations)', () => {
  it('follows an incident through ESTIP and two TRiM activations into the funnel, the TRiM queue and the incident list', async () => {
    const force = new Force();
    const runner = startRunner(traumaProjection);
    const page = { page: 1, pageSize: 50 };
    const incidents = () => listIncidents(pool, { forceId: force.id, ...page });
    const queueIds = async (view: 'mine' | 'unallocated' | 'overdue' | 'all', userId = 'u-nobody', includeEnded = false) =>
      (await trimQueue(pool, { forceId: force.id, userId, view, includeEnded, ...page })).items.map((i) => i.activationId);

    let activations: readonly TrimQueueItem[] = [];
    const s = await story(force, async (stage) => {
      await force.caughtUp(runner);
      if (stage === 'recorded') {
        expect((await incidents()).items).toMatchObject([
          {
            status: 'open',
            exposed: 4,
            stages: {},
            nextDeadline: { kind: 'demobilisation', dueAt: T.demobilisationDue },
            overdue: false,
            escalationLevel: 0,
          },
        ]);
        expect((await listIncidents(pool, { forceId: force.id, overdue: true, ...page })).items).toEqual([]);
      } else if (stage === 'demobilisation overdue') {
        const overdue = await listIncidents(pool, { forceId: force.id, overdue: true, ...page });
        expect(overdue.items).toMatchObject([{ nextDeadline: { kind: 'demobilisation' }, overdue: true, escalationLevel: 1 }]);
      } else {
        // Nobody allocated yet: the coordinator's queue, soonest trauma brief first.
        activations = (await trimQueue(pool, { forceId: force.id, userId: 'u-nobody', view: 'unallocated', ...page })).items;
      }
    });
    await force.caughtUp(runner);

    expect(activations.map((a) => [a.activationId, a.status, a.nextDeadline])).toEqual([
      [s.alexActivation, 'awaiting_practitioner', { kind: 'trauma-brief', dueAt: '2026-03-04T11:00:00.000Z' }],
      [s.samActivation, 'awaiting_practitioner', { kind: 'trauma-brief', dueAt: '2026-03-04T11:30:00.000Z' }],
    ]);

    // The funnel counts people, not removed exposures: Kim (demobilised only) drops out everywhere.
    expect(await estipFunnel(pool, { forceId: force.id })).toEqual([
      {
        incidentType: 'fatal_road_collision',
        department: 'Control Room',
        incidents: 1,
        exposed: 1,
        demobilised: 1,
        defused: 1,
        estim: 0,
        trimOffered: 0,
        trimActivated: 0,
        ohReferred: 0,
      },
      {
        incidentType: 'fatal_road_collision',
        department: 'Response',
        incidents: 1,
        exposed: 2,
        demobilised: 2,
        defused: 2,
        estim: 2,
        trimOffered: 2,
        trimActivated: 2,
        ohReferred: 1,
      },
    ]);
    expect(await estipFunnel(pool, { forceId: force.id, from: '2026-03-03' })).toEqual([]);
    expect(await estipFunnel(pool, { forceId: force.id, from: '2026-03-02', to: '2026-03-02' })).toHaveLength(2);
    expect(await exposureRow(s.incidentId, KIM.personId)).toMatchObject({
      removed: true,
      demobilised: true,
      defused: false,
      estim: false,
      trim_offered: false,
      trim_activated: false,
      oh_referred: false,
    });
    expect(await exposureRow(s.incidentId, ALEX.personId)).toMatchObject({
      force_id: force.id,
      name: 'Alex Morgan',
      department: 'Response',
      exposure_role: 'first_responder',
      incident_type: 'fatal_road_collision',
      severity_weight: '2',
      occurred_at: new Date(T.occurred),
      removed: false,
      demobilised: true,
      defused: true,
      estim: true,
      trim_offered: true,
      trim_activated: true,
      oh_referred: true,
    });

    expect(await row('trim_activations', 'activation_id', s.alexActivation)).toMatchObject({
      force_id: force.id,
      person_id: ALEX.personId,
      person_name: 'Alex Morgan',
      department: 'Response',
      source: 'incident',
      incident_id: s.incidentId,
      status: 'referred',
      practitioner_id: PRACTITIONER_1,
      activated_at: new Date(T.alexActivated),
      first_contact_at: new Date(T.alexBrief),
      initial_total: 3,
      initial_at_or_above: true,
      follow_up_total: 4,
      follow_up_at_or_above: true,
      referral_requested: true,
      referral_id: s.referralId,
      outcome: null,
      ended_at: null,
      deadlines: {},
      next_deadline_kind: null,
      next_deadline_at: null,
      overdue: false,
      escalation_level: 0,
      updated_at: new Date(T.referralLinked),
    });
    expect(await row('trim_activations', 'activation_id', s.samActivation)).toMatchObject({
      person_id: SAM.personId,
      status: 'awaiting_follow_up',
      practitioner_id: PRACTITIONER_2,
      first_contact_at: new Date(T.samBrief),
      initial_total: 1,
      initial_at_or_above: false,
      follow_up_total: null,
      follow_up_at_or_above: null,
      referral_requested: false,
      referral_id: null,
      next_deadline_kind: 'follow-up-assessment',
      next_deadline_at: new Date(FOLLOW_UP_DUE),
      overdue: false,
      updated_at: new Date(T.samInitial),
    });

    // The TRiM queue: a deadline due before none at all; each practitioner sees their own.
    expect(await queueIds('all')).toEqual([s.samActivation, s.alexActivation]);
    expect(await queueIds('mine', PRACTITIONER_1)).toEqual([s.alexActivation]);
    expect(await queueIds('unallocated')).toEqual([]);
    expect(await queueIds('overdue')).toEqual([]);
    const queue = await trimQueue(pool, { forceId: force.id, userId: PRACTITIONER_1, view: 'mine', ...page });
    expect(queue).toEqual({
      items: [
        {
          activationId: s.alexActivation,
          personId: ALEX.personId,
          personName: 'Alex Morgan',
          department: 'Response',
          source: 'incident',
          incidentId: s.incidentId,
          status: 'referred',
          practitionerId: PRACTITIONER_1,
          activatedAt: T.alexActivated,
          firstContactAt: T.alexBrief,
          initialTotal: 3,
          followUpTotal: 4,
          atOrAboveThreshold: true,
          referralId: s.referralId,
          outcome: null,
          nextDeadline: null,
          overdue: false,
          escalationLevel: 0,
        },
      ],
      page: 1,
      pageSize: 50,
      total: 1,
    });

    // Hours to the trauma brief: 4 (Alex) and 22 (Sam), so a median of 13.
    expect(await trimActivity(pool, { forceId: force.id })).toEqual([
      { month: '2026-03', department: 'Response', outcome: 'open', activations: 2, contacted: 2, medianHoursToFirstContact: 13 },
    ]);

    const list = await incidents();
    expect(list).toEqual({
      items: [
        {
          incidentId: s.incidentId,
          incidentType: 'fatal_road_collision',
          typeLabel: 'Fatal road collision',
          severityWeight: 2,
          department: 'Response',
          location: 'A59, Longton bypass',
          occurredAt: T.occurred,
          status: 'open',
          exposed: 3,
          stages: { demobilisation: 'held', trim_planning: 'held', defusion: 'held', estim: 'held' },
          nextDeadline: null,
          overdue: false,
          escalationLevel: 0,
        },
      ],
      page: 1,
      pageSize: 50,
      total: 1,
    });
    expect((await listIncidents(pool, { forceId: force.id, status: 'closed', ...page })).total).toBe(0);
    expect((await listIncidents(pool, { forceId: force.id, department: 'Custody', ...page })).total).toBe(0);
    expect((await listIncidents(pool, { forceId: `force-${randomUUID()}`, ...page })).total).toBe(0);
  });

  it('a brief keyed in after the initial assessment leaves the activation awaiting its follow-up', async () => {
    // The brief is not a precondition of the assessment (decider.assessment.spec), so it
    // may be recorded after it; the activation is then still waiting for its follow-up.
    const force = new Force();
    const runner = startRunner(traumaProjection);
    const activationId = randomUUID();
    await force.trim(
      activationId,
      'ActivateTrim',
      {
        activationId,
        personId: 'P-SELF',
        personName: 'Robin Shaw',
        employmentType: 'police_staff',
        department: 'Custody',
        source: 'self_referral',
        incidentId: null,
        incidentOccurredAt: null,
        activatedBy: null,
      },
      '2026-03-03T09:00:00.000Z',
    );
    await force.trim(activationId, 'AllocatePractitioner', { practitionerId: PRACTITIONER_1 }, '2026-03-03T10:00:00.000Z');
    await force.trim(
      activationId,
      'RecordRiskAssessment',
      { kind: 'initial', scores: LOW, notes: 'Confidential.', practitionerRequestedReferral: false },
      '2026-03-04T10:00:00.000Z',
    );
    await force.trim(
      activationId,
      'RecordTraumaInterventionBrief',
      { deliveredAt: new Date('2026-03-03T15:00:00.000Z') },
      '2026-03-04T11:00:00.000Z',
    );
    await force.caughtUp(runner);
    expect(await row('trim_activations', 'activation_id', activationId)).toMatchObject({
      status: 'awaiting_follow_up',
      first_contact_at: new Date('2026-03-03T15:00:00.000Z'),
      initial_total: 1,
      next_deadline_kind: 'follow-up-assessment',
    });
  });

  it('applying the events again (a batch re-run after a crash) leaves every row exactly as one application did', async () => {
    const force = new Force();
    const s = await story(force);
    const events = await force.events(traumaProjection);
    expect(new Set(events.map((e) => e.streamId))).toEqual(
      new Set([incidentStreamId(s.incidentId), trimStreamId(s.alexActivation), trimStreamId(s.samActivation)]),
    );

    await inTransaction(pool, async (tx) => {
      for (const event of events) await traumaProjection.handle(event, tx);
    });
    const once = await force.rows();
    expect(once.incidents).toHaveLength(1);
    expect(once.exposures.map((e) => [e.person_id, e.removed])).toEqual(
      [ALEX, JO, KIM, SAM].map((c) => [c.personId, c === KIM]),
    );
    expect(once.activations.map((a) => a.status).sort()).toEqual(['awaiting_follow_up', 'referred']);

    // Every event delivered again onto the up-to-date rows: none may move any of them, not
    // even transiently (a later event of the batch must not be what puts a row right).
    const label = (event: RecordedEvent) => `${event.streamId.slice(0, event.streamId.indexOf('-'))}@${event.revision}:${event.type}`;
    const moved: string[] = [];
    await inTransaction(pool, async (tx) => {
      const snapshot = async (): Promise<Map<string, QueryResultRow | undefined>> => {
        const rows = new Map<string, QueryResultRow | undefined>();
        rows.set('incident', await row('trauma_incidents', 'incident_id', s.incidentId, tx));
        for (const c of [ALEX, SAM, JO, KIM]) rows.set(`exposure ${c.personId}`, await exposureRow(s.incidentId, c.personId, tx));
        rows.set('activation Alex', await row('trim_activations', 'activation_id', s.alexActivation, tx));
        rows.set('activation Sam', await row('trim_activations', 'activation_id', s.samActivation, tx));
        return rows;
      };
      const before = await snapshot();
      let previous = before;
      for (const event of events) {
        await traumaProjection.handle(event, tx);
        const now = await snapshot();
        for (const [key, value] of now) {
          const changed = !isDeepStrictEqual(value, previous.get(key));
          if (changed) moved.push(`${key} ${isDeepStrictEqual(value, before.get(key)) ? 'restored' : 'moved'} by ${label(event)}`);
        }
        previous = now;
      }
    });
    expect(moved).toEqual([]);
    expect(await force.rows()).toEqual(once);

    // From scratch, each event delivered twice in a row.
    await pool.query('delete from trauma_incidents where force_id = $1', [force.id]);
    await pool.query('delete from trauma_exposures where force_id = $1', [force.id]);
    await pool.query('delete from trim_activations where force_id = $1', [force.id]);
    await inTransaction(pool, async (tx) => {
      for (const event of events) {
        await traumaProjection.handle(event, tx);
        await traumaProjection.handle(event, tx);
      }
    });
    expect(await force.rows()).toEqual(once);
  });

  it('a rebuild from the start of the log gives rows identical to the live projection', async () => {
    const force = new Force();
    const live = startRunner(traumaProjection);
    // Commands run while the runner projects, so the live batches cut the streams anywhere.
    const s = await story(force);
    await force.caughtUp(live);
    const before = await force.rows();
    expect(before.incidents.map((i) => [i.incident_id, i.exposed])).toEqual([[s.incidentId, 3]]);
    expect(before.exposures).toHaveLength(4);
    expect(before.activations).toHaveLength(2);
    await live.stop();

    await pool.query('delete from trauma_incidents where force_id = $1', [force.id]);
    await pool.query('delete from trauma_exposures where force_id = $1', [force.id]);
    await pool.query('delete from trim_activations where force_id = $1', [force.id]);
    expect(await force.rows()).toEqual({ incidents: [], exposures: [], activations: [], tasks: [] });
    const rebuilt = startRunner(traumaProjection);
    await force.caughtUp(rebuilt);
    expect(await force.rows()).toEqual(before);
  });
});

describe('repeat exposure: the register and the support-task queue', () => {
  const ASOF = '2026-03-10T12:00:00.000Z';
  const COORDINATOR = 'u-coordinator';
  const RILEY = colleague('P-RILEY', 'Riley Quinn', 'Response');
  const CASEY = colleague('P-CASEY', 'Casey Hart', 'Response');
  const DREW = colleague('P-DREW', 'Drew Patel', 'Custody');

  it('ranks people by weighted exposure, flags who is over the threshold, and works a support task to closure', async () => {
    const force = new Force();
    const trauma = startRunner(traumaProjection);
    const tasks = startRunner(supportTasksProjection);

    const incident = async (type: string, occurredAt: string, people: readonly ExposedColleagueInput[]): Promise<string> => {
      const incidentId = randomUUID();
      await force.incident(
        incidentId,
        'RecordIncident',
        {
          incidentId,
          type,
          occurredAt: new Date(occurredAt),
          location: 'Preston',
          department: 'Response',
          summary: 'Operational summary.',
          recordedBy: null,
          exposedColleagues: people,
        },
        new Date(Date.parse(occurredAt) + 3_600_000).toISOString(),
      );
      return incidentId;
    };
    // Riley: three ordinary exposures in 90 days (count 3), one more recorded in error.
    await incident('other', '2026-01-15T10:00:00.000Z', [RILEY]);
    await incident('other', '2026-02-10T10:00:00.000Z', [RILEY]);
    await incident('other', '2026-03-02T10:00:00.000Z', [RILEY]);
    const firearms = await incident('firearms_discharge', '2026-03-05T10:00:00.000Z', [CASEY, RILEY]);
    await force.incident(firearms, 'RemoveExposedColleague', { personId: RILEY.personId, reason: 'Not there' }, '2026-03-06T09:00:00.000Z');
    // Casey: two severe exposures (weight 3 + 3 = 6), and one after the register's date.
    await incident('death_of_child', '2026-02-20T10:00:00.000Z', [CASEY]);
    await incident('other', '2026-03-10T15:00:00.000Z', [CASEY]);
    // Drew: one weight-2 exposure in 90 days, one in the year, one too old to count.
    await incident('fatal_road_collision', '2026-03-01T10:00:00.000Z', [DREW]);
    await incident('other', '2025-09-01T10:00:00.000Z', [DREW]);
    await incident('other', '2025-01-05T10:00:00.000Z', [DREW]);
    await force.caughtUp(trauma);

    const asOf = new Date(ASOF);
    const register = (extra: { department?: string; aboveThresholdOnly?: boolean; page?: number; pageSize?: number } = {}) =>
      exposureRegister(pool, { forceId: force.id, asOf, policy: DEFAULT_EXPOSURE_POLICY, page: 1, pageSize: 50, ...extra });
    const windows = (...tallies: [number, number][]) =>
      [30, 90, 365].map((days, i) => ({ days, count: tallies[i]?.[0], weightedSum: tallies[i]?.[1] }));

    const all = await register();
    expect(all).toEqual({
      items: [
        {
          personId: CASEY.personId,
          name: 'Casey Hart',
          department: 'Response',
          aboveThreshold: true,
          summary: { asOf: ASOF, windows: windows([2, 6], [2, 6], [2, 6]) },
        },
        {
          personId: RILEY.personId,
          name: 'Riley Quinn',
          department: 'Response',
          aboveThreshold: true,
          summary: { asOf: ASOF, windows: windows([2, 2], [3, 3], [3, 3]) },
        },
        {
          personId: DREW.personId,
          name: 'Drew Patel',
          department: 'Custody',
          aboveThreshold: false,
          summary: { asOf: ASOF, windows: windows([1, 2], [1, 2], [2, 3]) },
        },
      ],
      page: 1,
      pageSize: 50,
      total: 3,
    });
    expect((await register({ aboveThresholdOnly: true })).items.map((e) => e.personId)).toEqual([CASEY.personId, RILEY.personId]);
    expect((await register({ department: 'Custody' })).items.map((e) => e.personId)).toEqual([DREW.personId]);
    expect(await register({ page: 2, pageSize: 1 })).toMatchObject({ items: [{ personId: RILEY.personId }], total: 3 });
    expect(await exposureRegisterByDepartment(pool, { forceId: force.id, asOf, policy: DEFAULT_EXPOSURE_POLICY })).toEqual([
      { department: 'Custody', peopleExposed: 1, peopleAboveThreshold: 0, exposures: 2 },
      { department: 'Response', peopleExposed: 2, peopleAboveThreshold: 2, exposures: 5 },
    ]);

    // Raise a task for each of the two people over the threshold, from their projected exposures.
    const raise = async (person: ExposedColleagueInput, now: string) => {
      const { rows } = await pool.query(
        'select * from trauma_exposures where force_id = $1 and person_id = $2',
        [force.id, person.personId],
      );
      const exposures: Exposure[] = rows.map((r) => ({
        exposureId: `${r.incident_id}:${r.person_id}`,
        incidentId: r.incident_id,
        personId: r.person_id,
        incidentType: r.incident_type,
        severityWeight: Number(r.severity_weight),
        occurredAt: (r.occurred_at as Date).toISOString(),
        removed: r.removed,
      }));
      const crossing = thresholdCrossing(exposures, asOf, DEFAULT_EXPOSURE_POLICY, []);
      if (!crossing.raise) throw new Error(`${person.personId} raises no task: ${crossing.reason}`);
      const data = supportTaskRequest(crossing, { personName: person.name, department: person.department });
      const state = await force.task(data.taskId, 'RaiseSupportTask', data, now);
      return { taskId: data.taskId, data, state };
    };
    const riley = await raise(RILEY, '2026-03-10T13:00:00.000Z');
    const casey = await raise(CASEY, '2026-03-10T14:00:00.000Z');
    // Riley crossed with her third ordinary exposure, Casey with the firearms discharge (weight 6).
    expect(riley.data.exposures.map((e) => e.occurredAt)).toEqual([
      '2026-01-15T10:00:00.000Z',
      '2026-02-10T10:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
    ]);
    expect(casey.data.triggeringExposureId).toBe(`${firearms}:${CASEY.personId}`);

    const names = new Map([
      [riley.taskId, 'riley'],
      [casey.taskId, 'casey'],
    ]);
    type View = 'mine' | 'unassigned' | 'overdue' | 'all';
    const queue = (view: View = 'all', includeClosed = false) =>
      supportTaskQueue(pool, { forceId: force.id, userId: COORDINATOR, view, includeClosed, page: 1, pageSize: 50 });
    const order = async (view: View = 'all', includeClosed = false) =>
      (await queue(view, includeClosed)).items.map((item) => names.get(item.taskId) ?? item.taskId);
    const item = async (taskId: string): Promise<SupportTaskItem | undefined> =>
      (await queue('all', true)).items.find((i) => i.taskId === taskId);
    const FIRST_CONTACT = { kind: 'first-contact', dueAt: '2026-03-12T17:00:00.000Z' };

    await force.caughtUp(tasks);
    expect(await item(riley.taskId)).toEqual({
      taskId: riley.taskId,
      personId: RILEY.personId,
      personName: 'Riley Quinn',
      department: 'Response',
      status: 'awaiting_contact',
      coordinatorId: null,
      raisedAt: '2026-03-10T13:00:00.000Z',
      exposures: riley.data.exposures,
      summary: riley.data.summary,
      lastOffer: null,
      lastResponse: null,
      outcome: null,
      nextDeadline: FIRST_CONTACT,
      overdue: false,
      escalationLevel: 0,
    });
    expect(await order()).toEqual(['riley', 'casey']);
    expect(await order('unassigned')).toEqual(['riley', 'casey']);
    expect(await order('mine')).toEqual([]);
    expect(await order('overdue')).toEqual([]);

    await force.task(riley.taskId, 'AssignCoordinator', { coordinatorId: COORDINATOR }, '2026-03-11T09:00:00.000Z');
    await force.task(riley.taskId, 'RecordContact', { method: 'telephone', reached: false, note: 'Voicemail' }, '2026-03-11T10:00:00.000Z');
    await force.caughtUp(tasks);
    expect(await order('mine')).toEqual(['riley']);
    expect(await order('unassigned')).toEqual(['casey']);
    expect(await item(riley.taskId)).toMatchObject({
      status: 'awaiting_contact',
      coordinatorId: COORDINATOR,
      nextDeadline: FIRST_CONTACT,
    });

    await force.task(riley.taskId, 'RecordContact', { method: 'in_person', reached: true, note: null }, '2026-03-11T14:00:00.000Z');
    const offered = await force.task(riley.taskId, 'RecordSupportOffer', { offer: 'peer_support', note: null }, '2026-03-11T14:30:00.000Z');
    // Casey's first contact falls due unmet: the timer tells the owner.
    await force.task(
      casey.taskId,
      'EscalateDeadline',
      { deadlineId: openDeadlineId(casey.state, 'first-contact'), level: 1 },
      FIRST_CONTACT.dueAt,
    );
    await force.caughtUp(tasks);
    expect(await item(riley.taskId)).toMatchObject({
      status: 'in_contact',
      lastOffer: 'peer_support',
      lastResponse: null,
      nextDeadline: null,
      overdue: false,
    });
    expect(await item(casey.taskId)).toMatchObject({ nextDeadline: FIRST_CONTACT, overdue: true, escalationLevel: 1 });
    expect(await order('overdue')).toEqual(['casey']);
    expect(await order()).toEqual(['casey', 'riley']);

    if (offered.status === 'none') throw new Error('No task');
    const offerId = offered.offers.at(-1)?.offerId ?? '';
    await force.task(riley.taskId, 'RecordOfferResponse', { offerId, response: 'accepted', reason: null }, '2026-03-13T10:00:00.000Z');
    await force.task(riley.taskId, 'CloseSupportTask', { outcome: 'support_accepted', note: null }, '2026-03-16T10:00:00.000Z');
    await force.caughtUp(tasks);
    expect(await item(riley.taskId)).toMatchObject({
      status: 'closed',
      coordinatorId: COORDINATOR,
      lastOffer: 'peer_support',
      lastResponse: 'accepted',
      outcome: 'support_accepted',
      nextDeadline: null,
      overdue: false,
    });
    expect(await row('support_tasks', 'task_id', riley.taskId)).toMatchObject({
      closed_at: new Date('2026-03-16T10:00:00.000Z'),
      updated_at: new Date('2026-03-16T10:00:00.000Z'),
      deadlines: {},
    });
    expect(await order()).toEqual(['casey']);
    expect(await order('mine')).toEqual([]);
    expect(await order('mine', true)).toEqual(['riley']);
    expect(await order('unassigned', true)).toEqual(['casey']);
    expect(await order('all', true)).toEqual(['casey', 'riley']);
    expect((await queue('all', true)).total).toBe(2);
    expect(
      await supportTaskQueue(pool, { forceId: `force-${randomUUID()}`, userId: COORDINATOR, view: 'all', includeClosed: true, page: 1, pageSize: 50 }),
    ).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });

    // The task rows survive a re-delivery of every support-task event unchanged.
    const before = (await force.rows()).tasks;
    expect(before).toHaveLength(2);
    const events = await force.events(supportTasksProjection);
    await inTransaction(pool, async (tx) => {
      for (const event of events) await supportTasksProjection.handle(event, tx);
    });
    expect((await force.rows()).tasks).toEqual(before);
  });
});
