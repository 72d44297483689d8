import type { RecordedEvent } from '@casework/core/event-store/types';
import type { Projection } from '@casework/core/projections/projection';
import { rowProjection } from '@casework/core/projections/row-projection';
import { versionTable, type VersionedReadModel } from '@casework/core/projections/versioned-read-model';
import { REFERRAL_STREAM_CATEGORY, type ReferralEvent } from '@casework/referral/domain/events';


/** A report_referrals row as the projection reads and writes it (instants as ISO strings or Dates). */
interface FactRow {
  readonly referral_id: string;
  readonly force_id: string;
  readonly submitted_at: string | Date;
  readonly employment_type: string;
  readonly department: string;
  readonly source: string;
  readonly category: string;
  readonly urgency: string;
  readonly status: string;
  readonly is_open: boolean;
  readonly triaged_at: string | Date | null;
  readonly first_appointment_offered_at: string | Date | null;
  readonly outcome_recorded_at: string | Date | null;
  readonly closed_at: string | Date | null;
  readonly close_reason: string | null;
  readonly deadlines_due: number;
  readonly deadlines_met_on_time: number;
  readonly deadlines_late: number;
  readonly late_deadline_ids: readonly string[];
  readonly updated_at: string | Date;
  readonly revision: string;
}

const COLUMNS = `referral_id uuid, force_id text, submitted_at timestamptz, employment_type text, department text,
  source text, category text, urgency text, status text, is_open boolean, triaged_at timestamptz,
  first_appointment_offered_at timestamptz, outcome_recorded_at timestamptz, closed_at timestamptz, close_reason text,
  deadlines_due int, deadlines_met_on_time int, deadlines_late int, late_deadline_ids jsonb, updated_at timestamptz,
  revision bigint`;

/**
 * One row of facts per referral for reports, every time a business time (`submittedAt`,
 * `triagedAt`, … from the events themselves), so back-dated imports land in the right
 * period. No names and no free text.
 *
 * Deadlines: a deadline is *due* once it is met or has gone overdue (one waived before it
 * fell due was never owed). It was *met on time* when met before its due time without
 * having gone overdue, and *late* when it went overdue or was met after its due time;
 * `due = met on time + late` always. A deadline counts once, whatever follows.
 *
 * A batch is one read and one write; idempotent: an event at or below a row's revision
 * changes nothing.
 */
/**
 * `report_referrals` is a versioned read model: readers query the view, the projection
 * writes `report_referrals_v<version>`. Bump the version when the rows change shape or
 * meaning (keep existing columns, add new ones at the end): the new version is rebuilt
 * alongside and switched in when caught up, with no downtime and no half-built report.
 */
export const REPORT_REFERRALS_MODEL: VersionedReadModel = {
  name: 'report_referrals',
  version: 1,
  createTable: (table) => `
    create table ${table} (${COLUMNS}, primary key (referral_id));
    create index ${table}_force_idx on ${table} (force_id, submitted_at);
    alter table ${table} alter column late_deadline_ids set default '[]'::jsonb,
      alter column deadlines_due set default 0, alter column deadlines_met_on_time set default 0,
      alter column deadlines_late set default 0`,
  projection: (table): Projection =>
    rowProjection<FactRow>({
      name: table,
      categories: [REFERRAL_STREAM_CATEGORY],
      table,
      idColumn: 'referral_id',
      columns: COLUMNS,
      idOf: referralIdOf,
      reduce,
    }),
};

/** The projection of the version this code writes (also the name its freshness is read by). */
export const REPORT_REFERRALS_PROJECTION = versionTable(REPORT_REFERRALS_MODEL);
export const reportReferralsProjection: Projection = REPORT_REFERRALS_MODEL.projection(REPORT_REFERRALS_PROJECTION);

function referralIdOf(recorded: RecordedEvent): string {
  return recorded.streamId.slice(REFERRAL_STREAM_CATEGORY.length + 1);
}

