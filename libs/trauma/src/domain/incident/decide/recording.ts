import type { AddExposedColleague, ExposedColleagueInput, RecordIncident, RemoveExposedColleague } from '../commands';
import {
  defusionDueAt,
  demobilisationDueAt,
  INCIDENT_DEADLINES,
  trimPlanningDueAt,
  type IncidentDeadlineKind,
} from '../estip-policy';
import { conflict, invalid } from '../errors';
import type { ColleagueExposedData, IncidentEvent, IncidentRecordedData } from '../events';
import { incidentTypeOf } from '../incident-taxonomy';
import type { IncidentCase, IncidentState } from '../state';
import { scheduleIncidentDeadline, type IncidentDeciderDeps } from './deadlines';
import { optionalText, requireDistinct, requireOpen, requireText } from './guards';

/**
 * Recording an incident starts ESTIP's clocks, all measured from when it occurred: the
 * demobilisation (owned by whoever recorded it, usually the supervisor on the day), the
 * defusion and the TRiM planning meeting (the wellbeing and TRiM coordinators' queue).
 * Each colleague exposed is a fact of its own, for their repeat-exposure record.
 */
export function record(command: RecordIncident, state: IncidentState, deps: IncidentDeciderDeps): IncidentEvent[] {
  if (state.status !== 'none') throw conflict('INCIDENT.ALREADY_EXISTS', 'This incident has already been recorded');
  const { data, now, actor, commandId } = command;
  for (const field of ['incidentId', 'location', 'department', 'summary'] as const) {
    requireText(data[field], field);
  }
  const type = incidentTypeOf(deps.taxonomy, data.type);
  if (!type) {
    const message = `${JSON.stringify(data.type)} is not an incident type of this force`;
    throw invalid('INCIDENT.UNKNOWN_TYPE', message, 'type');
  }
  const occurredAt = data.occurredAt.getTime();
  if (Number.isNaN(occurredAt)) throw invalid('INCIDENT.INVALID_DATE', 'occurredAt is not a valid date', 'occurredAt');
  if (occurredAt > now.getTime()) {
    throw invalid('INCIDENT.OCCURRED_IN_FUTURE', 'An incident cannot be recorded before it occurs', 'occurredAt');
  }
  data.exposedColleagues.forEach((colleague, i) => requireColleague(colleague, `exposedColleagues[${i}].`));
  requireDistinct(data.exposedColleagues.map((c) => c.personId), 'exposedColleagues');
  const incident: IncidentRecordedData = {
    incidentId: data.incidentId,
    type: type.code,
    typeLabel: type.label,
    severityWeight: type.weight,
    occurredAt: data.occurredAt.toISOString(),
    location: data.location,
    department: data.department,
    summary: data.summary,
    recordedBy: optionalText(data.recordedBy) ?? actor.userId,
    recordedAt: now.toISOString(),
  };
  const { policy, calendar } = deps;
  const deadline = (kind: IncidentDeadlineKind, dueAt: Date, ownerId: string | null) =>
    scheduleIncidentDeadline(deps, { kind, commandId, dueAt, ownerId });
  return [
    { type: 'IncidentRecorded', data: incident },
    ...data.exposedColleagues.map((colleague) => exposed(incident, colleague, now)),
    deadline(
      INCIDENT_DEADLINES.demobilisation,
      demobilisationDueAt(policy, calendar, data.occurredAt),
      incident.recordedBy,
    ),
    deadline(INCIDENT_DEADLINES.defusion, defusionDueAt(policy, calendar, data.occurredAt), null),
    deadline(INCIDENT_DEADLINES.trimPlanning, trimPlanningDueAt(policy, calendar, data.occurredAt), null),
  ];
}

/**
 * Someone found to have been exposed after the incident was recorded. A colleague whose
 * exposure was removed (recorded in error) may be added again: the later fact stands.
 */
export function addColleague(command: AddExposedColleague, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(state);
  const colleague = requireColleague(command.data, '');
  if (incident.exposures[colleague.personId]?.status === 'exposed') {
    throw conflict('INCIDENT.COLLEAGUE_ALREADY_EXPOSED', `${colleague.personId} is already recorded as exposed`);
  }
  return [exposed(incident, colleague, command.now)];
}

/** Only for an exposure recorded in error: it then stops counting toward repeat exposure. */
export function removeColleague(command: RemoveExposedColleague, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(state);
  const { personId } = command.data;
  const exposure = incident.exposures[personId];
  if (!exposure) {
    throw invalid('INCIDENT.UNKNOWN_COLLEAGUE', `${personId} was never recorded as exposed`, 'personId');
  }
  if (exposure.status === 'removed') {
    throw conflict('INCIDENT.COLLEAGUE_ALREADY_REMOVED', `${personId}'s exposure has already been removed`);
  }
  const reason = requireText(command.data.reason, 'reason');
  return [
    {
      type: 'ColleagueExposureRemoved',
      data: {
        incidentId: incident.incidentId,
        personId,
        name: exposure.name,
        reason,
        removedAt: command.now.toISOString(),
      },
    },
  ];
}

function requireColleague(colleague: ExposedColleagueInput, prefix: string): ExposedColleagueInput {
  for (const field of ['personId', 'name', 'department'] as const) {
    requireText(colleague[field], `${prefix}${field}`);
  }
  return colleague;
}

function exposed(
  incident: Pick<IncidentCase, 'incidentId' | 'type' | 'severityWeight' | 'occurredAt'>,
  colleague: ExposedColleagueInput,
  now: Date,
): IncidentEvent {
  const data: ColleagueExposedData = {
    incidentId: incident.incidentId,
    personId: colleague.personId,
    name: colleague.name,
    department: colleague.department,
    role: optionalText(colleague.role),
    exposureRole: colleague.exposureRole,
    incidentType: incident.type,
    severityWeight: incident.severityWeight,
    occurredAt: incident.occurredAt,
    exposedAt: now.toISOString(),
  };
  return { type: 'ColleagueExposed', data };
}
