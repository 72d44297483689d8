import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type {
  ActivateTrim,
  AllocatePractitioner,
  ReallocatePractitioner,
  RecordTraumaInterventionBrief,
} from '../commands';
import { conflict, invalid } from '../errors';
import type { TrimEvent } from '../events';
import { initialAssessmentDueAt, traumaBriefDueAt, TRIM_DEADLINES } from '../policy';
import type { TrimState } from '../state';
import { scheduleTrimDeadline, type TrimDeciderDeps } from './deadlines';
import { optionalText, requireOpen, requirePractitioner, requireText, requireValidDate } from './guards';

/**
 * A new activation waits for a practitioner, with two clocks already running: the trauma
 * brief (from the activation) and the initial assessment (from the incident). Both are
 * the TRiM coordinator's until someone is allocated, so they start unowned; allocation
 * does not re-schedule them, which would restart their escalation ladders.
 */
export function activate(command: ActivateTrim, state: TrimState, deps: TrimDeciderDeps): TrimEvent[] {
  if (state.status !== 'none') throw conflict('TRIM.ALREADY_ACTIVATED', 'TRiM is already activated for this case');
  const { data, now, actor, commandId } = command;
  for (const field of ['activationId', 'personId', 'personName', 'department'] as const) {
    requireText(data[field], field);
  }
  const incidentId = optionalText(data.incidentId);
  const incidentOccurredAt = data.incidentOccurredAt === null ? null : checkIncidentTime(data.incidentOccurredAt, now);
  if (data.source === 'incident') {
    if (incidentId === null) throw invalid('TRIM.FIELD_REQUIRED', 'Name the incident', 'incidentId');
    if (incidentOccurredAt === null) {
      throw invalid('TRIM.FIELD_REQUIRED', 'Say when the incident happened', 'incidentOccurredAt');
    }
  }
  // Self and manager referrals may come long after any incident: their clock starts now.
  const clockFrom = data.source === 'incident' && incidentOccurredAt !== null ? incidentOccurredAt : now;
  return [
    {
      type: 'TrimActivated',
      data: {
        activationId: data.activationId,
        personId: data.personId,
        personName: data.personName,
        employmentType: data.employmentType,
        department: data.department,
        source: data.source,
        incidentId,
        incidentOccurredAt: incidentOccurredAt?.toISOString() ?? null,
        assessmentClockFrom: clockFrom.toISOString(),
        activatedBy: optionalText(data.activatedBy) ?? actor.userId,
        activatedAt: now.toISOString(),
      },
    },
    scheduleTrimDeadline(deps, {
      kind: TRIM_DEADLINES.traumaBrief,
      commandId,
      dueAt: traumaBriefDueAt(deps.policy, deps.calendar, now),
      ownerId: null,
    }),
    scheduleTrimDeadline(deps, {
      kind: TRIM_DEADLINES.initialAssessment,
      commandId,
      dueAt: initialAssessmentDueAt(deps.policy, deps.calendar, clockFrom),
      ownerId: null,
    }),
  ];
}

function checkIncidentTime(incidentOccurredAt: Date, now: Date): Date {
  requireValidDate(incidentOccurredAt, 'incidentOccurredAt');
  if (incidentOccurredAt.getTime() > now.getTime()) {
    throw invalid('TRIM.INCIDENT_IN_FUTURE', 'The incident cannot be after the activation', 'incidentOccurredAt');
  }
  return incidentOccurredAt;
}

export function allocate(command: AllocatePractitioner, state: TrimState): TrimEvent[] {
  const activation = requireOpen(state);
  if (activation.practitionerId !== null) {
    throw conflict(
      'TRIM.PRACTITIONER_ALREADY_ALLOCATED',
      'A practitioner is already allocated; reallocate the activation instead',
    );
  }
  const practitionerId = requireText(command.data.practitionerId, 'practitionerId');
  return [{ type: 'PractitionerAllocated', data: { practitionerId, allocatedAt: command.now.toISOString() } }];
}

/**
 * Open deadlines keep the owner they were scheduled with: re-scheduling them would
 * restart their escalation ladder. Whoever tells "the owner" reads the current practitioner.
 */
export function reallocate(command: ReallocatePractitioner, state: TrimState): TrimEvent[] {
  const activation = requireOpen(state);
  const fromPractitionerId = requirePractitioner(activation);
  const toPractitionerId = requireText(command.data.practitionerId, 'practitionerId');
  const reason = requireText(command.data.reason, 'reason');
  if (toPractitionerId === fromPractitionerId) {
    throw invalid(
      'TRIM.SAME_PRACTITIONER',
      `The activation is already allocated to ${toPractitionerId}`,
      'practitionerId',
    );
  }
  return [
    {
      type: 'PractitionerReallocated',
      data: { fromPractitionerId, toPractitionerId, reason, reallocatedAt: command.now.toISOString() },
    },
  ];
}

/**
 * The brief is recorded when it happened (`deliveredAt`), which may be before it is keyed
 * in but never before the activation or after now; the deadline is met at that time.
 */
export function recordBrief(command: RecordTraumaInterventionBrief, state: TrimState): TrimEvent[] {
  const activation = requireOpen(state);
  const practitionerId = requirePractitioner(activation);
  if (activation.briefDeliveredAt !== null) {
    throw conflict('TRIM.BRIEF_ALREADY_DELIVERED', 'The trauma intervention brief has already been recorded');
  }
  const { now } = command;
  const deliveredAt = requireValidDate(command.data.deliveredAt, 'deliveredAt');
  if (deliveredAt.getTime() > now.getTime()) {
    throw invalid('TRIM.BRIEF_IN_FUTURE', 'A brief is recorded once it has been delivered', 'deliveredAt');
  }
  if (deliveredAt.getTime() < Date.parse(activation.activatedAt)) {
    throw invalid('TRIM.BRIEF_BEFORE_ACTIVATION', 'The brief cannot be before TRiM was activated', 'deliveredAt');
  }
  return [
    {
      type: 'TraumaInterventionBriefDelivered',
      data: { practitionerId, deliveredAt: deliveredAt.toISOString(), recordedAt: now.toISOString() },
    },
    ...meetDeadline(activation.deadlines, TRIM_DEADLINES.traumaBrief, deliveredAt),
  ];
}
