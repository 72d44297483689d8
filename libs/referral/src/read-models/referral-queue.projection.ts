import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@casework/core/event-store/types';
import type { Projection } from '@casework/core/projections/projection';
import type { ReferralEvent } from '../domain/events';
import { REFERRAL_STREAM_CATEGORY } from '../domain/events';
import { applyDeadlineEvent, summariseDeadlines, type RowDeadline } from '@casework/timers/read-model/deadline-summary';

export const REFERRAL_QUEUE_PROJECTION = 'referral_queue_v1';

type QueueDeadline = RowDeadline;

const CLOSED_STATUSES = new Set(['closed', 'cancelled']);

/**
 * The OH advisor's queue: one row per referral with what a queue needs to sort and badge
 * (status, priority, advisor, next deadline, overdue, escalation level). Idempotent:
 * replaying an event it has already applied changes nothing (guarded by revision).
 */
export const referralQueueProjection: Projection = {
  name: REFERRAL_QUEUE_PROJECTION,
  categories: [REFERRAL_STREAM_CATEGORY],
  async handle(recorded: RecordedEvent, tx: PoolClient): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as ReferralEvent;
    const id = recorded.streamId.slice(REFERRAL_STREAM_CATEGORY.length + 1);
    const at = recorded.metadata.occurredAt;
    const revision = recorded.revision.toString();
    if (event.type === 'ReferralSubmitted') {
      const d = event.data;
      await tx.query(
        `insert into referral_queue (referral_id, force_id, status, is_open, subject_id, subject_name, employment_type,
           department, source, category, urgency, submitted_at, updated_at, revision)
         values ($1, $2, 'awaiting_triage', true, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         on conflict (referral_id) do nothing`,
        [id, recorded.metadata.forceId, d.subjectId, d.subjectName, d.employmentType, d.department, d.source,
          d.category, d.urgency, d.submittedAt, at, revision],
      );
      return;
    }
    const change = queueChange(event);
    if (!change) return;
    const { rows } = await tx.query<{ deadlines: Record<string, QueueDeadline>; revision: string }>(
      'select deadlines, revision from referral_queue where referral_id = $1 for update',
      [id],
    );
    const row = rows[0];
    if (!row || BigInt(row.revision) >= recorded.revision) return;
    const deadlines = change.deadlines ? change.deadlines(row.deadlines) : row.deadlines;
    const summary = summariseDeadlines(deadlines);
    await tx.query(
      `update referral_queue set
         status = coalesce($2, status),
         is_open = case when $2::text is null then is_open else not ($2 = any($3::text[])) end,
         priority = coalesce($4, priority),
         advisor_id = case when $5::boolean then $6 else advisor_id end,
         deadlines = $7, next_deadline_kind = $8, next_deadline_at = $9, overdue = $10, escalation_level = $11,
         updated_at = $12, revision = $13
       where referral_id = $1`,
      [id, change.status ?? null, [...CLOSED_STATUSES], change.priority ?? null, change.advisorId !== undefined,
        change.advisorId ?? null, JSON.stringify(deadlines), summary.kind, summary.dueAt, summary.overdue,
        summary.level, at, revision],
    );
  },
  async reset(tx: PoolClient): Promise<void> {
    await tx.query('delete from referral_queue');
  },
};

interface QueueChange {
  readonly status?: string;
  readonly priority?: string;
  readonly advisorId?: string | null;
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
      return { status: 'report_consent_pending' };
    case 'ReferralReportConsentRecorded':
      return { status: event.data.consentGiven ? 'report_ready' : 'report_withheld' };
    case 'ReferralReportReleased':
      return { status: 'report_released' };
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
