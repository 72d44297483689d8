import type { DomainError } from '@casework/core/domain/domain-error';
import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type {
  ConcludeMonitoring,
  RecordDefusion,
  RecordDemobilisation,
  RecordEstim,
  SkipEstipStage,
  StartMonitoring,
} from '../commands';
import { INCIDENT_DEADLINES } from '../estip-policy';
import { conflict, invalid } from '../errors';
import type { IncidentEvent } from '../events';
import type { EstipStageStatus, IncidentState, OpenIncident } from '../state';
import { ESTIP_STAGES, type EstipStage } from '../types';
import { waiveIfOpen } from './deadlines';
import { requireDistinct, requireExposedPeople, requireOpen, requireReferrals, requireText } from './guards';

/**
 * ESTIP's tiers go in order: demobilisation → defusion → ESTIM → monitoring. Each is
 * held or skipped (with a reason) before the next; none is recorded twice, nor after a
 * later one. Holding or skipping a stage settles its deadline, if it has one.
 */

/** The demobilisation decides whether a defusion is needed; if not, its deadline goes. */
export function demobilise(command: RecordDemobilisation, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(state);
  requireStageOpen(incident, 'demobilisation');
  const { data, now, actor } = command;
  const ledBy = { personId: requireText(data.ledBy.personId, 'ledBy.personId'), lead: data.ledBy.lead };
  const attendees = requireExposedPeople(incident, data.attendees, 'attendees', { atLeastOne: true });
  const defusionNotNeeded = !data.defusionNeeded && incident.estip.defusion === 'pending';
  const notNeeded = 'demobilisation found no defusion needed';
  return [
    {
      type: 'DemobilisationHeld',
      data: { ledBy, attendees, defusionNeeded: data.defusionNeeded, heldAt: now.toISOString() },
    },
    ...meetDeadline(incident.deadlines, INCIDENT_DEADLINES.demobilisation, now),
    ...(defusionNotNeeded
      ? waiveIfOpen(incident.deadlines, INCIDENT_DEADLINES.defusion, notNeeded, actor.userId)
      : []),
  ];
}

/**
 * A defusion is one to one or a group of two or more, led by a peer defuser; it finds
 * which attendees need more support. It may still be held after the demobilisation
 * found none needed, as long as ESTIM has not been recorded.
 */
export function defuse(command: RecordDefusion, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(state);
  requireStageOpen(incident, 'defusion', ['pending', 'not_needed']);
  const { data, now } = command;
  const peerDefuserId = requireText(data.peerDefuserId, 'peerDefuserId');
  const attendees = requireExposedPeople(incident, data.attendees, 'attendees', { atLeastOne: true });
  const fits = data.format === 'one_to_one' ? attendees.length === 1 : attendees.length >= 2;
  if (!fits) {
    throw invalid(
      'INCIDENT.ATTENDEES_DONT_FIT_FORMAT',
      data.format === 'one_to_one'
        ? 'A one-to-one defusion has exactly one attendee'
        : 'A group defusion has two or more attendees',
      'attendees',
    );
  }
  requireDistinct(data.needingMoreSupport, 'needingMoreSupport');
  const absent = data.needingMoreSupport.find((personId) => !attendees.includes(personId));
  if (absent !== undefined) {
    throw invalid('INCIDENT.NOT_AN_ATTENDEE', `${absent} did not attend the defusion`, 'needingMoreSupport');
  }
  return [
    {
      type: 'DefusionHeld',
      data: {
        format: data.format,
        peerDefuserId,
        attendees,
        needingMoreSupport: data.needingMoreSupport,
        heldAt: now.toISOString(),
      },
    },
    ...meetDeadline(incident.deadlines, INCIDENT_DEADLINES.defusion, now),
  ];
}