/** One event folded into a row: the same row (unchanged) or a new one. */
function reduce(row: FactRow | undefined, id: string, recorded: RecordedEvent): FactRow | undefined {
  const event = { type: recorded.type, data: recorded.data } as ReferralEvent;
  const revision = recorded.revision.toString();
  if (event.type === 'ReferralSubmitted') {
    if (row) return row;
    const d = event.data;
    return {
      referral_id: id,
      force_id: recorded.metadata.forceId,
      submitted_at: d.submittedAt,
      employment_type: d.employmentType,
      department: d.department,
      source: d.source,
      category: d.category,
      urgency: d.urgency,
      status: 'awaiting_triage',
      is_open: true,
      triaged_at: null,
      first_appointment_offered_at: null,
      outcome_recorded_at: null,
      closed_at: null,
      close_reason: null,
      deadlines_due: 0,
      deadlines_met_on_time: 0,
      deadlines_late: 0,
      late_deadline_ids: [],
      updated_at: recorded.metadata.occurredAt,
      revision,
    };
  }
  if (!row || BigInt(row.revision) >= recorded.revision) return row;
  const change = factChange(row, event);
  return { ...row, ...change, updated_at: recorded.metadata.occurredAt, revision };
}

type Change = Partial<Omit<FactRow, 'referral_id' | 'force_id' | 'revision' | 'updated_at'>>;

function factChange(row: FactRow, event: ReferralEvent): Change {
  switch (event.type) {
    case 'ReferralSubmitted':
      return {};
    case 'ReferralTriaged':
      // The first triage is the one reports time; a re-triage after reopening does not move it.
      return { status: 'awaiting_consent', triaged_at: row.triaged_at ?? event.data.triagedAt };
    case 'ReferralConsentRecorded':
      return event.data.consentGiven ? { status: 'awaiting_appointment' } : {};
    case 'ReferralAppointmentOffered':
      return {
        status: 'appointment_offered',
        first_appointment_offered_at: row.first_appointment_offered_at ?? event.data.offeredAt,
      };
    case 'ReferralAppointmentBooked':
      return { status: 'appointment_booked' };
    case 'ReferralAppointmentAttended':
      return { status: 'awaiting_outcome' };
    case 'ReferralAppointmentMissed':
      return { status: 'awaiting_appointment' };
    case 'ReferralOutcomeRecorded':
      return { status: 'report_consent_pending', outcome_recorded_at: row.outcome_recorded_at ?? event.data.recordedAt };
    case 'ReferralReportConsentRecorded':
      return { status: event.data.consentGiven ? 'report_ready' : 'report_withheld' };
    case 'ReferralReportReleased':
      return { status: 'report_released' };
    case 'ReferralReviewScheduled':
      return { status: 'under_review' };
    case 'ReferralClosed':
      return { status: 'closed', is_open: false, closed_at: event.data.closedAt, close_reason: event.data.reason };
    case 'ReferralReopened':
      return { status: 'awaiting_triage', is_open: true, closed_at: null, close_reason: null };
    case 'ReferralReassigned':
      return {};
    case 'ReferralCancelled':
      return { status: 'cancelled', is_open: false, closed_at: event.data.cancelledAt, close_reason: 'cancelled' };
    case 'DeadlineScheduled':
    case 'DeadlineWaived':
      return {};
    case 'DeadlineOverdue':
    case 'DeadlineEscalated':
      return countLate(row, event.data.deadlineId);
    case 'DeadlineMet':
      if (row.late_deadline_ids.includes(event.data.deadlineId)) return {};
      if (event.data.late) return countLate(row, event.data.deadlineId);
      return { deadlines_due: row.deadlines_due + 1, deadlines_met_on_time: row.deadlines_met_on_time + 1 };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

function countLate(row: FactRow, deadlineId: string): Change {
  if (row.late_deadline_ids.includes(deadlineId)) return {};
  return {
    deadlines_due: row.deadlines_due + 1,
    deadlines_late: row.deadlines_late + 1,
    late_deadline_ids: [...row.late_deadline_ids, deadlineId],
  };
}
