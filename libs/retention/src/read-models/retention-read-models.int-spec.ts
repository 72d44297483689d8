import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { CommandPipeline, type StreamCodec } from '@casework/core/aggregate/command-pipeline';
import type { Decider, DomainEvent } from '@casework/core/domain/decider';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import { comparePositions, type Position, type RecordedEvent } from '@casework/core/event-store/types';
import { ProjectionRunner } from '@casework/core/projections/projection-runner';
import { inTransaction, testPool } from '@casework/core/testing/postgres';
import { waitFor } from '@casework/core/testing/wait-for';
import { calendarFromHolidaysFile } from '@casework/core/time/working-calendar';
import { plainCodec } from '@casework/platform/cases/case-commands';
import type { ExitCommand } from '../domain/exit/commands';
import { createExitDecider } from '../domain/exit/decider';
import { EXIT_EVENT_SCHEMA_VERSIONS, exitStreamId, type ExitEvent } from '../domain/exit/events';
import { DEFAULT_EXIT_POLICY } from '../domain/exit/policy';
import type { ExitState } from '../domain/exit/state';
import { command as exitCommand, type CommandOf as ExitCommandOf } from '../domain/exit/testing/exit-fixtures';
import type { ExitDemographics, LeavingReason } from '../domain/exit/types';
import type { StayCommand } from '../domain/stay/commands';
import { createStayDecider } from '../domain/stay/decider';
import { STAY_EVENT_SCHEMA_VERSIONS, stayStreamId, type StayEvent } from '../domain/stay/events';
import { DEFAULT_STAY_POLICY } from '../domain/stay/policy';
import type { StayState } from '../domain/stay/state';
import { command as stayCommand, type CommandOf as StayCommandOf } from '../domain/stay/testing/stay-fixtures';
import type { EmploymentType } from '../domain/stay/types';
import type { WelfareCommand } from '../domain/welfare/commands';
import { createWelfareDecider } from '../domain/welfare/decider';
import { WELFARE_EVENT_SCHEMA_VERSIONS, welfareStreamId, type WelfareEvent } from '../domain/welfare/events';
import { DEFAULT_WELFARE_POLICY } from '../domain/welfare/policy';
import type { WelfareState } from '../domain/welfare/state';
import {
  command as welfareCommand,
  type CommandOf as WelfareCommandOf,
} from '../domain/welfare/testing/welfare-fixtures';
import { retentionProjection } from './retention.projection';
import {
  caseQueue,
  interviewThemes,
  leaversReport,
  retentionAfterInterview,
  wloCompliance,
  type LeaverDimension,
  type LeaverRow,
  type QueuePage,
} from './retention.queries';

/**
 * The retention read models fed by real events: stay-interview, exit and welfare-liaison
 * commands go through the command pipeline and the real deciders into PostgreSQL, and a
 * projection runner applies them to `stay_interviews`, `exit_cases` and `welfare_cases`.
 *
 * The event store and the tables are shared with other test files, so every test works in
 * a force of its own and runs the projection under a fresh name (its own checkpoint). A
 * fresh name replays `$all` from the start and so sees other tests' cases too; assertions
 * only ever look at this test's force. Nothing is truncated.
 *
 * All business times are fixed and in the past. Before Sunday 29 March 2026 London is on
 * GMT (London times read as the UTC ones written here); from then on it is BST.
 */

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const calendar = calendarFromHolidaysFile();
const stayDecider = createStayDecider({ policy: DEFAULT_STAY_POLICY, calendar });
const exitDecider = createExitDecider({ policy: DEFAULT_EXIT_POLICY, calendar });
const welfareDecider = createWelfareDecider({ policy: DEFAULT_WELFARE_POLICY, calendar });
const stayCodec = plainCodec<StayEvent>(STAY_EVENT_SCHEMA_VERSIONS);
const exitCodec = plainCodec<ExitEvent>(EXIT_EVENT_SCHEMA_VERSIONS);
const welfareCodec = plainCodec<WelfareEvent>(WELFARE_EVENT_SCHEMA_VERSIONS);

let pool: Pool;
let store: PostgresEventStore;
let pipeline: CommandPipeline;
const runners: ProjectionRunner[] = [];
const projectionNames: string[] = [];

