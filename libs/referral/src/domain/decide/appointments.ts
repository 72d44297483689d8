import type { DomainError } from '@casework/core/domain/domain-error';
import { deterministicId } from '@casework/core/ids';
import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type { BookAppointment, OfferAppointment, RecordAttendance } from '../commands';
import { firstAppointmentDueAt, outcomeReportDueAt, REFERRAL_DEADLINES } from '../deadline-policy';
import { conflict, invalid } from '../errors';
import type { ReferralEvent } from '../events';
import { currentAppointment, type OpenReferral, type ReferralState } from '../state';
import { scheduleReferralDeadline, type ReferralDeciderDeps } from './deadlines';
import { isBefore, notTriaged, requireOpen, wrongStatus } from './guards';
import { closeEvents } from './lifecycle';

/**
 * Offering an appointment meets the first-appointment deadline. It may be back-dated
 * (imports), but not to before the referral (or its reopening) existed.
 */
export function offer(command: OfferAppointment, state: ReferralState): ReferralEvent[] {
  const referral = requireOpen(state);
  const { status } = referral;
  if (status === 'awaiting_triage') throw notTriaged();
  if (status === 'awaiting_consent') {
    throw conflict('REFERRAL.CONSENT_REQUIRED', 'No appointment before the subject consents to the referral');
  }
  if (status === 'appointment_offered' || status === 'appointment_booked') {
    throw conflict('REFERRAL.APPOINTMENT_PENDING', 'An appointment is already offered; record its attendance first');
  }
  if (status !== 'awaiting_appointment') throw wrongStatus('offer an appointment', status);
  const { data, now, commandId } = command;
  const scheduledFor = data.scheduledFor.getTime();
  if (Number.isNaN(scheduledFor))
    throw invalid('REFERRAL.INVALID_DATE', 'scheduledFor is not a valid date', 'scheduledFor');
  if (scheduledFor < Date.parse(referral.openedAt)) {
    throw invalid(
      'REFERRAL.APPOINTMENT_BEFORE_REFERRAL',
      'The appointment is before the referral was made',
      'scheduledFor',
    );
  }
  return [
    {
      type: 'ReferralAppointmentOffered',
      data: {
        appointmentId: deterministicId(commandId, 'appointment'),
        scheduledFor: data.scheduledFor.toISOString(),
        mode: data.mode,
        clinicianId: data.clinicianId,
        offeredAt: now.toISOString(),
      },
    },
    ...meetDeadline(referral.deadlines, REFERRAL_DEADLINES.firstAppointment, now),
  ];
}

export function book(command: BookAppointment, state: ReferralState): ReferralEvent[] {
  const referral = requireOpen(state);
  const { status } = referral;
  if (isBefore(status, 'appointment_offered')) throw noAppointment();
  if (status === 'appointment_booked')
    throw conflict('REFERRAL.APPOINTMENT_ALREADY_BOOKED', 'The appointment is already booked');
  if (status !== 'appointment_offered') throw attendanceAlreadyRecorded();
  requireCurrentAppointment(referral, command.data.appointmentId);
  return [{ type: 'ReferralAppointmentBooked', data: { appointmentId: command.data.appointmentId } }];
}

/**
 * Attendance starts the outcome-report clock. A missed appointment is re-booked against
 * a fresh first-appointment deadline, until the force's limit of missed appointments
 * closes the referral as did-not-attend. Booking is optional: an offered appointment
 * can be attended directly (e.g. a same-day telephone call).
 */
export function recordAttendance(
  command: RecordAttendance,
  state: ReferralState,
  deps: ReferralDeciderDeps,
): ReferralEvent[] {
  const referral = requireOpen(state);
  const { status } = referral;
  if (isBefore(status, 'appointment_offered')) throw noAppointment();
  if (status !== 'appointment_offered' && status !== 'appointment_booked') throw attendanceAlreadyRecorded();
  const { data, now, commandId } = command;
  requireCurrentAppointment(referral, data.appointmentId);
  if (data.attended) {
    return [
      {
        type: 'ReferralAppointmentAttended',
        data: { appointmentId: data.appointmentId, attendedAt: now.toISOString() },
      },
      scheduleReferralDeadline(deps, {
        kind: REFERRAL_DEADLINES.outcomeReport,
        commandId,
        dueAt: outcomeReportDueAt(deps.policy, deps.calendar, now),
        ownerId: referral.advisorId,
      }),
    ];
  }
  const missedCount = referral.dnaCount + 1;
  const missed: ReferralEvent = {
    type: 'ReferralAppointmentMissed',
    data: { appointmentId: data.appointmentId, missedCount, recordedAt: now.toISOString() },
  };
  if (missedCount >= deps.policy.maxDidNotAttend) {
    return [missed, ...closeEvents(referral, 'did_not_attend', null, command)];
  }
  return [
    missed,
    scheduleReferralDeadline(deps, {
      kind: REFERRAL_DEADLINES.firstAppointment,
      commandId,
      dueAt: firstAppointmentDueAt(deps.policy, deps.calendar, referral.urgency, now),
      ownerId: referral.advisorId,
    }),
  ];
}

/** Only the referral's latest appointment can be booked, attended or assessed. */
export function requireCurrentAppointment(referral: OpenReferral, appointmentId: string): void {
  if (currentAppointment(referral)?.appointmentId !== appointmentId) {
    throw invalid(
      'REFERRAL.UNKNOWN_APPOINTMENT',
      `Appointment ${appointmentId} is not this referral's current appointment`,
      'appointmentId',
    );
  }
}

function noAppointment(): DomainError {
  return conflict('REFERRAL.NO_APPOINTMENT', 'No appointment has been offered yet');
}

function attendanceAlreadyRecorded(): DomainError {
  return conflict('REFERRAL.ATTENDANCE_ALREADY_RECORDED', 'Attendance at the appointment has already been recorded');
}
