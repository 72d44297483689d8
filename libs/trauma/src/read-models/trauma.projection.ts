import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@casework/core/event-store/types';
import type { Projection } from '@casework/core/projections/projection';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import { updateCaseRow } from '@casework/timers/read-model/case-row';
import { isDeadlineEvent } from '@casework/timers/read-model/deadline-summary';
import { INCIDENT_STREAM_CATEGORY, type IncidentEvent } from '../domain/incident/events';
import { TRIM_STREAM_CATEGORY, type TrimEvent } from '../domain/trim/events';

export const TRAUMA_PROJECTION = 'trauma_v1';

/**
 * Incidents, their exposed colleagues (the repeat-exposure register and the ESTIP funnel)
 * and TRiM activations, from the incident and TRiM streams. One projection over both
 * categories, so a person's TRiM activation always finds the exposure it follows (events
 * arrive in global order). Idempotent: case rows are guarded by stream revision, and the
 * funnel's per-person flags only ever become true.
 */
export const traumaProjection: Projection = {
  name: TRAUMA_PROJECTION,
  categories: [INCIDENT_STREAM_CATEGORY, TRIM_STREAM_CATEGORY],
  async handle(recorded: RecordedEvent, tx: PoolClient): Promise<void> {
    const dash = recorded.streamId.indexOf('-');
    const category = recorded.streamId.slice(0, dash);
    const id = recorded.streamId.slice(dash + 1);
    if (category === INCIDENT_STREAM_CATEGORY) {
      await incident(id, { type: recorded.type, data: recorded.data } as IncidentEvent, recorded, tx);
    } else if (category === TRIM_STREAM_CATEGORY) {
      await trim(id, { type: recorded.type, data: recorded.data } as TrimEvent, recorded, tx);
    }
  },
  async reset(tx: PoolClient): Promise<void> {
    await tx.query('delete from trauma_incidents; delete from trauma_exposures; delete from trim_activations');
  },
};

async function incident(id: string, event: IncidentEvent, recorded: RecordedEvent, tx: PoolClient): Promise<void> {
  const forceId = recorded.metadata.forceId;
  switch (event.type) {
    case 'IncidentRecorded': {
      const d = event.data;
      await tx.query(
        `insert into trauma_incidents (incident_id, force_id, incident_type, type_label, severity_weight, department,
           location, occurred_at, status, updated_at, revision)
         values ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10) on conflict (incident_id) do nothing`,
        [id, forceId, d.type, d.typeLabel, d.severityWeight, d.department, d.location, d.occurredAt,
          recorded.metadata.occurredAt, recorded.revision.toString()],
      );
      return;
    }
    case 'ColleagueExposed': {
      const d = event.data;
      await tx.query(
        `insert into trauma_exposures (incident_id, person_id, force_id, name, department, exposure_role,
           incident_type, severity_weight, occurred_at, revision)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (incident_id, person_id) do update
           set removed = false, name = excluded.name, department = excluded.department,
               exposure_role = excluded.exposure_role, revision = excluded.revision
           where trauma_exposures.revision < excluded.revision`,
        [id, d.personId, forceId, d.name, d.department, d.exposureRole, d.incidentType, d.severityWeight, d.occurredAt,
          recorded.revision.toString()],
      );
      return updateIncident(tx, id, recorded, { exposedDelta: 1 });
    }
    case 'ColleagueExposureRemoved':
      await tx.query(
        `update trauma_exposures set removed = true, revision = $3
         where incident_id = $1 and person_id = $2 and revision < $3`,
        [id, event.data.personId, recorded.revision.toString()],
      );
      return updateIncident(tx, id, recorded, { exposedDelta: -1 });
    case 'DemobilisationHeld':
      await flag(tx, id, event.data.attendees, 'demobilised');
      return updateIncident(tx, id, recorded, { stage: ['demobilisation', 'held'] });
    case 'DefusionHeld':
      await flag(tx, id, event.data.attendees, 'defused');
      return updateIncident(tx, id, recorded, { stage: ['defusion', 'held'] });
    case 'EstimHeld':
      await flag(tx, id, event.data.attendees, 'estim');
      return updateIncident(tx, id, recorded, { stage: ['estim', 'held'] });
    case 'MonitoringStarted':
      return updateIncident(tx, id, recorded, { stage: ['monitoring', 'started'] });
    case 'MonitoringConcluded':
      return updateIncident(tx, id, recorded, { stage: ['monitoring', 'concluded'] });
    case 'EstipStageSkipped':
      return updateIncident(tx, id, recorded, { stage: [event.data.stage, 'skipped'] });
    case 'TrimPlanningMeetingHeld':
      await flag(
        tx,
        id,
        event.data.offeredRiskAssessment.map((o) => o.personId),
        'trim_offered',
      );
      return updateIncident(tx, id, recorded, { stage: ['trim_planning', 'held'] });
    case 'IncidentClosed':
      return updateIncident(tx, id, recorded, { status: 'closed', clearDeadlines: true });
    default:
      if (isDeadlineEvent(event)) return updateIncident(tx, id, recorded, { deadline: event });
  }
}

type Flag = 'demobilised' | 'defused' | 'estim' | 'trim_offered';