/** A runner for the retention projection under a fresh name, so it starts from the beginning of `$all`. */
function startRunner(): ProjectionRunner {
  const name = `${retentionProjection.name}-test-${randomUUID()}`;
  projectionNames.push(name);
  const runner = new ProjectionRunner(pool, store, { ...retentionProjection, name }, silent, { retryDelayMs: 200 });
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

type AnyState = StayState | ExitState | WelfareState;

interface ForceRows {
  readonly stays: QueryResultRow[];
  readonly exits: QueryResultRow[];
  readonly welfare: QueryResultRow[];
}

type View = 'mine' | 'unassigned' | 'overdue' | 'all';
type QueueTable = 'stay_interviews' | 'exit_cases' | 'welfare_cases';

/** One force's cases: sends their commands and reads their rows and reports. */
class Force {
  readonly id = `force-${randomUUID()}`;
  /** Every stream this force wrote to, with the state its last command left. */
  private readonly states = new Map<string, AnyState>();

  /** Runs one command as the HTTP edge would; a command that decides nothing is a broken test. */
  private async send<C extends Envelope, E extends DomainEvent, S extends AnyState>(
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
    this.states.set(streamId, result.state);
    return result.state;
  }

  stay<Type extends StayCommand['type']>(stayId: string, type: Type, data: StayCommandOf<Type>['data'], now: string): Promise<StayState> {
    const cmd: StayCommand = stayCommand(type, data, now, randomUUID());
    return this.send(stayDecider, stayCodec, stayStreamId(stayId), cmd);
  }

  exit<Type extends ExitCommand['type']>(exitId: string, type: Type, data: ExitCommandOf<Type>['data'], now: string): Promise<ExitState> {
    const cmd: ExitCommand = exitCommand(type, data, now, randomUUID());
    return this.send(exitDecider, exitCodec, exitStreamId(exitId), cmd);
  }

  welfare<Type extends WelfareCommand['type']>(
    caseId: string,
    type: Type,
    data: WelfareCommandOf<Type>['data'],
    now: string,
  ): Promise<WelfareState> {
    const cmd: WelfareCommand = welfareCommand(type, data, now, randomUUID());
    return this.send(welfareDecider, welfareCodec, welfareStreamId(caseId), cmd);
  }

  /** The open deadline of `kind` on a stream, as its last command left it. */
  deadlineId(streamId: string, kind: string): string {
    const state = this.states.get(streamId);
    if (!state || state.status === 'none') throw new Error(`No case on ${streamId}`);
    const deadline = state.deadlines[kind];
    if (!deadline) throw new Error(`No open ${kind} deadline on ${streamId}`);
    return deadline.deadlineId;
  }

  /** What a deadline timer sends when a rung falls due. */
  escalateStay(stayId: string, kind: string, level: number, now: string): Promise<StayState> {
    return this.stay(stayId, 'EscalateDeadline', { deadlineId: this.deadlineId(stayStreamId(stayId), kind), level }, now);
  }

  escalateWelfare(caseId: string, kind: string, level: number, now: string): Promise<WelfareState> {
    const deadlineId = this.deadlineId(welfareStreamId(caseId), kind);
    return this.welfare(caseId, 'EscalateDeadline', { deadlineId, level }, now);
  }

  /** Every recorded event of this force's streams, in global order. */
  async events(): Promise<RecordedEvent[]> {
    const all: RecordedEvent[] = [];
    for (const streamId of this.states.keys()) all.push(...(await store.readStream(streamId)));
    return all.sort((a, b) => comparePositions(a.position, b.position));
  }

  /** Waits (bounded) until the runner has committed every event of this force. */
  async caughtUp(runner: ProjectionRunner): Promise<void> {
    let target: Position | null = null;
    for (const streamId of this.states.keys()) {
      const [last] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
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

  /** Whole rows of the three tables for this force. */
  async rows(db: Pool | PoolClient = pool): Promise<ForceRows> {
    const read = async (sql: string) => (await db.query(sql, [this.id])).rows;
    return {
      stays: await read('select * from stay_interviews where force_id = $1 order by stay_id'),
      exits: await read('select * from exit_cases where force_id = $1 order by exit_id'),
      welfare: await read('select * from welfare_cases where force_id = $1 order by case_id'),
    };
  }

  async deleteRows(): Promise<void> {
    for (const table of ['stay_interviews', 'exit_cases', 'welfare_cases']) {
      await pool.query(`delete from ${table} where force_id = $1`, [this.id]);
    }
  }

  queue(table: QueueTable, options: { view?: View; userId?: string; includeClosed?: boolean; page?: number; pageSize?: number } = {}): Promise<QueuePage> {
    return caseQueue(pool, table, {
      forceId: this.id,
      userId: options.userId ?? 'u-nobody',
      view: options.view ?? 'all',
      includeClosed: options.includeClosed ?? false,
      page: options.page ?? 1,
      pageSize: options.pageSize ?? 50,
    });
  }

  leavers(by: readonly LeaverDimension[], period: { from?: string; to?: string } = {}): Promise<LeaverRow[]> {
    return leaversReport(pool, { forceId: this.id, by, ...period });
  }
}

async function row(table: string, idColumn: string, id: string): Promise<QueryResultRow | undefined> {
  const { rows } = await pool.query(`select * from ${table} where ${idColumn} = $1`, [id]);
  return rows[0];
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

// ---------------------------------------------------------------------------------------
// Stories, shared by the report tests and the replay/rebuild test.
// ---------------------------------------------------------------------------------------

const LINE_MANAGER = 'u-line-manager';
const INTERVIEWER = 'u-interviewer';

interface StayPerson {
  readonly name: string;
  readonly department: string;
  readonly isStudentOfficer: boolean;
  readonly employmentType?: EmploymentType;
}

function stayRequest(stayId: string, person: StayPerson): StayCommandOf<'RequestStayInterview'>['data'] {
  return {
    stayInterviewId: stayId,
    personId: `P-${stayId.slice(0, 8)}`,
    personName: person.name,
    employmentType: person.employmentType ?? 'police_officer',
    department: person.department,
    lineManagerId: LINE_MANAGER,
    startDate: '2024-09-02',
    isStudentOfficer: person.isStudentOfficer,
    source: 'self',
    concerns: 'Finding the shift pattern hard',
    intentToLeave: 'considering',
    requestedBy: null,
  };
}

interface Leaver {
  readonly name: string;
  readonly reason: LeavingReason;
  readonly employmentType: EmploymentType;
  readonly department: string;
  readonly startDate: string;
  readonly leavingDate: string;
  readonly demographics: ExitDemographics;
}

function notice(exitId: string, leaver: Leaver): ExitCommandOf<'NotifyLeaving'>['data'] {
  return {
    exitId,
    person: {
      personId: `P-${exitId.slice(0, 8)}`,
      name: leaver.name,
      employmentType: leaver.employmentType,
      department: leaver.department,
      lineManagerId: LINE_MANAGER,
      startDate: leaver.startDate,
    },
    demographics: leaver.demographics,
    leavingDate: leaver.leavingDate,
    reason: leaver.reason,
    optOutOfLineManager: false,
  };
}

/** An exit interview held at `heldAt`, keyed in an hour later, with its drivers half an hour after that. */
async function interviewed(force: Force, exitId: string, allocatedAt: string, heldAt: string, drivers: readonly string[]) {
  const plus = (minutes: number) => new Date(Date.parse(heldAt) + minutes * 60_000).toISOString();
  await force.exit(exitId, 'AllocateExitInterviewer', { interviewerId: INTERVIEWER }, allocatedAt);
  await force.exit(exitId, 'RecordExitInterview', { heldAt: new Date(heldAt), summary: 'Talked it through' }, plus(60));
  await force.exit(exitId, 'RecordExitDrivers', { codes: drivers, note: null }, plus(90));
}

/** A stay interview requested, allocated an hour later, and held; `keyedAt` defaults to two hours after `heldAt`. */
async function stayHeld(
  force: Force,
  person: StayPerson,
  requestedAt: string,
  heldAt: string,
  themes: readonly string[],
  keyedAt?: string,
): Promise<string> {
  const stayId = randomUUID();
  const hourAfter = (at: string, hours: number) => new Date(Date.parse(at) + hours * 3_600_000).toISOString();
  await force.stay(stayId, 'RequestStayInterview', stayRequest(stayId, person), requestedAt);
  await force.stay(stayId, 'AllocateStayInterviewer', { interviewerId: INTERVIEWER }, hourAfter(requestedAt, 1));
  await force.stay(
    stayId,
    'RecordStayInterview',
    { heldAt: new Date(heldAt), themes, intentToLeave: 'considering', recommendations: [] },
    keyedAt ?? hourAfter(heldAt, 2),
  );
  return stayId;
}

type LeaverName = 'alex' | 'blair' | 'harper' | 'casey' | 'drew' | 'eden' | 'jordan' | 'frankie' | 'gale';

/**
 * Nine exits and five stay interviews.
 *
 * Left in Q1 2026: Alex (resignation, interviewed), Blair (retirement, declined the
 * interview), Harper (resignation, declined; exactly one year's service). Left in Q2:
 * Casey (resignation, interviewed; notified for 31 March, left on 10 April), Drew
 * (transfer), Eden (resignation, interviewed), Jordan (ill-health retirement). Frankie
 * withdrew an interviewed resignation (retained); Gale's dismissal is still open.
 *
 * Stay interviews: three student officers (two stayed, one left), one substantive who
 * stayed and one with no outcome yet; one held at 23:30 UTC on 31 March, which is already
 * 1 April in London.
 */
async function leaversStory(force: Force): Promise<{ exits: Record<LeaverName, string>; stays: Record<string, string> }> {
  const exits = Object.fromEntries(
    (['alex', 'blair', 'harper', 'casey', 'drew', 'eden', 'jordan', 'frankie', 'gale'] as const).map((n) => [n, randomUUID()]),
  ) as Record<LeaverName, string>;
  const notify = (name: LeaverName, leaver: Leaver, now: string) => force.exit(exits[name], 'NotifyLeaving', notice(exits[name], leaver), now);
  const left = (name: LeaverName, now: string, leavingDate: string | null = null) =>
    force.exit(exits[name], 'RecordLeft', { leavingDate }, now);

  await notify(
    'alex',
    {
      name: 'Alex Morgan',
      reason: 'resignation',
      employmentType: 'police_officer',
      department: 'Response',
      startDate: '2020-03-01',
      leavingDate: '2026-03-20',
      demographics: { ageBand: '25-34', sex: 'male' },
    },
    '2026-03-02T10:00:00.000Z',
  );
  await interviewed(force, exits.alex, '2026-03-03T09:00:00.000Z', '2026-03-10T14:00:00.000Z', ['pay', 'workload']);
  await left('alex', '2026-03-20T17:00:00.000Z');

  await notify(
    'blair',
    {
      name: 'Blair Hughes',
      reason: 'retirement',
      employmentType: 'police_staff',
      department: 'Control Room',
      startDate: '1996-01-10',
      leavingDate: '2026-03-27',
      demographics: {},
    },
    '2026-02-02T10:00:00.000Z',
  );
  await force.exit(exits.blair, 'DeclineExitInterview', { reason: null }, '2026-02-03T10:00:00.000Z');
  await left('blair', '2026-03-27T12:00:00.000Z');

  await notify(
    'harper',
    {
      name: 'Harper Shaw',
      reason: 'resignation',
      employmentType: 'police_officer',
      department: 'Custody',
      startDate: '2025-02-27',
      leavingDate: '2026-02-27',
      demographics: { ageBand: 'prefer_not_to_say', sex: 'female' },
    },
    '2026-02-02T11:00:00.000Z',
  );
  await force.exit(exits.harper, 'DeclineExitInterview', { reason: 'Would rather not' }, '2026-02-04T10:00:00.000Z');
  await left('harper', '2026-02-27T16:00:00.000Z');

  await notify(
    'casey',
    {
      name: 'Casey Hart',
      reason: 'resignation',
      employmentType: 'police_officer',
      department: 'Response',
      startDate: '2025-09-01',
      leavingDate: '2026-03-31',
      demographics: { ageBand: '16-24' },
    },
    '2026-03-03T10:00:00.000Z',
  );
  await interviewed(force, exits.casey, '2026-03-04T09:00:00.000Z', '2026-03-20T10:00:00.000Z', ['development', 'pay']);
  // Notice extended: the final leaving date falls in the next quarter.
  await left('casey', '2026-04-10T16:00:00.000Z', '2026-04-10');

  await notify(
    'drew',
    {
      name: 'Drew Patel',
      reason: 'transfer_out',
      employmentType: 'police_officer',
      department: 'Custody',
      startDate: '2023-05-15',
      leavingDate: '2026-05-29',
      demographics: { ageBand: '35-44', sex: 'female' },
    },
    '2026-04-01T09:00:00.000Z',
  );
  await left('drew', '2026-05-29T16:00:00.000Z');

  await notify(
    'eden',
    {
      name: 'Eden Clarke',
      reason: 'resignation',
      employmentType: 'police_staff',
      department: 'Control Room',
      startDate: '2024-06-01',
      leavingDate: '2026-06-30',
      demographics: { ageBand: '16-24', disability: 'not_disabled' },
    },
    '2026-05-01T09:00:00.000Z',
  );
  await interviewed(force, exits.eden, '2026-05-05T09:00:00.000Z', '2026-06-15T10:00:00.000Z', ['flexibility']);
  await left('eden', '2026-06-30T16:00:00.000Z');

  await notify(
    'jordan',
    {
      name: 'Jordan Reid',
      reason: 'ill_health_retirement',
      employmentType: 'police_officer',
      department: 'Response',
      startDate: '2010-10-01',
      leavingDate: '2026-06-12',
      demographics: {},
    },
    '2026-03-16T09:00:00.000Z',
  );
  await left('jordan', '2026-06-12T15:00:00.000Z');

  await notify(
    'frankie',
    {
      name: 'Frankie Doyle',
      reason: 'resignation',
      employmentType: 'police_officer',
      department: 'Response',
      startDate: '2019-02-01',
      leavingDate: '2026-04-30',
      demographics: { ageBand: '35-44' },
    },
    '2026-04-01T10:00:00.000Z',
  );
  await interviewed(force, exits.frankie, '2026-04-02T09:00:00.000Z', '2026-04-14T10:00:00.000Z', ['management', 'pay']);
  await force.exit(exits.frankie, 'WithdrawResignation', { note: 'Moved to a day-shift team' }, '2026-04-20T09:00:00.000Z');

  await notify(
    'gale',
    {
      name: 'Gale Fox',
      reason: 'dismissal',
      employmentType: 'police_officer',
      department: 'Custody',
      startDate: '2012-01-01',
      leavingDate: '2026-07-15',
      demographics: {},
    },
    '2026-06-01T09:00:00.000Z',
  );

  const student = (name: string): StayPerson => ({ name, department: 'Response', isStudentOfficer: true });
  const substantive = (name: string): StayPerson => ({ name, department: 'Custody', isStudentOfficer: false });
  const stays: Record<string, string> = {};
  stays.sam = await stayHeld(force, student('Sam Lee'), '2026-02-02T09:00:00.000Z', '2026-02-10T10:00:00.000Z', ['development', 'workload']);
  await force.stay(stays.sam, 'RecordStayOutcome', { outcome: 'stayed', leavingDate: null, note: null }, '2026-03-01T10:00:00.000Z');
  stays.kit = await stayHeld(force, student('Kit Ward'), '2026-03-02T09:00:00.000Z', '2026-03-09T14:00:00.000Z', ['workload', 'flexibility']);
  await force.stay(stays.kit, 'RecordStayOutcome', { outcome: 'stayed', leavingDate: null, note: null }, '2026-05-01T09:00:00.000Z');
  // Held at 00:30 BST on 1 April: a second-quarter interview in London.
  stays.lou = await stayHeld(
    force,
    student('Lou Baker'),
    '2026-03-23T09:00:00.000Z',
    '2026-03-31T23:30:00.000Z',
    ['pay', 'workload'],
    '2026-04-01T08:00:00.000Z',
  );
  await force.stay(stays.lou, 'RecordStayOutcome', { outcome: 'left', leavingDate: '2026-06-01', note: null }, '2026-06-05T09:00:00.000Z');
  stays.max = await stayHeld(force, substantive('Max Green'), '2026-04-01T09:00:00.000Z', '2026-04-14T10:00:00.000Z', ['management']);
  await force.stay(stays.max, 'RecordStayOutcome', { outcome: 'stayed', leavingDate: null, note: 'Moved team' }, '2026-06-10T09:00:00.000Z');
  stays.nat = await stayHeld(force, substantive('Nat Young'), '2026-04-20T09:00:00.000Z', '2026-05-05T10:00:00.000Z', ['pay']);
  return { exits, stays };
}

const WLO = 'u-wlo-1';
const WLO_2 = 'u-wlo-2';

function welfareOpening(caseId: string, name: string, department: string, startedAt: string): WelfareCommandOf<'OpenWelfareCase'>['data'] {
  return {
    caseId,
    person: { personId: `P-${caseId.slice(0, 8)}`, name, employmentType: 'police_officer', department },
    investigation: { kind: 'misconduct', reference: `PSD-${caseId.slice(0, 6)}`, suspended: false, startedAt: new Date(startedAt) },
  };
}

function contact(contactedAt: string): WelfareCommandOf<'LogWelfareContact'>['data'] {
  return { contactedAt: new Date(contactedAt), type: 'phone', concerns: null, signposting: ['eap'] };
}

/**
 * Four welfare cases, contact every 14 days by default.
 * - W1 (Response): both contacts before their deadlines; concluded and closed.
 * - W2 (Response): one contact on time, then the next deadline goes overdue (a timer
 *   after the due time) before a late contact.
 * - W3 (Custody): one contact, on time.
 * - W4 (Custody): assigned, no contact fallen due yet.
 */
async function welfareStory(force: Force): Promise<Record<'w1' | 'w2' | 'w3' | 'w4', string>> {
  const ids = { w1: randomUUID(), w2: randomUUID(), w3: randomUUID(), w4: randomUUID() };

  await force.welfare(ids.w1, 'OpenWelfareCase', welfareOpening(ids.w1, 'Robin Hale', 'Response', '2026-02-20T09:00:00.000Z'), '2026-03-02T09:00:00.000Z');
  await force.welfare(ids.w1, 'AssignWlo', { wloId: WLO }, '2026-03-02T10:00:00.000Z'); // contact due 16 Mar 10:00
  await force.welfare(ids.w1, 'LogWelfareContact', contact('2026-03-10T14:00:00.000Z'), '2026-03-10T15:00:00.000Z'); // next due 24 Mar 14:00
  await force.welfare(ids.w1, 'LogWelfareContact', contact('2026-03-20T10:00:00.000Z'), '2026-03-20T11:00:00.000Z');
  await force.welfare(
    ids.w1,
    'RecordInvestigationConcluded',
    { outcome: 'No case to answer', concludedAt: new Date('2026-03-25T10:00:00.000Z') },
    '2026-03-25T11:00:00.000Z',
  );
  await force.welfare(
    ids.w1,
    'CloseWelfareCase',
    { exitPlan: 'Back to full duties', debriefHeldAt: new Date('2026-03-26T10:00:00.000Z') },
    '2026-03-27T10:00:00.000Z',
  );

  await force.welfare(ids.w2, 'OpenWelfareCase', welfareOpening(ids.w2, 'Sky Moss', 'Response', '2026-02-23T09:00:00.000Z'), '2026-03-02T09:30:00.000Z');
  await force.welfare(ids.w2, 'AssignWlo', { wloId: WLO }, '2026-03-02T10:30:00.000Z');
  await force.welfare(ids.w2, 'LogWelfareContact', contact('2026-03-09T10:00:00.000Z'), '2026-03-09T11:00:00.000Z'); // next due 23 Mar 10:00
  await force.escalateWelfare(ids.w2, 'contact', 1, '2026-03-23T12:00:00.000Z');
  await force.welfare(ids.w2, 'LogWelfareContact', contact('2026-03-24T10:00:00.000Z'), '2026-03-24T11:00:00.000Z');

  await force.welfare(ids.w3, 'OpenWelfareCase', welfareOpening(ids.w3, 'Ash Frost', 'Custody', '2026-03-01T09:00:00.000Z'), '2026-03-03T09:00:00.000Z');
  await force.welfare(ids.w3, 'AssignWlo', { wloId: WLO_2 }, '2026-03-04T09:00:00.000Z'); // contact due 18 Mar 09:00
  await force.welfare(ids.w3, 'LogWelfareContact', contact('2026-03-17T09:00:00.000Z'), '2026-03-17T10:00:00.000Z');

  await force.welfare(ids.w4, 'OpenWelfareCase', welfareOpening(ids.w4, 'Rae Stone', 'Custody', '2026-03-19T09:00:00.000Z'), '2026-03-20T09:00:00.000Z');
  await force.welfare(ids.w4, 'AssignWlo', { wloId: WLO_2 }, '2026-03-20T10:00:00.000Z');
  return ids;
}

// ---------------------------------------------------------------------------------------

describe('leavers, themes and retention reports', () => {
  const force = new Force();
  let story: Awaited<ReturnType<typeof leaversStory>>;

  beforeAll(async () => {
    const runner = startRunner();
    story = await leaversStory(force);
    await force.caughtUp(runner);
    await runner.stop();
  });

  const share = (quarter: string, groups: LeaverRow['groups'], leavers: number, percentOfQuarter: number): LeaverRow => ({
    quarter,
    groups,
    leavers,
    percentOfQuarter,
  });

  it('projects each exit: final leaving date and length of service for leavers, none for the retained and the open', async () => {
    const { exits } = story;
    expect(await row('exit_cases', 'exit_id', exits.casey)).toMatchObject({
      force_id: force.id,
      person_name: 'Casey Hart',
      employment_type: 'police_officer',
      department: 'Response',
      start_date: '2025-09-01',
      demographics: { ageBand: '16-24' },
      reason: 'resignation',
      leaving_date: '2026-03-31',
      left_on: '2026-04-10',
      length_of_service: '<1y',
      status: 'left',
      interviewer_id: INTERVIEWER,
      interview: 'held',
      survey: 'pending',
      drivers: ['development', 'pay'],
      notified_at: new Date('2026-03-03T10:00:00.000Z'),
      ended_at: new Date('2026-04-10T16:00:00.000Z'),
      deadlines: {},
      next_deadline_kind: null,
      overdue: false,
    });
    expect(await row('exit_cases', 'exit_id', exits.harper)).toMatchObject({ status: 'left', interview: 'declined', length_of_service: '1-2y' });
    expect(await row('exit_cases', 'exit_id', exits.frankie)).toMatchObject({
      status: 'retained',
      left_on: null,
      length_of_service: null,
      interview: 'held',
      drivers: ['management', 'pay'],
      ended_at: new Date('2026-04-20T09:00:00.000Z'),
      deadlines: {},
    });
    // Still open: its interview is due at the start of the leaving date (00:00 BST).
    expect(await row('exit_cases', 'exit_id', exits.gale)).toMatchObject({
      status: 'awaiting_interviewer',
      ended_at: null,
      next_deadline_kind: 'exit-interview',
      next_deadline_at: new Date('2026-07-14T23:00:00.000Z'),
      overdue: false,
    });
    expect((await force.queue('exit_cases')).items.map((item) => item.exitId)).toEqual([exits.gale]);
    expect((await force.queue('exit_cases', { includeClosed: true })).total).toBe(9);
  });

  it('leavers by reason: only those who left, by the quarter of their final leaving date, with one-decimal shares', async () => {
    expect(await force.leavers(['reason'])).toEqual([
      share('2026-Q1', { reason: 'resignation' }, 2, 66.7),
      share('2026-Q1', { reason: 'retirement' }, 1, 33.3),
      share('2026-Q2', { reason: 'ill_health_retirement' }, 1, 25),
      share('2026-Q2', { reason: 'resignation' }, 2, 50),
      share('2026-Q2', { reason: 'transfer_out' }, 1, 25),
    ]);
  });

  it('leavers by employment type and department', async () => {
    expect(await force.leavers(['employmentType', 'department'])).toEqual([
      share('2026-Q1', { employmentType: 'police_officer', department: 'Custody' }, 1, 33.3),
      share('2026-Q1', { employmentType: 'police_officer', department: 'Response' }, 1, 33.3),
      share('2026-Q1', { employmentType: 'police_staff', department: 'Control Room' }, 1, 33.3),
      share('2026-Q2', { employmentType: 'police_officer', department: 'Custody' }, 1, 25),
      share('2026-Q2', { employmentType: 'police_officer', department: 'Response' }, 2, 50),
      share('2026-Q2', { employmentType: 'police_staff', department: 'Control Room' }, 1, 25),
    ]);
  });

  it('leavers by length of service, banded from the start date to the final leaving date', async () => {
    // Bands come back in service order, not alphabetically ('10-20y' would sort before '2-5y').
    expect(await force.leavers(['lengthOfService'])).toEqual([
      share('2026-Q1', { lengthOfService: '1-2y' }, 1, 33.3),
      share('2026-Q1', { lengthOfService: '5-10y' }, 1, 33.3),
      share('2026-Q1', { lengthOfService: '20y+' }, 1, 33.3),
      share('2026-Q2', { lengthOfService: '<1y' }, 1, 25),
      share('2026-Q2', { lengthOfService: '2-5y' }, 2, 50),
      share('2026-Q2', { lengthOfService: '10-20y' }, 1, 25),
    ]);
  });

  it('leavers by age band: a band not given is not_recorded, prefer_not_to_say is kept', async () => {
    expect(await force.leavers(['ageBand'])).toEqual([
      share('2026-Q1', { ageBand: '25-34' }, 1, 33.3),
      share('2026-Q1', { ageBand: 'not_recorded' }, 1, 33.3),
      share('2026-Q1', { ageBand: 'prefer_not_to_say' }, 1, 33.3),
      share('2026-Q2', { ageBand: '16-24' }, 2, 50),
      share('2026-Q2', { ageBand: '35-44' }, 1, 25),
      share('2026-Q2', { ageBand: 'not_recorded' }, 1, 25),
    ]);
  });

  it('a period selects by final leaving date, both ends inclusive', async () => {
    expect(await force.leavers([])).toEqual([share('2026-Q1', {}, 3, 100), share('2026-Q2', {}, 4, 100)]);
    // Casey left on 10 April (notified for 31 March), Jordan on 12 June; Eden on 30 June is after the period.
    expect(await force.leavers(['reason'], { from: '2026-04-10', to: '2026-06-12' })).toEqual([
      share('2026-Q2', { reason: 'ill_health_retirement' }, 1, 33.3),
      share('2026-Q2', { reason: 'resignation' }, 1, 33.3),
      share('2026-Q2', { reason: 'transfer_out' }, 1, 33.3),
    ]);
    expect(await leaversReport(pool, { forceId: `force-${randomUUID()}`, by: ['reason'] })).toEqual([]);
  });

  it('interview themes: stay themes by the London date held, exit drivers by final (or notified) leaving date', async () => {
    const theme = (quarter: string, source: 'exit' | 'stay_interview', name: string, mentions: number, interviews: number) => ({
      quarter,
      source,
      theme: name,
      mentions,
      interviews,
    });
    expect(await interviewThemes(pool, { forceId: force.id })).toEqual([
      theme('2026-Q1', 'exit', 'pay', 1, 1),
      theme('2026-Q1', 'exit', 'workload', 1, 1),
      theme('2026-Q1', 'stay_interview', 'workload', 2, 2),
      theme('2026-Q1', 'stay_interview', 'development', 1, 2),
      theme('2026-Q1', 'stay_interview', 'flexibility', 1, 2),
      // Casey (left 10 April), Eden, and Frankie (retained; notified for 30 April).
      theme('2026-Q2', 'exit', 'pay', 2, 3),
      theme('2026-Q2', 'exit', 'development', 1, 3),
      theme('2026-Q2', 'exit', 'flexibility', 1, 3),
      theme('2026-Q2', 'exit', 'management', 1, 3),
      theme('2026-Q2', 'stay_interview', 'pay', 2, 3),
      theme('2026-Q2', 'stay_interview', 'management', 1, 3),
      theme('2026-Q2', 'stay_interview', 'workload', 1, 3),
    ]);
    expect(await interviewThemes(pool, { forceId: force.id, from: '2026-04-01', to: '2026-04-30' })).toEqual([
      theme('2026-Q2', 'exit', 'pay', 2, 2),
      theme('2026-Q2', 'exit', 'development', 1, 2),
      theme('2026-Q2', 'exit', 'management', 1, 2),
      theme('2026-Q2', 'stay_interview', 'management', 1, 2),
      theme('2026-Q2', 'stay_interview', 'pay', 1, 2),
      theme('2026-Q2', 'stay_interview', 'workload', 1, 2),
    ]);
  });

  it('retention after an interview: stay outcomes by cohort, interviewed resignations retained or left', async () => {
    expect(await retentionAfterInterview(pool, { forceId: force.id })).toEqual([
      // Alex, Casey and Eden left; Frankie withdrew. Harper (declined the interview) does not count.
      { intervention: 'exit_interview', cohort: 'all', outcomes: 4, stayed: 1, left: 3, retentionRate: 25 },
      { intervention: 'stay_interview', cohort: 'student', outcomes: 3, stayed: 2, left: 1, retentionRate: 66.7 },
      { intervention: 'stay_interview', cohort: 'substantive', outcomes: 1, stayed: 1, left: 0, retentionRate: 100 },
    ]);
    // By London date of the decision (stays) and of the end (exits): Sam's outcome and Alex's leaving fall before.
    expect(await retentionAfterInterview(pool, { forceId: force.id, from: '2026-04-01', to: '2026-06-30' })).toEqual([
      { intervention: 'exit_interview', cohort: 'all', outcomes: 3, stayed: 1, left: 2, retentionRate: 33.3 },
      { intervention: 'stay_interview', cohort: 'student', outcomes: 2, stayed: 1, left: 1, retentionRate: 50 },
      { intervention: 'stay_interview', cohort: 'substantive', outcomes: 1, stayed: 1, left: 0, retentionRate: 100 },
    ]);
    expect(await retentionAfterInterview(pool, { forceId: `force-${randomUUID()}` })).toEqual([]);
  });
});

describe('stay interview queue', () => {
  const ME = 'u-me';
  const OTHER = 'u-other';

  it('follows stay interviews through allocation, escalation, interview, actions, reassignment and outcome', async () => {
    const force = new Force();
    const runner = startRunner();
    const names = new Map<string, string>();
    const ids = { A: randomUUID(), B: randomUUID(), C: randomUUID(), D: randomUUID() };
    for (const [name, id] of Object.entries(ids)) names.set(id, name);
    const order = async (options: Parameters<Force['queue']>[1] = {}) =>
      (await force.queue('stay_interviews', options)).items.map((item) => names.get(item.stayId as string) ?? item.stayId);
    const item = async (id: string) => (await force.queue('stay_interviews', { includeClosed: true })).items.find((i) => i.stayId === id);
    const person = (name: string, isStudentOfficer: boolean): StayPerson => ({ name, department: 'Response', isStudentOfficer });

    // A: a student officer, Monday 2 March; the interview is due 10 working days later at close of business.
    await force.stay(ids.A, 'RequestStayInterview', stayRequest(ids.A, person('Alex Morgan', true)), '2026-03-02T09:00:00.000Z');
    await force.caughtUp(runner);
    expect(await item(ids.A)).toEqual({
      stayId: ids.A,
      personId: `P-${ids.A.slice(0, 8)}`,
      personName: 'Alex Morgan',
      employmentType: 'police_officer',
      department: 'Response',
      isStudent: true,
      intentToLeave: 'considering',
      status: 'awaiting_interviewer',
      interviewerId: null,
      requestedAt: '2026-03-02T09:00:00.000Z',
      heldAt: null,
      themes: [],
      actionsTotal: 0,
      actionsDone: 0,
      outcome: null,
      decidedAt: null,
      endedAt: null,
      nextDeadlineKind: 'stay-interview',
      nextDeadlineAt: '2026-03-16T17:00:00.000Z',
      overdue: false,
      escalationLevel: 0,
      updatedAt: '2026-03-02T09:00:00.000Z',
      revision: '1',
    });
    expect(await order({ view: 'unassigned' })).toEqual(['A']);
    expect(await order({ view: 'mine', userId: ME })).toEqual([]);

    await force.stay(ids.A, 'AllocateStayInterviewer', { interviewerId: ME }, '2026-03-02T11:00:00.000Z');
    await force.stay(ids.B, 'RequestStayInterview', stayRequest(ids.B, person('Blair Hughes', false)), '2026-03-03T09:00:00.000Z');
    await force.stay(ids.C, 'RequestStayInterview', stayRequest(ids.C, person('Casey Hart', false)), '2026-03-04T09:00:00.000Z');
    await force.stay(ids.C, 'AllocateStayInterviewer', { interviewerId: ME }, '2026-03-04T10:00:00.000Z');
    await force.stay(ids.D, 'RequestStayInterview', stayRequest(ids.D, person('Drew Patel', true)), '2026-03-05T09:00:00.000Z');
    await force.stay(ids.D, 'AllocateStayInterviewer', { interviewerId: ME }, '2026-03-05T10:00:00.000Z');
    await force.caughtUp(runner);
    expect(await item(ids.A)).toMatchObject({ status: 'awaiting_interview', interviewerId: ME, updatedAt: '2026-03-02T11:00:00.000Z' });
    expect(await order({ view: 'mine', userId: ME })).toEqual(['A', 'C', 'D']);
    expect(await order({ view: 'unassigned' })).toEqual(['B']);
    expect(await order()).toEqual(['A', 'B', 'C', 'D']);

    // A is interviewed: the interview deadline is met; the actions start the follow-up's 30 working days.
    await force.stay(
      ids.A,
      'RecordStayInterview',
      { heldAt: new Date('2026-03-09T14:00:00.000Z'), themes: ['workload', 'flexibility'], intentToLeave: 'actively_looking', recommendations: ['Protected study time'] },
      '2026-03-09T16:00:00.000Z',
    );
    await force.caughtUp(runner);
    expect(await item(ids.A)).toMatchObject({
      status: 'awaiting_actions',
      heldAt: '2026-03-09T14:00:00.000Z',
      themes: ['workload', 'flexibility'],
      intentToLeave: 'actively_looking',
      nextDeadlineKind: null,
      nextDeadlineAt: null,
    });
    const agreed = await force.stay(
      ids.A,
      'AgreeStayActions',
      {
        actions: [
          { description: 'Agree protected study time with the tutor', ownerId: LINE_MANAGER, dueDate: '2026-03-31' },
          { description: 'Refer to the student officer network', ownerId: ME, dueDate: '2026-03-20' },
        ],
      },
      '2026-03-10T10:00:00.000Z',
    );
    // C says no to the interview: the case ends and nobody is chased.
    await force.stay(ids.C, 'DeclineStayInterview', { reason: 'Does not want to take part' }, '2026-03-05T10:00:00.000Z');
    await force.caughtUp(runner);
    // 30 working days after 10 March, past Good Friday and Easter Monday: 17:00 BST on 23 April.
    expect(await item(ids.A)).toMatchObject({
      status: 'awaiting_follow_up',
      actionsTotal: 2,
      actionsDone: 0,
      nextDeadlineKind: 'stay-follow-up',
      nextDeadlineAt: '2026-04-23T16:00:00.000Z',
      overdue: false,
    });
    expect(await item(ids.C)).toMatchObject({ status: 'declined', endedAt: '2026-03-05T10:00:00.000Z', nextDeadlineKind: null, overdue: false });
    expect(await row('stay_interviews', 'stay_id', ids.C)).toMatchObject({ deadlines: {}, ended_at: new Date('2026-03-05T10:00:00.000Z') });
    expect(await order({ view: 'mine', userId: ME })).toEqual(['D', 'A']);

    // Nobody took B: the timer fires after the due time (owner told), then a working day on.
    await force.escalateStay(ids.B, 'stay-interview', 1, '2026-03-18T09:00:00.000Z');
    await force.escalateStay(ids.B, 'stay-interview', 2, '2026-03-19T09:00:00.000Z');
    // D's interview is not held by its due time either.
    await force.escalateStay(ids.D, 'stay-interview', 1, '2026-03-20T09:00:00.000Z');
    await force.caughtUp(runner);
    expect(await item(ids.B)).toMatchObject({
      status: 'awaiting_interviewer',
      nextDeadlineKind: 'stay-interview',
      nextDeadlineAt: '2026-03-17T17:00:00.000Z',
      overdue: true,
      escalationLevel: 2,
      updatedAt: '2026-03-19T09:00:00.000Z',
    });
    expect(await item(ids.D)).toMatchObject({ nextDeadlineAt: '2026-03-19T17:00:00.000Z', overdue: true, escalationLevel: 1 });
    expect(await order({ view: 'overdue' })).toEqual(['B', 'D']);
    expect(await order()).toEqual(['B', 'D', 'A']);
    expect(await order({ view: 'mine', userId: ME })).toEqual(['D', 'A']);

    // D's late interview meets the deadline: no longer overdue.
    await force.stay(
      ids.D,
      'RecordStayInterview',
      { heldAt: new Date('2026-03-20T10:00:00.000Z'), themes: ['pay'], intentToLeave: 'none', recommendations: [] },
      '2026-03-20T11:00:00.000Z',
    );
    if (agreed.status === 'none') throw new Error('No stay interview');
    const firstAction = agreed.actions[0]?.actionId ?? '';
    await force.stay(ids.A, 'CompleteAction', { actionId: firstAction }, '2026-03-20T12:00:00.000Z');
    await force.stay(ids.A, 'ReassignStayInterviewer', { interviewerId: OTHER, reason: 'Caseload' }, '2026-03-23T09:00:00.000Z');
    await force.caughtUp(runner);
    expect(await item(ids.D)).toMatchObject({ status: 'awaiting_actions', themes: ['pay'], intentToLeave: 'none', nextDeadlineKind: null, overdue: false, escalationLevel: 0 });
    expect(await item(ids.A)).toMatchObject({ interviewerId: OTHER, actionsTotal: 2, actionsDone: 1 });
    expect(await order({ view: 'overdue' })).toEqual(['B']);
    expect(await order({ view: 'mine', userId: ME })).toEqual(['D']);
    expect(await order({ view: 'mine', userId: OTHER })).toEqual(['A']);

    await force.stay(ids.A, 'RecordStayFollowUp', { heldAt: new Date('2026-04-20T09:00:00.000Z'), note: null }, '2026-04-20T10:00:00.000Z');
    await force.caughtUp(runner);
    expect(await item(ids.A)).toMatchObject({ status: 'follow_up_held', nextDeadlineKind: null, nextDeadlineAt: null });

    await force.stay(ids.A, 'RecordStayOutcome', { outcome: 'stayed', leavingDate: null, note: null }, '2026-09-01T09:00:00.000Z');
    await force.caughtUp(runner);
    const [last] = await store.readStream(stayStreamId(ids.A), { direction: 'backwards', maxCount: 1 });
    expect(await item(ids.A)).toEqual({
      stayId: ids.A,
      personId: `P-${ids.A.slice(0, 8)}`,
      personName: 'Alex Morgan',
      employmentType: 'police_officer',
      department: 'Response',
      isStudent: true,
      intentToLeave: 'actively_looking',
      status: 'closed',
      interviewerId: OTHER,
      requestedAt: '2026-03-02T09:00:00.000Z',
      heldAt: '2026-03-09T14:00:00.000Z',
      themes: ['workload', 'flexibility'],
      actionsTotal: 2,
      actionsDone: 1,
      outcome: 'stayed',
      decidedAt: '2026-09-01T09:00:00.000Z',
      endedAt: '2026-09-01T09:00:00.000Z',
      nextDeadlineKind: null,
      nextDeadlineAt: null,
      overdue: false,
      escalationLevel: 0,
      updatedAt: '2026-09-01T09:00:00.000Z',
      revision: String(last?.revision),
    });

    expect(await order()).toEqual(['B', 'D']);
    expect(await order({ includeClosed: true })).toEqual(['B', 'A', 'C', 'D']);
    expect(await order({ view: 'mine', userId: ME })).toEqual(['D']);
    expect(await order({ view: 'mine', userId: ME, includeClosed: true })).toEqual(['C', 'D']);
    expect(await order({ view: 'mine', userId: OTHER })).toEqual([]);
    expect(await order({ view: 'mine', userId: OTHER, includeClosed: true })).toEqual(['A']);
    expect(await order({ view: 'unassigned', includeClosed: true })).toEqual(['B']);
    expect(await order({ view: 'overdue', includeClosed: true })).toEqual(['B']);
    const page = await force.queue('stay_interviews', { includeClosed: true, page: 2, pageSize: 2 });
    expect(page.items.map((i) => names.get(i.stayId as string))).toEqual(['C', 'D']);
    expect([page.page, page.pageSize, page.total]).toEqual([2, 2, 4]);
    expect(await new Force().queue('stay_interviews', { includeClosed: true })).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
  });
});

describe('welfare liaison contact compliance', () => {
  it('counts contacts due and on time per case, and rolls cases up by department', async () => {
    const force = new Force();
    const runner = startRunner();
    const ids = await welfareStory(force);
    await force.caughtUp(runner);

    expect(await row('welfare_cases', 'case_id', ids.w1)).toMatchObject({
      force_id: force.id,
      department: 'Response',
      kind: 'misconduct',
      status: 'closed',
      wlo_id: WLO,
      contacts: 2,
      last_contact_at: new Date('2026-03-20T10:00:00.000Z'),
      contacts_due: 2,
      contacts_on_time: 2,
      concluded_at: new Date('2026-03-25T10:00:00.000Z'),
      closed_at: new Date('2026-03-27T10:00:00.000Z'),
      deadlines: {},
      next_deadline_kind: null,
      overdue: false,
    });
    const w2 = await row('welfare_cases', 'case_id', ids.w2);
    expect(w2).toMatchObject({
      status: 'active',
      wlo_id: WLO,
      contacts: 2,
      last_contact_at: new Date('2026-03-24T10:00:00.000Z'),
      contacts_due: 2,
      contacts_on_time: 1,
      next_deadline_kind: 'contact',
      overdue: false,
      escalation_level: 0,
    });
    // Only contact deadlines are kept for compliance; the opening's one was replaced on assignment, never owed.
    expect((w2?.contact_deadline_events as { type: string; data: { kind: string } }[]).map((e) => [e.type, e.data.kind])).toEqual([
      ['DeadlineScheduled', 'contact'],
      ['DeadlineScheduled', 'contact'],
      ['DeadlineMet', 'contact'],
      ['DeadlineScheduled', 'contact'],
      ['DeadlineOverdue', 'contact'],
      ['DeadlineMet', 'contact'],
      ['DeadlineScheduled', 'contact'],
    ]);
    expect(await row('welfare_cases', 'case_id', ids.w3)).toMatchObject({ contacts_due: 1, contacts_on_time: 1 });
    expect(await row('welfare_cases', 'case_id', ids.w4)).toMatchObject({ status: 'active', contacts: 0, contacts_due: 0, contacts_on_time: 0 });

    expect(await wloCompliance(pool, { forceId: force.id })).toEqual([
      { department: 'Custody', cases: 1, compliant: 1, percentCompliant: 100, contactsDue: 1, contactsOnTime: 1 },
      { department: 'Response', cases: 2, compliant: 1, percentCompliant: 50, contactsDue: 4, contactsOnTime: 3 },
      { department: 'All departments', cases: 3, compliant: 2, percentCompliant: 66.7, contactsDue: 5, contactsOnTime: 4 },
    ]);
    // With no case due there is nothing to report: no rows, not a row of zeros.
    expect(await wloCompliance(pool, { forceId: `force-${randomUUID()}` })).toEqual([]);

    const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    const order = async (options: Parameters<Force['queue']>[1] = {}) =>
      (await force.queue('welfare_cases', options)).items.map((item) => names.get(item.caseId as string));
    // Open cases by the next contact due: W3 (31 Mar), W4 (3 Apr), W2 (7 Apr); closed W1 last.
    expect(await order()).toEqual(['w3', 'w4', 'w2']);
    expect(await order({ view: 'mine', userId: WLO })).toEqual(['w2']);
    expect(await order({ view: 'mine', userId: WLO, includeClosed: true })).toEqual(['w2', 'w1']);
    expect(await order({ view: 'unassigned' })).toEqual([]);
  });

  it('while a contact is overdue the case shows in the overdue view', async () => {
    const force = new Force();
    const runner = startRunner();
    const caseId = randomUUID();
    await force.welfare(caseId, 'OpenWelfareCase', welfareOpening(caseId, 'Jo Evans', 'Response', '2026-03-01T09:00:00.000Z'), '2026-03-02T09:00:00.000Z');
    // Nobody is assigned: the opening's contact deadline (16 Mar 09:00) goes overdue and escalates.
    await force.escalateWelfare(caseId, 'contact', 1, '2026-03-16T10:00:00.000Z');
    await force.escalateWelfare(caseId, 'contact', 2, '2026-03-17T10:00:00.000Z');
    await force.caughtUp(runner);
    expect(await row('welfare_cases', 'case_id', caseId)).toMatchObject({
      status: 'awaiting_wlo',
      next_deadline_kind: 'contact',
      next_deadline_at: new Date('2026-03-16T09:00:00.000Z'),
      overdue: true,
      escalation_level: 2,
      contacts_due: 1,
      contacts_on_time: 0,
    });
    expect((await force.queue('welfare_cases', { view: 'overdue' })).items.map((i) => i.caseId)).toEqual([caseId]);
    expect((await force.queue('welfare_cases', { view: 'unassigned' })).items.map((i) => i.caseId)).toEqual([caseId]);
    // Assigned after the escalation: the overdue deadline stands until contact is made.
    await force.welfare(caseId, 'AssignWlo', { wloId: WLO }, '2026-03-17T11:00:00.000Z');
    await force.welfare(caseId, 'LogWelfareContact', contact('2026-03-17T15:00:00.000Z'), '2026-03-17T16:00:00.000Z');
    await force.caughtUp(runner);
    expect(await row('welfare_cases', 'case_id', caseId)).toMatchObject({ overdue: false, contacts_due: 1, contacts_on_time: 0 });
    expect(await wloCompliance(pool, { forceId: force.id })).toEqual([
      { department: 'Response', cases: 1, compliant: 0, percentCompliant: 0, contactsDue: 1, contactsOnTime: 0 },
      { department: 'All departments', cases: 1, compliant: 0, percentCompliant: 0, contactsDue: 1, contactsOnTime: 0 },
    ]);
  });

  it('a contact keyed in after a later one leaves last_contact_at on the latest contact', async () => {
    const force = new Force();
    const caseId = randomUUID();
    await force.welfare(caseId, 'OpenWelfareCase', welfareOpening(caseId, 'Lee Ross', 'Response', '2026-03-01T09:00:00.000Z'), '2026-03-02T09:00:00.000Z');
    await force.welfare(caseId, 'AssignWlo', { wloId: WLO }, '2026-03-02T10:00:00.000Z');
    await force.welfare(caseId, 'LogWelfareContact', contact('2026-03-10T14:00:00.000Z'), '2026-03-10T15:00:00.000Z');
    // An earlier call, keyed in late: the domain keeps 10 March as the last contact.
    const state = await force.welfare(caseId, 'LogWelfareContact', contact('2026-03-05T10:00:00.000Z'), '2026-03-11T09:00:00.000Z');
    expect(state).toMatchObject({ contacts: 2, lastContactAt: '2026-03-10T14:00:00.000Z' });
    const runner = startRunner();
    await force.caughtUp(runner);
    expect(await row('welfare_cases', 'case_id', caseId)).toMatchObject({
      contacts: 2,
      last_contact_at: new Date('2026-03-10T14:00:00.000Z'),
    });
  });

  it('a WLO assigned after the investigation concluded leaves the case concluded', async () => {
    const force = new Force();
    const caseId = randomUUID();
    await force.welfare(caseId, 'OpenWelfareCase', welfareOpening(caseId, 'Val Hart', 'Custody', '2026-03-01T09:00:00.000Z'), '2026-03-02T09:00:00.000Z');
    await force.welfare(
      caseId,
      'RecordInvestigationConcluded',
      { outcome: 'Management action', concludedAt: new Date('2026-03-03T09:00:00.000Z') },
      '2026-03-03T10:00:00.000Z',
    );
    const state = await force.welfare(caseId, 'AssignWlo', { wloId: WLO }, '2026-03-04T10:00:00.000Z');
    expect(state.status).toBe('concluded');
    const runner = startRunner();
    await force.caughtUp(runner);
    expect(await row('welfare_cases', 'case_id', caseId)).toMatchObject({
      status: 'concluded',
      wlo_id: WLO,
      concluded_at: new Date('2026-03-03T09:00:00.000Z'),
    });
  });
});

describe('replay and rebuild', () => {
  it('every event applied again leaves every row as it was, and a rebuild from the log gives identical rows', async () => {
    const force = new Force();
    const live = startRunner();
    // Commands run while the runner projects, so the live batches cut the streams anywhere.
    const { exits, stays } = await leaversStory(force);
    const welfare = await welfareStory(force);
    const stayId = randomUUID();
    await force.stay(stayId, 'RequestStayInterview', stayRequest(stayId, { name: 'Pat Quinn', department: 'Custody', isStudentOfficer: false }), '2026-03-02T09:00:00.000Z');
    await force.escalateStay(stayId, 'stay-interview', 1, '2026-03-17T09:00:00.000Z');
    await force.stay(stayId, 'AllocateStayInterviewer', { interviewerId: INTERVIEWER }, '2026-03-17T10:00:00.000Z');
    await force.stay(stayId, 'CancelStayInterview', { reason: 'Changed their mind' }, '2026-03-18T10:00:00.000Z');
    await force.caughtUp(live);
    await live.stop();

    const before = await force.rows();
    expect(before.exits).toHaveLength(Object.keys(exits).length);
    expect(before.stays).toHaveLength(Object.keys(stays).length + 1);
    expect(before.welfare).toHaveLength(Object.keys(welfare).length);
    expect(before.stays.find((s) => s.stay_id === stayId)).toMatchObject({ status: 'cancelled', deadlines: {}, overdue: false });

    // Every event delivered again onto the up-to-date rows: none may move any of them, not
    // even transiently (a later event of the batch must not be what puts a row right).
    const events = await force.events();
    expect(new Set(events.map((e) => e.streamId.slice(0, e.streamId.indexOf('-'))))).toEqual(new Set(['stay', 'exit', 'welfare']));
    const moved: string[] = [];
    await inTransaction(pool, async (tx) => {
      for (const event of events) {
        await retentionProjection.handle(event, tx);
        if (!isDeepStrictEqual(await force.rows(tx), before)) moved.push(`${event.streamId}@${event.revision}:${event.type}`);
      }
    });
    expect(moved).toEqual([]);
    expect(await force.rows()).toEqual(before);

    // A rebuild: this force's rows gone, a runner under a fresh name replays the log.
    await force.deleteRows();
    expect(await force.rows()).toEqual({ stays: [], exits: [], welfare: [] });
    const rebuilt = startRunner();
    await force.caughtUp(rebuilt);
    expect(await force.rows()).toEqual(before);
  });
});
