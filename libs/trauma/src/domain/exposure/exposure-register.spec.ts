import { DEFAULT_EXPOSURE_POLICY, type ExposurePolicy } from './exposure-policy';
import {
  aboveThresholdSince,
  exposureSummary,
  isAboveThreshold,
  supportTaskId,
  supportTaskRequest,
  thresholdCrossing,
  type PreviousSupportTask,
} from './exposure-register';
import { exposure, EXPOSURES, HISTORY, PERSON_ID, TASK_ID } from './testing/support-task-fixtures';

/** Weight mode with the brief's number, so weights read plainly in these cases. */
const policy: ExposurePolicy = {
  ...DEFAULT_EXPOSURE_POLICY,
  threshold: { windowDays: 90, minCount: null, minWeight: 3 },
};
const at = (iso: string): Date => new Date(iso);

describe('the repeat-exposure summary', () => {
  it('counts and weighs the exposures in each rolling window', () => {
    const exposures = [
      exposure('a', '2025-06-01T10:00:00.000Z', { severityWeight: 2 }),
      exposure('b', '2026-01-15T10:00:00.000Z', { severityWeight: 1.5 }),
      exposure('c', '2026-03-10T10:00:00.000Z'),
    ];
    expect(exposureSummary(exposures, at('2026-03-20T12:00:00.000Z'), policy)).toEqual({
      asOf: '2026-03-20T12:00:00.000Z',
      windows: [
        { days: 30, count: 1, weightedSum: 1 },
        { days: 90, count: 2, weightedSum: 2.5 },
        { days: 365, count: 3, weightedSum: 4.5 },
      ],
    });
  });

  it('an exposure exactly 90 days old has left the 90-day window; one a millisecond younger has not', () => {
    const asOf = at('2026-03-20T12:00:00.000Z');
    const ninety = (exposures: Parameters<typeof exposureSummary>[0]) =>
      exposureSummary(exposures, asOf, policy).windows.find((w) => w.days === 90);
    expect(ninety([exposure('old', '2025-12-20T12:00:00.000Z')])).toEqual({ days: 90, count: 0, weightedSum: 0 });
    expect(ninety([exposure('young', '2025-12-20T12:00:00.001Z')])).toEqual({ days: 90, count: 1, weightedSum: 1 });
  });

  it('an exposure at the very instant asked about counts; one dated later does not yet', () => {
    const asOf = at('2026-03-20T12:00:00.000Z');
    const exposures = [exposure('now', '2026-03-20T12:00:00.000Z'), exposure('later', '2026-03-20T12:00:00.001Z')];
    expect(exposureSummary(exposures, asOf, policy).windows[0]).toEqual({ days: 30, count: 1, weightedSum: 1 });
  });

  it('windows are London calendar days: across the clock change, 90 days ago is the same wall-clock time', () => {
    // Mon 1 Jun 2026 13:00 BST; 90 days earlier is Tue 3 Mar 13:00 GMT (13:00Z), not 12:00Z.
    const asOf = at('2026-06-01T12:00:00.000Z');
    const exposures = [exposure('left', '2026-03-03T12:30:00.000Z'), exposure('still-in', '2026-03-03T13:30:00.000Z')];
    expect(exposureSummary(exposures, asOf, policy).windows[1]).toEqual({ days: 90, count: 1, weightedSum: 1 });
  });

  it('removed exposures never count, and a later copy marked removed retracts an earlier one', () => {
    const asOf = at('2026-03-20T12:00:00.000Z');
    const exposures = [
      exposure('a', '2026-03-01T10:00:00.000Z'),
      exposure('b', '2026-03-02T10:00:00.000Z', { removed: true }),
      exposure('c', '2026-03-03T10:00:00.000Z'),
      exposure('c', '2026-03-03T10:00:00.000Z', { removed: true }),
    ];
    expect(exposureSummary(exposures, asOf, policy).windows[0]).toEqual({ days: 30, count: 1, weightedSum: 1 });
  });

  it('the same exposure delivered twice counts once, and arrival order changes nothing', () => {
    const asOf = at('2026-03-02T09:00:00.000Z');
    const once = exposureSummary(EXPOSURES, asOf, policy);
    expect(exposureSummary([...EXPOSURES, ...EXPOSURES], asOf, policy)).toEqual(once);
    expect(exposureSummary([...EXPOSURES].reverse(), asOf, policy)).toEqual(once);
  });

  it('weights add up without floating-point drift', () => {
    const exposures = [
      exposure('a', '2026-03-01T10:00:00.000Z', { severityWeight: 0.1 }),
      exposure('b', '2026-03-02T10:00:00.000Z', { severityWeight: 0.2 }),
    ];
    expect(exposureSummary(exposures, at('2026-03-03T00:00:00.000Z'), policy).windows[0]?.weightedSum).toBe(0.3);
  });

  it('the windows follow the policy, in its order', () => {
    const custom: ExposurePolicy = { ...policy, windows: [7, 28] };
    expect(exposureSummary(EXPOSURES, at('2026-03-02T09:00:00.000Z'), custom).windows.map((w) => w.days)).toEqual([
      7, 28,
    ]);
  });

  it('refuses data no projection should produce: several people, bad dates, negative weights', () => {
    const asOf = at('2026-03-20T12:00:00.000Z');
    expect(() =>
      exposureSummary([...EXPOSURES, { ...exposure('x', '2026-03-01T00:00:00Z'), personId: 'P-9' }], asOf, policy),
    ).toThrow(RangeError);
    expect(() => exposureSummary([exposure('x', 'yesterday')], asOf, policy)).toThrow(RangeError);
    expect(() =>
      exposureSummary([exposure('x', '2026-03-01T00:00:00Z', { severityWeight: -1 })], asOf, policy),
    ).toThrow(RangeError);
  });
});

