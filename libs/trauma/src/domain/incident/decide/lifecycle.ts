import { escalateDeadline, waiveDeadline } from '@casework/timers/domain/deadline-ledger';
import type { CloseIncident, EscalateDeadline, WaiveDeadline } from '../commands';
import type { IncidentEvent } from '../events';
import type { IncidentState } from '../state';
import { waiveOpenDeadlines } from './deadlines';
import { requireExisting, requireOpen, requireText } from './guards';

/**
 * Closing ends the incident's support record at any point: ESTIP may have run its course
 * or been overtaken (TRiM, OH). Every open deadline is waived with it.
 */
export function close(command: CloseIncident, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(state);
  const reason = requireText(command.data.reason, 'reason');
  return [
    { type: 'IncidentClosed', data: { reason, closedAt: command.now.toISOString() } },
    ...waiveOpenDeadlines(incident.deadlines, `incident closed: ${reason}`, command.actor.userId),
  ];
}

export function waive(command: WaiveDeadline, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(state);
  return waiveDeadline(incident.deadlines, command.data.kind, command.data.reason, command.actor.userId);
}

/**
 * A timer woke up. Timers fire late, twice, or after the stage moved on, so this never
 * fails on an existing incident: the ledger records the rung only if it still stands.
 */
export function escalate(command: EscalateDeadline, state: IncidentState): IncidentEvent[] {
  const incident = requireExisting(state);
  const { deadlineId, level } = command.data;
  return escalateDeadline(incident.deadlines, { deadlineId, level, now: command.now });
}
