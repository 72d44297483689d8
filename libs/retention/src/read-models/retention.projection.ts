import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@casework/core/event-store/types';
import type { Projection } from '@casework/core/projections/projection';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import { updateCaseRow } from '@casework/timers/read-model/case-row';
import { isDeadlineEvent } from '@casework/timers/read-model/deadline-summary';
import { EXIT_STREAM_CATEGORY, type ExitEvent } from '../domain/exit/events';
import { STAY_STREAM_CATEGORY, type StayEvent } from '../domain/stay/events';
import { WELFARE_STREAM_CATEGORY, type WelfareEvent } from '../domain/welfare/events';
import { contactCompliance } from '../domain/welfare/compliance';
import { WELFARE_DEADLINES } from '../domain/welfare/policy';

export const RETENTION_PROJECTION = 'retention_v1';

/**
 * Stay interviews, exits and welfare-liaison cases as queue rows and report facts, from
 * their three stream categories. Rows are guarded by stream revision, so a replayed event
 * changes nothing. Welfare contact compliance is computed by the domain's own
 * `contactCompliance` over the case's contact-deadline events, kept on the row.
 */
export const retentionProjection: Projection = {
  name: RETENTION_PROJECTION,
  categories: [STAY_STREAM_CATEGORY, EXIT_STREAM_CATEGORY, WELFARE_STREAM_CATEGORY],
  async handle(recorded: RecordedEvent, tx: PoolClient): Promise<void> {
    const dash = recorded.streamId.indexOf('-');
    const category = recorded.streamId.slice(0, dash);
    const id = recorded.streamId.slice(dash + 1);
    const event = { type: recorded.type, data: recorded.data };
    if (category === STAY_STREAM_CATEGORY) return stay(id, event as StayEvent, recorded, tx);
    if (category === EXIT_STREAM_CATEGORY) return exit(id, event as ExitEvent, recorded, tx);
    if (category === WELFARE_STREAM_CATEGORY) return welfare(id, event as WelfareEvent, recorded, tx);
  },
  async reset(tx: PoolClient): Promise<void> {
    await tx.query('delete from stay_interviews; delete from exit_cases; delete from welfare_cases');
  },
};

type Row = Readonly<Record<string, unknown>>;

function update(
  tx: PoolClient,
  table: string,
  idColumn: string,
  id: string,
  recorded: RecordedEvent,
  set: Record<string, unknown> | ((row: Row) => Record<string, unknown>),
  options: { deadline?: DeadlineEvent; ended?: boolean } = {},
): Promise<void> {
  return updateCaseRow(tx, table, idColumn, id, recorded, {
    set,
    deadline: options.deadline,
    clearDeadlines: options.ended,
  });
}

async function stay(id: string, event: StayEvent, recorded: RecordedEvent, tx: PoolClient): Promise<void> {
  const set = (values: Record<string, unknown> | ((row: Row) => Record<string, unknown>), ended = false) =>
    update(tx, 'stay_interviews', 'stay_id', id, recorded, values, { ended });
  switch (event.type) {
    case 'StayInterviewRequested': {
      const d = event.data;
      await tx.query(
        `insert into stay_interviews (stay_id, force_id, person_id, person_name, employment_type, department, is_student,
           intent_to_leave, status, requested_at, updated_at, revision)
         values ($1, $2, $3, $4, $5, $6, $7, $8, 'awaiting_interviewer', $9, $10, $11) on conflict (stay_id) do nothing`,
        [id, recorded.metadata.forceId, d.personId, d.personName, d.employmentType, d.department, d.isStudentOfficer,
          d.intentToLeave, d.requestedAt, recorded.metadata.occurredAt, recorded.revision.toString()],
      );
      return;
    }
    case 'StayInterviewerAllocated':
      return set({ status: 'awaiting_interview', interviewer_id: event.data.interviewerId });
    case 'StayInterviewerReassigned':
      return set({ interviewer_id: event.data.toInterviewerId });
    case 'StayInterviewHeld':
      return set({
        status: 'awaiting_actions',
        held_at: event.data.heldAt,
        themes: event.data.themes,
        intent_to_leave: event.data.intentToLeave,
      });
    case 'StayActionsAgreed':
      return set({ status: 'awaiting_follow_up', actions_total: event.data.actions.length });
    case 'StayActionCompleted':
      return set((row) => ({ actions_done: Number(row.actions_done) + 1 }));
    case 'StayFollowUpHeld':
      return set({ status: 'follow_up_held' });
    case 'StayOutcomeRecorded':
      return set({ status: 'closed', outcome: event.data.outcome, decided_at: event.data.decidedAt, ended_at: event.data.decidedAt }, true);
    case 'StayInterviewDeclined':
      return set({ status: 'declined', ended_at: event.data.declinedAt }, true);
    case 'StayInterviewCancelled':
      return set({ status: 'cancelled', ended_at: event.data.cancelledAt }, true);
    default:
      if (isDeadlineEvent(event)) return update(tx, 'stay_interviews', 'stay_id', id, recorded, {}, { deadline: event });
  }
}