describe('being above the threshold', () => {
  it('three exposures in 90 days put a person over the threshold from the third', () => {
    expect(isAboveThreshold(EXPOSURES, at('2026-03-02T07:59:59.999Z'), policy)).toBe(false);
    expect(aboveThresholdSince(EXPOSURES, at('2026-03-02T09:00:00.000Z'), policy)).toBe('2026-03-02T08:00:00.000Z');
  });

  it('they drop below when the first exposure is exactly 90 London days old', () => {
    // e-1 on Mon 12 Jan 02:00 GMT leaves the window on Sun 12 Apr 02:00 BST (01:00Z).
    expect(isAboveThreshold(EXPOSURES, at('2026-04-12T00:59:59.999Z'), policy)).toBe(true);
    expect(isAboveThreshold(EXPOSURES, at('2026-04-12T01:00:00.000Z'), policy)).toBe(false);
  });

  it('in weight mode one severe exposure can be enough; in count mode three light ones are', () => {
    const severe = [exposure('s', '2026-03-01T10:00:00.000Z', { severityWeight: 3 })];
    const light = ['a', 'b', 'c'].map((id, i) =>
      exposure(id, `2026-03-0${i + 1}T10:00:00.000Z`, { severityWeight: 0.5 }),
    );
    const asOf = at('2026-03-05T00:00:00.000Z');
    const countMode: ExposurePolicy = { ...policy, threshold: { windowDays: 90, minCount: 3, minWeight: null } };
    const either: ExposurePolicy = { ...policy, threshold: { windowDays: 90, minCount: 3, minWeight: 3 } };
    expect([isAboveThreshold(severe, asOf, policy), isAboveThreshold(light, asOf, policy)]).toEqual([true, false]);
    expect([isAboveThreshold(severe, asOf, countMode), isAboveThreshold(light, asOf, countMode)]).toEqual([
      false,
      true,
    ]);
    expect([isAboveThreshold(severe, asOf, either), isAboveThreshold(light, asOf, either)]).toEqual([true, true]);
  });

  it('a removed exposure can take a person back below', () => {
    const corrected = [...EXPOSURES, { ...EXPOSURES[1]!, removed: true }];
    expect(isAboveThreshold(corrected, at('2026-03-02T09:00:00.000Z'), policy)).toBe(false);
  });
});

