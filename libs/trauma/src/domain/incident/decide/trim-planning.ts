import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type { RecordTrimPlanningMeeting } from '../commands';
import { INCIDENT_DEADLINES } from '../estip-policy';
import { conflict } from '../errors';
import type { IncidentEvent, TrimOffer } from '../events';
import type { IncidentState } from '../state';
import { requireExposedPeople, requireOpen, requireText } from './guards';

/**
 * The TRiM planning meeting (24–48 h after the incident) decides which exposed colleagues
 * are offered a TRiM risk assessment; offering nobody is a decision too. It runs alongside
 * ESTIP, not in its order. Each offer carries what a TRiM activation needs to start.
 */
export function holdTrimPlanning(command: RecordTrimPlanningMeeting, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(state);
  if (incident.trimPlanning === 'held') {
    throw conflict('INCIDENT.TRIM_PLANNING_ALREADY_HELD', 'The TRiM planning meeting is already recorded');
  }
  const { data, now } = command;
  const chairedBy = requireText(data.chairedBy, 'chairedBy');
  const offered = requireExposedPeople(incident, data.offeredRiskAssessment, 'offeredRiskAssessment', {
    atLeastOne: false,
  });
  const offers = offered.map((personId): TrimOffer => {
    const { name, department } = incident.exposures[personId];
    return { personId, name, department };
  });
  return [
    {
      type: 'TrimPlanningMeetingHeld',
      data: {
        incidentId: incident.incidentId,
        occurredAt: incident.occurredAt,
        chairedBy,
        offeredRiskAssessment: offers,
        heldAt: now.toISOString(),
      },
    },
    ...meetDeadline(incident.deadlines, INCIDENT_DEADLINES.trimPlanning, now),
  ];
}