async function exit(id: string, event: ExitEvent, recorded: RecordedEvent, tx: PoolClient): Promise<void> {
  const set = (values: Record<string, unknown>, ended = false) =>
    update(tx, 'exit_cases', 'exit_id', id, recorded, values, { ended });
  switch (event.type) {
    case 'ExitLeavingNotified': {
      const d = event.data;
      await tx.query(
        `insert into exit_cases (exit_id, force_id, person_id, person_name, employment_type, department, start_date,
           demographics, reason, leaving_date, opt_out_of_line_manager, status, notified_at, updated_at, revision)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'awaiting_interviewer', $12, $13, $14)
         on conflict (exit_id) do nothing`,
        [id, recorded.metadata.forceId, d.personId, d.name, d.employmentType, d.department, d.startDate,
          JSON.stringify(d.demographics), d.reason, d.leavingDate, d.optOutOfLineManager, d.notifiedAt,
          recorded.metadata.occurredAt, recorded.revision.toString()],
      );
      return;
    }
    case 'ExitInterviewerAllocated':
      return set({ status: 'awaiting_interview', interviewer_id: event.data.interviewerId });
    case 'ExitInterviewerReallocated':
      return set({ interviewer_id: event.data.toInterviewerId });
    case 'ExitSurveyCompleted':
      return set({ survey: 'completed' });
    case 'ExitSurveyDeclined':
      return set({ survey: 'declined' });
    case 'ExitInterviewHeld':
      return set({ status: 'awaiting_outcome', interview: 'held' });
    case 'ExitInterviewDeclined':
      return set({ status: 'awaiting_outcome', interview: 'declined' });
    case 'ExitDriversRecorded':
      return set({ drivers: event.data.codes });
    case 'ExitRetained':
      return set({ status: 'retained', ended_at: event.data.retainedAt }, true);
    case 'ExitLeft':
      return set(
        {
          status: 'left',
          left_on: event.data.leavingDate,
          reason: event.data.reason,
          length_of_service: event.data.lengthOfService,
          ended_at: event.data.recordedAt,
        },
        true,
      );
    case 'ExitRejoinerLinked':
      return set({ rejoined_at: event.data.rejoinedAt });
    default:
      if (isDeadlineEvent(event)) return update(tx, 'exit_cases', 'exit_id', id, recorded, {}, { deadline: event });
  }
}

async function welfare(id: string, event: WelfareEvent, recorded: RecordedEvent, tx: PoolClient): Promise<void> {
  const set = (values: Record<string, unknown> | ((row: Row) => Record<string, unknown>), ended = false) =>
    update(tx, 'welfare_cases', 'case_id', id, recorded, values, { ended });
  switch (event.type) {
    case 'WelfareCaseOpened': {
      const d = event.data;
      await tx.query(
        `insert into welfare_cases (case_id, force_id, person_id, person_name, employment_type, department, kind, suspended,
           status, opened_at, investigation_started_at, updated_at, revision)
         values ($1, $2, $3, $4, $5, $6, $7, $8, 'awaiting_wlo', $9, $10, $11, $12) on conflict (case_id) do nothing`,
        [id, recorded.metadata.forceId, d.personId, d.personName, d.employmentType, d.department, d.kind, d.suspended,
          d.openedAt, d.investigationStartedAt, recorded.metadata.occurredAt, recorded.revision.toString()],
      );
      return;
    }
    case 'WloAssigned':
      // An investigation may conclude before anyone is assigned: that status stands.
      return set((row) => ({ status: row.status === 'awaiting_wlo' ? 'active' : undefined, wlo_id: event.data.wloId }));
    case 'WloReassigned':
      return set({ wlo_id: event.data.toWloId });
    case 'WelfareContactLogged':
      return set((row) => ({
        // A contact keyed in late must not hide a later one.
        last_contact_at:
          row.last_contact_at && (row.last_contact_at as Date).getTime() >= Date.parse(event.data.contactedAt)
            ? undefined
            : event.data.contactedAt,
        contacts: Number(row.contacts) + 1,
      }));
    case 'SickLeaveStarted':
      return set({ on_sick_leave: true });
    case 'SickLeaveEnded':
      return set({ on_sick_leave: false });
    case 'InvestigationProgressReported':
      return set({});
    case 'InvestigationConcluded':
      return set({ status: 'concluded', concluded_at: event.data.concludedAt });
    case 'WelfareCaseClosed':
      return set({ status: 'closed', closed_at: event.data.closedAt }, true);
    default:
      if (!isDeadlineEvent(event)) return;
      return updateCaseRow(tx, 'welfare_cases', 'case_id', id, recorded, {
        deadline: event,
        set: (row) => {
          if (event.data.kind !== WELFARE_DEADLINES.contact) return {};
          const history = [...(row.contact_deadline_events as { type: string; data: unknown }[]), { type: event.type, data: event.data }];
          const compliance = contactCompliance(history);
          return {
            contact_deadline_events: JSON.stringify(history),
            contacts_due: compliance.contactsDue,
            contacts_on_time: compliance.contactsOnTime,
          };
        },
      });
  }
}
