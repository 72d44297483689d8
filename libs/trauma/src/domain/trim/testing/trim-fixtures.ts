import { deterministicId } from '@casework/core/ids';
import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import { scheduleDeadline } from '@casework/timers/domain/deadline-ledger';
import type { TrimCommand } from '../commands';
import { createTrimDecider } from '../decider';
import type { TrimActivatedData, TrimEvent, TrimRiskAssessmentRecordedData } from '../events';
import { DEFAULT_TRIM_POLICY, escalationLadder } from '../policy';
import { TRIM_RISK_ITEM_KEYS, type Actor, type AssessmentKind, type TrimRiskItem, type TrimRiskScores } from '../types';

/**
 * One person's TRiM story on fixed dates, for given/when/then specs. Early March 2026 is
 * GMT, so London times read the same as the UTC ones written here; British Summer Time
 * starts on Sunday 29 March, and Good Friday (3 Apr) and Easter Monday (6 Apr) fall in
 * the follow-up's grace period. The incident is on Monday 2 March at 14:00.
 */
export const calendar = new LondonWorkingCalendar({ holidays: ['2026-04-03', '2026-04-06', '2026-05-04'] });
export const policy = DEFAULT_TRIM_POLICY;
export const decider = createTrimDecider({ policy, calendar });
export const spec = deciderSpec(decider);

export const ACTIVATION_ID = 'act-1';
export const PRACTITIONER = 'u-practitioner';
export const ACTOR: Actor = { userId: 'u-coordinator', role: 'trim_coordinator' };

export const T = {
  incident: '2026-03-02T14:00:00.000Z',
  activated: '2026-03-03T09:00:00.000Z',
  allocated: '2026-03-03T10:00:00.000Z',
  briefDelivered: '2026-03-03T15:00:00.000Z',
  briefRecorded: '2026-03-03T16:00:00.000Z',
  initial: '2026-03-05T14:00:00.000Z',
  followUp: '2026-03-30T10:00:00.000Z',
  linked: '2026-03-30T10:05:00.000Z',
  closed: '2026-04-01T10:00:00.000Z',
} as const;

/** Due times of the story's deadlines under the default policy. */
export const DUE = {
  traumaBrief: '2026-03-04T09:00:00.000Z', // 24 h after activation
  initialAssessment: '2026-03-06T14:00:00.000Z', // 96 h after the incident
  followUpAssessment: '2026-04-08T16:00:00.000Z', // 28 days, then 5 working days: 17:00 BST
} as const;

export type CommandOf<Type extends TrimCommand['type']> = Extract<TrimCommand, { type: Type }>;

/** A command sent by the TRiM coordinator; its id defaults to `cmd-<type>`. */
export function command<Type extends TrimCommand['type']>(
  type: Type,
  data: CommandOf<Type>['data'],
  now: string,
  commandId: string = `cmd-${type}`,
): CommandOf<Type> {
  return { type, data, now: new Date(now), commandId, actor: ACTOR } as CommandOf<Type>;
}

/** The id the decider derives for what the command with `cmd-<type>` created. */
export function idFrom(type: TrimCommand['type'], what: string): string {
  return deterministicId(`cmd-${type}`, what);
}

/** Scores with the named items present (1) and every other item absent (0). */
export function scores(...present: readonly TrimRiskItem[]): TrimRiskScores {
  return Object.fromEntries(TRIM_RISK_ITEM_KEYS.map((key) => [key, present.includes(key) ? 1 : 0])) as TrimRiskScores;
}

/** Three items present: at the default threshold. */
export const HIGH = scores('life_threatened', 'shame_or_guilt', 'acute_stress_symptoms');
/** One item present: below it. */
export const LOW = scores('acute_stress_symptoms');

export const ACTIVATION: TrimActivatedData = {
  activationId: ACTIVATION_ID,
  personId: 'P-1234',
  personName: 'Alex Morgan',
  employmentType: 'police_officer',
  department: 'Response',
  source: 'incident',
  incidentId: 'inc-9',
  incidentOccurredAt: T.incident,
  assessmentClockFrom: T.incident,
  activatedBy: 'u-supervisor',
  activatedAt: T.activated,
};

/** A deadline as the decider schedules it, the ladder computed by the (separately tested) policy. */
export function scheduled(kind: string, by: TrimCommand['type'], dueAt: string, ownerId: string | null): TrimEvent {
  return scheduleDeadline({
    deadlineId: idFrom(by, kind),
    kind,
    dueAt: new Date(dueAt),
    ownerId,
    escalations: escalationLadder(policy, calendar, new Date(dueAt)),
  });
}

