import { emptyLedger, evolveLedger, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import type { ReferralEvent, ReferralOutcomeRecordedData, ReferralSubmittedData } from './events';
import type {
  AppointmentMode,
  CloseReason,
  EmploymentType,
  Priority,
  ReferralCategory,
  ReferralSource,
  Urgency,
} from './types';

export const OPEN_STATUSES = [
  'awaiting_triage',
  'awaiting_consent',
  'awaiting_appointment',
  'appointment_offered',
  'appointment_booked',
  'awaiting_outcome',
  'report_consent_pending',
  'report_ready', // consent to release given, report not yet released
  'report_released',
  'report_withheld',
  'under_review',
] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type ReferralStatus = 'none' | OpenStatus | 'closed' | 'cancelled';

export type AppointmentStatus = 'offered' | 'booked' | 'attended' | 'missed';

export interface Appointment {
  readonly appointmentId: string;
  readonly scheduledFor: string;
  readonly mode: AppointmentMode;
  readonly clinicianId: string | null;
  readonly status: AppointmentStatus;
}

/** The outcome as decisions need it: clinical notes stay in the event, never in state. */
export type Outcome = Omit<ReferralOutcomeRecordedData, 'clinicalNotes'>;

/** The facts every existing referral carries, whatever its status. */
export interface ReferralCase {
  readonly referralId: string;
  readonly subject: { readonly subjectId: string; readonly subjectName: string; readonly role: string | null };
  readonly employmentType: EmploymentType;
  readonly department: string;
  readonly category: ReferralCategory;
  readonly urgency: Urgency;
  readonly source: ReferralSource;
  readonly advisorId: string | null;
  readonly priority: Priority | null;
  readonly submittedAt: string;
  /** When the current episode began: the submission, or the latest reopening. */
  readonly openedAt: string;
  /** Missed appointments in the current episode. */
  readonly dnaCount: number;
  /** Oldest first; the last one is the current appointment. */
  readonly appointments: readonly Appointment[];
  readonly outcome: Outcome | null;
  readonly reviewDate: string | null;
  readonly deadlines: DeadlineLedger;
}

export type OpenReferral = ReferralCase & { readonly status: OpenStatus };
export type ClosedReferral = ReferralCase & {
  readonly status: 'closed';
  readonly closure: { readonly reason: CloseReason; readonly note: string | null; readonly closedAt: string };
};
export type CancelledReferral = ReferralCase & {
  readonly status: 'cancelled';
  readonly cancellation: { readonly reason: string; readonly cancelledAt: string };
};
export type ExistingReferral = OpenReferral | ClosedReferral | CancelledReferral;
export type ReferralState = { readonly status: 'none' } | ExistingReferral;

export const initialReferralState: ReferralState = { status: 'none' };

/**
 * Folds one event into the state. Total and side-effect free: it never throws, and an
 * event that cannot apply (anything but a first submission to 'none', a second submission)
 * leaves the state as it was: the stream, not this function, is the record of what happened.
 */
export function evolve(state: ReferralState, event: ReferralEvent): ReferralState {
  if (event.type === 'ReferralSubmitted') return state.status === 'none' ? submitted(event.data) : state;
  if (state.status === 'none') return state;
  const at = (status: OpenStatus, changes: Partial<ReferralCase> = {}): OpenReferral => ({
    ...caseOf(state),
    ...changes,
    status,
  });
  switch (event.type) {
    case 'ReferralTriaged':
      return at('awaiting_consent', { priority: event.data.priority, advisorId: event.data.advisorId });
    case 'ReferralConsentRecorded':
      // A refusal is followed by ReferralClosed, which moves the status.
      return event.data.consentGiven ? at('awaiting_appointment') : state;
    case 'ReferralAppointmentOffered': {
      const { offeredAt: _offeredAt, ...offered } = event.data;
      return at('appointment_offered', { appointments: [...state.appointments, { ...offered, status: 'offered' }] });
    }
    case 'ReferralAppointmentBooked':
      return at('appointment_booked', { appointments: mark(state, event.data.appointmentId, 'booked') });
    case 'ReferralAppointmentAttended':
      return at('awaiting_outcome', { appointments: mark(state, event.data.appointmentId, 'attended') });
    case 'ReferralAppointmentMissed':
      return at('awaiting_appointment', {
        appointments: mark(state, event.data.appointmentId, 'missed'),
        dnaCount: event.data.missedCount,
      });
    case 'ReferralOutcomeRecorded': {
      const { clinicalNotes: _confidential, ...outcome } = event.data;
      return at('report_consent_pending', { outcome });
    }
    case 'ReferralReportConsentRecorded':
      return at(event.data.consentGiven ? 'report_ready' : 'report_withheld');
    case 'ReferralReportReleased':
      return at('report_released');
    case 'ReferralReviewScheduled':
      return at('under_review', { reviewDate: event.data.reviewDate });
    case 'ReferralClosed': {
      const { reason, note, closedAt } = event.data;
      return { ...caseOf(state), status: 'closed', closure: { reason, note, closedAt } };
    }
    case 'ReferralReopened':
      return {
        ...caseOf(state),
        status: 'awaiting_triage',
        openedAt: event.data.reopenedAt,
        dnaCount: 0,
        reviewDate: null,
      };
    case 'ReferralReassigned':
      return { ...state, advisorId: event.data.toAdvisorId };
    case 'ReferralCancelled': {
      const { reason, cancelledAt } = event.data;
      return { ...caseOf(state), status: 'cancelled', cancellation: { reason, cancelledAt } };
    }
    case 'DeadlineScheduled':
    case 'DeadlineMet':
    case 'DeadlineWaived':
    case 'DeadlineOverdue':
    case 'DeadlineEscalated':
      return { ...state, deadlines: evolveLedger(state.deadlines, event) };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

function submitted(data: ReferralSubmittedData): ReferralState {
  return {
    status: 'awaiting_triage',
    referralId: data.referralId,
    subject: { subjectId: data.subjectId, subjectName: data.subjectName, role: data.role },
    employmentType: data.employmentType,
    department: data.department,
    category: data.category,
    urgency: data.urgency,
    source: data.source,
    advisorId: null,
    priority: null,
    submittedAt: data.submittedAt,
    openedAt: data.submittedAt,
    dnaCount: 0,
    appointments: [],
    outcome: null,
    reviewDate: null,
    deadlines: emptyLedger,
  };
}

/** The case facts alone, dropping what only a closed or cancelled referral carries. */
function caseOf(state: ExistingReferral): ReferralCase {
  if (state.status === 'closed') {
    const { status: _status, closure: _closure, ...facts } = state;
    return facts;
  }
  if (state.status === 'cancelled') {
    const { status: _status, cancellation: _cancellation, ...facts } = state;
    return facts;
  }
  const { status: _status, ...facts } = state;
  return facts;
}

function mark(state: ReferralCase, appointmentId: string, status: AppointmentStatus): readonly Appointment[] {
  return state.appointments.map((a) => (a.appointmentId === appointmentId ? { ...a, status } : a));
}

/** The appointment the referral is working with now, if any was ever offered. */
export function currentAppointment(state: ReferralCase): Appointment | undefined {
  return state.appointments[state.appointments.length - 1];
}