describe('deciding whether to raise a proactive-support task', () => {
  const asOf = at('2026-03-02T09:00:00.000Z');
  const closedTask = (taskId: string, triggeredAt: string): PreviousSupportTask => ({
    taskId,
    triggeredAt,
    open: false,
  });
  const openTask = (taskId: string, triggeredAt: string): PreviousSupportTask => ({ taskId, triggeredAt, open: true });
  const LATER = [
    ...EXPOSURES,
    exposure('e-4', '2026-05-15T10:00:00.000Z'),
    exposure('e-5', '2026-05-20T10:00:00.000Z'),
  ];

  it('the crossing raises a task named after the person and the crossing exposure, with the history', () => {
    expect(thresholdCrossing(EXPOSURES, asOf, policy, [])).toEqual({
      raise: true,
      taskId: supportTaskId(PERSON_ID, 'e-3'),
      personId: PERSON_ID,
      triggeringExposure: HISTORY[2],
      aboveSince: '2026-03-02T08:00:00.000Z',
      history: HISTORY,
      summary: {
        asOf: '2026-03-02T09:00:00.000Z',
        windows: [
          { days: 30, count: 2, weightedSum: 2 },
          { days: 90, count: 3, weightedSum: 3 },
          { days: 365, count: 3, weightedSum: 3 },
        ],
      },
    });
  });

  it('below the threshold, nothing is raised', () => {
    expect(thresholdCrossing(EXPOSURES.slice(0, 2), asOf, policy, [])).toEqual({
      raise: false,
      reason: 'below_threshold',
      aboveSince: null,
    });
  });

  it('the same exposure processed twice names the same task, and once raised it is not raised again', () => {
    const first = thresholdCrossing(EXPOSURES, asOf, policy, []);
    const again = thresholdCrossing([...EXPOSURES, EXPOSURES[2]!], at('2026-03-02T09:05:00.000Z'), policy, []);
    expect(first.raise && again.raise && [first.taskId, again.taskId]).toEqual([TASK_ID, TASK_ID]);
    expect(thresholdCrossing(EXPOSURES, asOf, policy, [openTask(TASK_ID, '2026-03-02T08:00:00.000Z')])).toMatchObject({
      raise: false,
      reason: 'already_raised',
    });
  });

  it('further exposures while continuously above raise nothing, even after the task closed', () => {
    const more = [
      ...EXPOSURES,
      exposure('e-4', '2026-03-20T10:00:00.000Z'),
      exposure('e-5', '2026-04-20T10:00:00.000Z'),
    ];
    const raised = closedTask(TASK_ID, '2026-03-02T08:00:00.000Z');
    expect(thresholdCrossing(more, at('2026-04-20T11:00:00.000Z'), policy, [raised])).toEqual({
      raise: false,
      reason: 'already_raised',
      aboveSince: '2026-03-02T08:00:00.000Z',
    });
  });

  it('after dropping below, crossing again raises a new task named after the new crossing exposure', () => {
    // Below from 12 Apr (e-1 ages out) until e-5 on 20 May makes three in 90 days again (e-3, e-4, e-5).
    const previous = [closedTask(TASK_ID, '2026-03-02T08:00:00.000Z')];
    expect(thresholdCrossing(LATER, at('2026-05-15T11:00:00.000Z'), policy, previous)).toMatchObject({
      raise: false,
      reason: 'below_threshold',
    });
    const crossing = thresholdCrossing(LATER, at('2026-05-20T11:00:00.000Z'), policy, previous);
    expect(crossing).toMatchObject({
      raise: true,
      taskId: supportTaskId(PERSON_ID, 'e-5'),
      aboveSince: '2026-05-20T10:00:00.000Z',
      triggeringExposure: { exposureId: 'e-5' },
    });
    expect(crossing.raise && crossing.history.map((e) => e.exposureId)).toEqual(['e-1', 'e-2', 'e-3', 'e-4', 'e-5']);
  });

  it('crossing again while the earlier task is still open raises nothing: its coordinator has the person', () => {
    expect(
      thresholdCrossing(LATER, at('2026-05-20T11:00:00.000Z'), policy, [openTask(TASK_ID, '2026-03-02T08:00:00.000Z')]),
    ).toEqual({ raise: false, reason: 'task_open', aboveSince: '2026-05-20T10:00:00.000Z' });
  });

  it('a late-arriving exposure that moves the crossing earlier in the same spell raises no second task', () => {
    const withLate = [...EXPOSURES, exposure('e-late', '2026-02-20T10:00:00.000Z')];
    const previous = [closedTask(TASK_ID, '2026-03-02T08:00:00.000Z')];
    expect(aboveThresholdSince(withLate, asOf, policy)).toBe('2026-02-20T10:00:00.000Z');
    expect(thresholdCrossing(withLate, asOf, policy, previous)).toMatchObject({
      raise: false,
      reason: 'already_raised',
    });
    // Without knowing the earlier task, the spell would be named after e-late instead.
    expect(thresholdCrossing(withLate, asOf, policy, [])).toMatchObject({
      raise: true,
      taskId: supportTaskId(PERSON_ID, 'e-late'),
    });
  });

  it('out-of-order arrival decides the same as arrival in order', () => {
    const shuffled = [EXPOSURES[2]!, EXPOSURES[0]!, EXPOSURES[1]!];
    expect(thresholdCrossing(shuffled, asOf, policy, [])).toEqual(thresholdCrossing(EXPOSURES, asOf, policy, []));
  });

  it('simultaneous exposures cross on the last of them in exposure-id order', () => {
    const same = ['x-b', 'x-a', 'x-c'].map((id) => exposure(id, '2026-03-01T10:00:00.000Z'));
    expect(thresholdCrossing(same, asOf, policy, [])).toMatchObject({
      raise: true,
      taskId: supportTaskId(PERSON_ID, 'x-c'),
    });
  });

  it('builds the RaiseSupportTask data from a crossing and the person directory', () => {
    const crossing = thresholdCrossing(EXPOSURES, asOf, policy, []);
    if (!crossing.raise) throw new Error('expected a crossing');
    expect(supportTaskRequest(crossing, { personName: 'Alex Morgan', department: 'Roads Policing' })).toEqual({
      taskId: TASK_ID,
      personId: PERSON_ID,
      personName: 'Alex Morgan',
      department: 'Roads Policing',
      triggeringExposureId: 'e-3',
      exposures: HISTORY,
      summary: crossing.summary,
    });
  });
});