export function holdEstim(command: RecordEstim, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(state);
  requireStageOpen(incident, 'estim');
  const { data, now } = command;
  const attendees = requireExposedPeople(incident, data.attendees, 'attendees', { atLeastOne: true });
  const referredOn = requireReferrals(incident, data.referredOn, 'referredOn');
  return [
    {
      type: 'EstimHeld',
      data: { attendees, includesOh: data.includesOh, referredOn, heldAt: now.toISOString() },
    },
  ];
}

export function startMonitoring(command: StartMonitoring, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(state);
  requireStageOpen(incident, 'monitoring');
  const monitored = requireExposedPeople(incident, command.data.monitored, 'monitored', { atLeastOne: true });
  return [{ type: 'MonitoringStarted', data: { monitored, startedAt: command.now.toISOString() } }];
}

/** `referred_on` names who went where; the other outcomes name nobody. */
export function concludeMonitoring(command: ConcludeMonitoring, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(state);
  const { monitoring } = incident.estip;
  if (monitoring === 'pending') throw conflict('INCIDENT.MONITORING_NOT_STARTED', 'Monitoring has not started');
  if (monitoring !== 'in_progress') throw alreadyRecorded('monitoring', monitoring);
  const { outcome } = command.data;
  const referredOn = requireReferrals(incident, command.data.referredOn, 'referredOn');
  if ((outcome === 'referred_on') !== referredOn.length > 0) {
    throw invalid(
      'INCIDENT.REFERRALS_DONT_FIT_OUTCOME',
      outcome === 'referred_on'
        ? 'Say who was referred on, and where'
        : `Nobody is referred on when the outcome is ${outcome.replace(/_/g, ' ')}`,
      'referredOn',
    );
  }
  return [{ type: 'MonitoringConcluded', data: { outcome, referredOn, concludedAt: command.now.toISOString() } }];
}

/** A tier that will not be given (e.g. nobody available to defuse in time): say why. */
export function skipStage(command: SkipEstipStage, state: IncidentState): IncidentEvent[] {
  const incident = requireOpen(state);
  const { stage } = command.data;
  requireStageOpen(incident, stage);
  const reason = requireText(command.data.reason, 'reason');
  const deadline = STAGE_DEADLINES[stage];
  return [
    { type: 'EstipStageSkipped', data: { stage, reason, skippedAt: command.now.toISOString() } },
    ...(deadline ? waiveIfOpen(incident.deadlines, deadline, `${stage} skipped: ${reason}`, command.actor.userId) : []),
  ];
}

const STAGE_DEADLINES: Readonly<Record<EstipStage, string | null>> = {
  demobilisation: INCIDENT_DEADLINES.demobilisation,
  defusion: INCIDENT_DEADLINES.defusion,
  estim: null,
  monitoring: null,
};

function requireStageOpen(
  incident: OpenIncident,
  stage: EstipStage,
  recordableFrom: readonly EstipStageStatus[] = ['pending'],
): void {
  const status = incident.estip[stage];
  if (!recordableFrom.includes(status)) throw alreadyRecorded(stage, status);
  const index = ESTIP_STAGES.indexOf(stage);
  const earlier = ESTIP_STAGES.slice(0, index).find((s) => incident.estip[s] === 'pending');
  if (earlier) {
    throw conflict('INCIDENT.STAGE_OUT_OF_ORDER', `Hold or skip the ${label(earlier)} before the ${label(stage)}`);
  }
  const later = ESTIP_STAGES.slice(index + 1).find((s) => incident.estip[s] !== 'pending');
  if (later) {
    throw conflict('INCIDENT.STAGE_OUT_OF_ORDER', `The ${label(later)} is already recorded, after the ${label(stage)}`);
  }
}

function alreadyRecorded(stage: EstipStage, status: EstipStageStatus): DomainError {
  return conflict(
    'INCIDENT.STAGE_ALREADY_RECORDED',
    `The ${label(stage)} is already recorded as ${status.replace(/_/g, ' ')}`,
  );
}

function label(stage: EstipStage): string {
  return stage === 'estim' ? 'ESTIM' : stage;
}
