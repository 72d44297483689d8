import type { RecordedEvent } from '@casework/core/event-store/types';
import type { Projection } from '@casework/core/projections/projection';
import { rowProjection } from '@casework/core/projections/row-projection';
import type { ReferralEvent } from '../domain/events';
import { REFERRAL_STREAM_CATEGORY } from '../domain/events';
import { applyDeadlineEvent, summariseDeadlines, type RowDeadline } from '@casework/timers/read-model/deadline-summary';

export const REFERRAL_QUEUE_PROJECTION = 'referral_queue_v1';

type QueueDeadline = RowDeadline;

const CLOSED_STATUSES = new Set(['closed', 'cancelled']);

/** A referral_queue row as the projection reads and writes it. */
interface QueueRow {
  readonly referral_id: string;
  readonly force_id: string;
  readonly status: string;
  readonly is_open: boolean;
  readonly subject_id: string;
  readonly subject_name: string;
  readonly employment_type: string;
  readonly department: string;
  readonly source: string;
  readonly category: string;
  readonly urgency: string;
  readonly priority: string | null;
  readonly advisor_id: string | null;
  readonly submitted_at: string | Date;
  readonly deadlines: Record<string, QueueDeadline>;
  readonly next_deadline_kind: string | null;
  readonly next_deadline_at: string | Date | null;
  readonly overdue: boolean;
  readonly escalation_level: number;
  readonly updated_at: string | Date;
  readonly revision: string;
  /** Staff user ids: a line manager's team view reads the referrals naming them. */
  readonly line_manager_id: string | null;
  readonly referred_by: string | null;
  /** When the current outcome's report was released to management (null: not released). */
  readonly report_released_at: string | Date | null;
}

const COLUMNS = `referral_id uuid, force_id text, status text, is_open boolean, subject_id text, subject_name text,
  employment_type text, department text, source text, category text, urgency text, priority text, advisor_id text,
  submitted_at timestamptz, deadlines jsonb, next_deadline_kind text, next_deadline_at timestamptz, overdue boolean,
  escalation_level int, updated_at timestamptz, revision bigint, line_manager_id text, referred_by text,
  report_released_at timestamptz`;

/**
 * The OH advisor's queue: one row per referral with what a queue needs to sort and badge
 * (status, priority, advisor, next deadline, overdue, escalation level). A batch is one
 * read and one write: rows are locked and loaded, every event is folded into them in
 * memory, and the changed rows are upserted together. Idempotent: an event at or below a
 * row's revision changes nothing.
 */
export const referralQueueProjection: Projection = rowProjection<QueueRow>({
  name: REFERRAL_QUEUE_PROJECTION,
  categories: [REFERRAL_STREAM_CATEGORY],
  table: 'referral_queue',
  idColumn: 'referral_id',
  columns: COLUMNS,
  idOf: referralIdOf,
  reduce,
});

function referralIdOf(recorded: RecordedEvent): string {
  return recorded.streamId.slice(REFERRAL_STREAM_CATEGORY.length + 1);
}

/** One event folded into a row: the same row (unchanged) or a new one. */
function reduce(row: QueueRow | undefined, id: string, recorded: RecordedEvent): QueueRow | undefined {
  const event = { type: recorded.type, data: recorded.data } as ReferralEvent;
  const at = recorded.metadata.occurredAt;
  const revision = recorded.revision.toString();
  if (event.type === 'ReferralSubmitted') {
    if (row) return row;
    const d = event.data;
    return {
      referral_id: id,
      force_id: recorded.metadata.forceId,
      status: 'awaiting_triage',
      is_open: true,
      subject_id: d.subjectId,
      subject_name: d.subjectName,
      employment_type: d.employmentType,
      department: d.department,
      source: d.source,
      category: d.category,
      urgency: d.urgency,
      priority: null,
      advisor_id: null,
      submitted_at: d.submittedAt,
      deadlines: {},
      next_deadline_kind: null,
      next_deadline_at: null,
      overdue: false,
      escalation_level: 0,
      updated_at: at,
      revision,
      line_manager_id: d.lineManagerId,
      referred_by: d.referredBy,
      report_released_at: null,
    };
  }
  const change = queueChange(event);
  if (!change || !row || BigInt(row.revision) >= recorded.revision) return row;
  const deadlines = change.deadlines ? change.deadlines(row.deadlines) : row.deadlines;
  const summary = summariseDeadlines(deadlines);
  return {
    ...row,
    status: change.status ?? row.status,
    is_open: change.status === undefined ? row.is_open : !CLOSED_STATUSES.has(change.status),
    priority: change.priority ?? row.priority,
    advisor_id: change.advisorId !== undefined ? change.advisorId : row.advisor_id,
    deadlines,
    next_deadline_kind: summary.kind,
    next_deadline_at: summary.dueAt,
    overdue: summary.overdue,
    escalation_level: summary.level,
    report_released_at: change.reportReleasedAt !== undefined ? change.reportReleasedAt : row.report_released_at,
    updated_at: at,
    revision,
  };
}

interface QueueChange {
  readonly status?: string;
  readonly priority?: string;
  readonly advisorId?: string | null;
  readonly reportReleasedAt?: string | null;
  readonly deadlines?: (current: Record<string, QueueDeadline>) => Record<string, QueueDeadline>;
}

function queueChange(event: ReferralEvent): QueueChange | null {
  switch (event.type) {
    case 'ReferralSubmitted':
      return null;
    case 'ReferralTriaged':
      return { status: 'awaiting_consent', priority: event.data.priority, advisorId: event.data.advisorId };
    case 'ReferralConsentRecorded':
      return event.data.consentGiven ? { status: 'awaiting_appointment' } : {};
    case 'ReferralAppointmentOffered':
      return { status: 'appointment_offered' };
    case 'ReferralAppointmentBooked':
      return { status: 'appointment_booked' };
    case 'ReferralAppointmentAttended':
      return { status: 'awaiting_outcome' };
    case 'ReferralAppointmentMissed':
      return { status: 'awaiting_appointment' };
    case 'ReferralOutcomeRecorded':
      // A new outcome (after a reopening) has a report of its own, not yet released.
      return { status: 'report_consent_pending', reportReleasedAt: null };
    case 'ReferralReportConsentRecorded':
      return { status: event.data.consentGiven ? 'report_ready' : 'report_withheld' };
    case 'ReferralReportReleased':
      return { status: 'report_released', reportReleasedAt: event.data.releasedAt };
    case 'ReferralReviewScheduled':
      return { status: 'under_review' };
    case 'ReferralClosed':
      return { status: 'closed', deadlines: () => ({}) };
    case 'ReferralReopened':
      return { status: 'awaiting_triage' };
    case 'ReferralReassigned':
      return { advisorId: event.data.toAdvisorId };
    case 'ReferralCancelled':
      return { status: 'cancelled', deadlines: () => ({}) };
    case 'DeadlineScheduled':
    case 'DeadlineMet':
    case 'DeadlineWaived':
    case 'DeadlineOverdue':
    case 'DeadlineEscalated':
      return { deadlines: (current) => applyDeadlineEvent(current, event) };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}