async function flag(tx: PoolClient, incidentId: string, people: readonly string[], column: Flag): Promise<void> {
  if (people.length === 0) return;
  await tx.query(`update trauma_exposures set ${column} = true where incident_id = $1 and person_id = any($2::text[])`, [
    incidentId,
    people,
  ]);
}

interface CaseChange {
  readonly status?: string;
  readonly exposedDelta?: number;
  readonly stage?: readonly [string, string];
  readonly deadline?: DeadlineEvent;
  readonly clearDeadlines?: boolean;
}

function updateIncident(tx: PoolClient, id: string, recorded: RecordedEvent, change: CaseChange): Promise<void> {
  return updateCaseRow(tx, 'trauma_incidents', 'incident_id', id, recorded, {
    set: (row) => ({
      status: change.status,
      exposed: change.exposedDelta === undefined ? undefined : Number(row.exposed) + change.exposedDelta,
      stages: change.stage
        ? JSON.stringify({ ...(row.stages as Record<string, string>), [change.stage[0]]: change.stage[1] })
        : undefined,
    }),
    deadline: change.deadline,
    clearDeadlines: change.clearDeadlines,
  });
}

async function trim(id: string, event: TrimEvent, recorded: RecordedEvent, tx: PoolClient): Promise<void> {
  const at = recorded.metadata.occurredAt;
  switch (event.type) {
    case 'TrimActivated': {
      const d = event.data;
      await tx.query(
        `insert into trim_activations (activation_id, force_id, person_id, person_name, department, source, incident_id,
           status, activated_at, updated_at, revision)
         values ($1, $2, $3, $4, $5, $6, $7, 'awaiting_practitioner', $8, $9, $10) on conflict (activation_id) do nothing`,
        [id, recorded.metadata.forceId, d.personId, d.personName, d.department, d.source, d.incidentId, d.activatedAt, at,
          recorded.revision.toString()],
      );
      if (d.incidentId) {
        await tx.query('update trauma_exposures set trim_activated = true where incident_id = $1 and person_id = $2', [
          d.incidentId,
          d.personId,
        ]);
      }
      return;
    }
    case 'PractitionerAllocated':
      return updateTrim(tx, id, recorded, { status: 'awaiting_initial_assessment', practitionerId: event.data.practitionerId });
    case 'PractitionerReallocated':
      return updateTrim(tx, id, recorded, { practitionerId: event.data.toPractitionerId });
    case 'TraumaInterventionBriefDelivered':
      // The brief is not a stage gate (it may come after an assessment): it moves no status.
      return updateTrim(tx, id, recorded, { firstContactAt: event.data.deliveredAt });
    case 'TrimRiskAssessmentRecorded': {
      const d = event.data;
      return updateTrim(tx, id, recorded, {
        status: d.kind === 'initial' ? 'awaiting_follow_up' : 'awaiting_closure',
        assessment: { kind: d.kind, total: d.total, atOrAbove: d.atOrAboveThreshold },
      });
    }
    case 'TrimReferralRequested':
      await markReferred(tx, id);
      return updateTrim(tx, id, recorded, { status: 'referral_requested', referralRequested: true });
    case 'TrimReferralOpened':
      return updateTrim(tx, id, recorded, { status: 'referred', referralId: event.data.referralId });
    case 'TrimClosed':
      return updateTrim(tx, id, recorded, { status: 'closed', outcome: event.data.outcome, endedAt: event.data.closedAt });
    case 'TrimDeclined':
      return updateTrim(tx, id, recorded, { status: 'declined', outcome: `declined_${event.data.stage}`, endedAt: event.data.declinedAt });
    default:
      if (isDeadlineEvent(event)) return updateTrim(tx, id, recorded, { deadline: event });
  }
}

async function markReferred(tx: PoolClient, activationId: string): Promise<void> {
  await tx.query(
    `update trauma_exposures e set oh_referred = true
     from trim_activations t
     where t.activation_id = $1 and e.incident_id = t.incident_id and e.person_id = t.person_id`,
    [activationId],
  );
}

interface TrimChange {
  readonly status?: string;
  readonly practitionerId?: string;
  readonly firstContactAt?: string;
  readonly assessment?: { readonly kind: 'initial' | 'follow_up'; readonly total: number; readonly atOrAbove: boolean };
  readonly referralRequested?: boolean;
  readonly referralId?: string;
  readonly outcome?: string;
  readonly endedAt?: string;
  readonly deadline?: DeadlineEvent;
}

function updateTrim(tx: PoolClient, id: string, recorded: RecordedEvent, change: TrimChange): Promise<void> {
  const initial = change.assessment?.kind === 'initial' ? change.assessment : undefined;
  const followUp = change.assessment?.kind === 'follow_up' ? change.assessment : undefined;
  return updateCaseRow(tx, 'trim_activations', 'activation_id', id, recorded, {
    set: (row) => ({
      status: change.status,
      practitioner_id: change.practitionerId,
      first_contact_at: row.first_contact_at ? undefined : change.firstContactAt,
      initial_total: initial?.total,
      initial_at_or_above: initial?.atOrAbove,
      follow_up_total: followUp?.total,
      follow_up_at_or_above: followUp?.atOrAbove,
      referral_requested: change.referralRequested,
      referral_id: change.referralId,
      outcome: change.outcome,
      ended_at: change.endedAt,
    }),
    deadline: change.deadline,
    clearDeadlines: change.endedAt !== undefined,
  });
}