export function met(kind: string, by: TrimCommand['type'], metAt: string, late = false): TrimEvent {
  return { type: 'DeadlineMet', data: { deadlineId: idFrom(by, kind), kind, metAt, late } };
}

/** An assessment as recorded under the default threshold of 3. */
export function assessed(
  kind: AssessmentKind,
  given: TrimRiskScores,
  assessedAt: string,
  practitionerRequestedReferral = false,
): TrimEvent & { type: 'TrimRiskAssessmentRecorded'; data: TrimRiskAssessmentRecordedData } {
  const total = Object.values(given).reduce<number>((sum, score) => sum + score, 0);
  return {
    type: 'TrimRiskAssessmentRecorded',
    data: {
      kind,
      practitionerId: PRACTITIONER,
      scores: given,
      total,
      threshold: 3,
      atOrAboveThreshold: total >= 3,
      practitionerRequestedReferral,
      notes: 'Nightmares since the incident; partner away on deployment.',
      assessedAt,
    },
  };
}

export const REFERRAL_REASON = 'TRiM follow-up risk assessment at or above the threshold';

/** The events of the story up to each status, each stage building on the last. */
export const history = {
  awaitingPractitioner: (overrides: Partial<TrimActivatedData> = {}): TrimEvent[] => [
    { type: 'TrimActivated', data: { ...ACTIVATION, ...overrides } },
    scheduled('trauma-brief', 'ActivateTrim', DUE.traumaBrief, null),
    scheduled('initial-assessment', 'ActivateTrim', DUE.initialAssessment, null),
  ],
  awaitingInitialAssessment: (): TrimEvent[] => [
    ...history.awaitingPractitioner(),
    { type: 'PractitionerAllocated', data: { practitionerId: PRACTITIONER, allocatedAt: T.allocated } },
  ],
  briefDelivered: (): TrimEvent[] => [
    ...history.awaitingInitialAssessment(),
    {
      type: 'TraumaInterventionBriefDelivered',
      data: { practitionerId: PRACTITIONER, deliveredAt: T.briefDelivered, recordedAt: T.briefRecorded },
    },
    met('trauma-brief', 'ActivateTrim', T.briefDelivered),
  ],
  awaitingFollowUp: (initial: TrimRiskScores = LOW): TrimEvent[] => [
    ...history.briefDelivered(),
    assessed('initial', initial, T.initial),
    met('initial-assessment', 'ActivateTrim', T.initial),
    scheduled('follow-up-assessment', 'RecordRiskAssessment', DUE.followUpAssessment, PRACTITIONER),
  ],
  awaitingClosure: (): TrimEvent[] => [
    ...history.awaitingFollowUp(),
    assessed('follow_up', LOW, T.followUp),
    met('follow-up-assessment', 'RecordRiskAssessment', T.followUp),
  ],
  referralRequested: (): TrimEvent[] => [
    ...history.awaitingFollowUp(HIGH),
    assessed('follow_up', HIGH, T.followUp),
    met('follow-up-assessment', 'RecordRiskAssessment', T.followUp),
    {
      type: 'TrimReferralRequested',
      data: {
        activationId: ACTIVATION_ID,
        personId: 'P-1234',
        personName: 'Alex Morgan',
        employmentType: 'police_officer',
        department: 'Response',
        practitionerId: PRACTITIONER,
        reason: REFERRAL_REASON,
        followUpTotal: 3,
        threshold: 3,
        practitionerRequested: false,
        requestedAt: T.followUp,
      },
    },
  ],
  referred: (referralId = 'ref-77'): TrimEvent[] => [
    ...history.referralRequested(),
    { type: 'TrimReferralOpened', data: { referralId, linkedAt: T.linked } },
  ],
  closed: (): TrimEvent[] => [
    ...history.awaitingClosure(),
    { type: 'TrimClosed', data: { outcome: 'no_further_action', note: null, closedAt: T.closed } },
  ],
  declined: (): TrimEvent[] => [
    ...history.awaitingInitialAssessment(),
    {
      type: 'TrimDeclined',
      data: { stage: 'trauma_brief', reason: 'Prefers support from family', declinedAt: T.briefRecorded },
    },
    {
      type: 'DeadlineWaived',
      data: {
        deadlineId: idFrom('ActivateTrim', 'trauma-brief'),
        kind: 'trauma-brief',
        reason: 'person declined TRiM (trauma brief)',
        waivedBy: ACTOR.userId,
      },
    },
    {
      type: 'DeadlineWaived',
      data: {
        deadlineId: idFrom('ActivateTrim', 'initial-assessment'),
        kind: 'initial-assessment',
        reason: 'person declined TRiM (trauma brief)',
        waivedBy: ACTOR.userId,
      },
    },
  ],
};
