import { APPOINTMENT_ID, command, history, idFrom, spec, T } from './testing/referral-fixtures';

const offer = (scheduledFor: Date = new Date(T.appointment), now: string = T.offered) =>
  command('OfferAppointment', { scheduledFor, mode: 'video', clinicianId: 'u-clinician' }, now);
const book = (appointmentId: string = APPOINTMENT_ID) => command('BookAppointment', { appointmentId }, T.booked);

describe('offering an appointment', () => {
  it('offering an appointment meets the first-appointment deadline', () => {
    spec
      .given(history.awaitingAppointment())
      .when(offer())
      .then([
        {
          type: 'ReferralAppointmentOffered',
          data: {
            appointmentId: APPOINTMENT_ID,
            scheduledFor: T.appointment,
            mode: 'video',
            clinicianId: 'u-clinician',
            offeredAt: T.offered,
          },
        },
        {
          type: 'DeadlineMet',
          data: {
            deadlineId: idFrom('TriageReferral', 'first-appointment'),
            kind: 'first-appointment',
            metAt: T.offered,
            late: false,
          },
        },
      ]);
  });

  it('an appointment offered after the deadline meets it late', () => {
    const late = '2026-03-17T09:00:00.000Z';
    spec
      .given(history.awaitingAppointment())
      .when(offer(new Date('2026-03-20T10:00:00Z'), late))
      .then([
        {
          type: 'ReferralAppointmentOffered',
          data: {
            appointmentId: APPOINTMENT_ID,
            scheduledFor: '2026-03-20T10:00:00.000Z',
            mode: 'video',
            clinicianId: 'u-clinician',
            offeredAt: late,
          },
        },
        {
          type: 'DeadlineMet',
          data: {
            deadlineId: idFrom('TriageReferral', 'first-appointment'),
            kind: 'first-appointment',
            metAt: late,
            late: true,
          },
        },
      ]);
  });

  it('an imported appointment may be in the past, but not before the referral', () => {
    spec
      .given(history.awaitingAppointment())
      .when(offer(new Date(T.submitted)))
      .thenState({ status: 'appointment_offered' });
    spec
      .given(history.awaitingAppointment())
      .when(offer(new Date('2026-03-02T08:59:59Z')))
      .thenThrows('REFERRAL.APPOINTMENT_BEFORE_REFERRAL', 'scheduledFor');
    spec
      .given(history.awaitingAppointment())
      .when(offer(new Date('nonsense')))
      .thenThrows('REFERRAL.INVALID_DATE', 'scheduledFor');
  });

  it('no appointment is offered before triage or consent', () => {
    spec.given(history.awaitingTriage()).when(offer()).thenThrows('REFERRAL.NOT_TRIAGED');
    spec.given(history.awaitingConsent()).when(offer()).thenThrows('REFERRAL.CONSENT_REQUIRED');
  });

  it('a second appointment waits until the first is attended or missed', () => {
    spec.given(history.appointmentOffered()).when(offer()).thenThrows('REFERRAL.APPOINTMENT_PENDING');
    spec.given(history.appointmentBooked()).when(offer()).thenThrows('REFERRAL.APPOINTMENT_PENDING');
  });

  it('no appointment is offered once one has been attended', () => {
    spec.given(history.awaitingOutcome()).when(offer()).thenThrows('REFERRAL.WRONG_STATUS');
  });
});

describe('booking an appointment', () => {
  it('booking confirms the offered appointment', () => {
    spec
      .given(history.appointmentOffered())
      .when(book())
      .then([{ type: 'ReferralAppointmentBooked', data: { appointmentId: APPOINTMENT_ID } }]);
    spec.given(history.appointmentOffered()).when(book()).thenState({ status: 'appointment_booked' });
  });

  it('only the offered appointment can be booked', () => {
    spec
      .given(history.appointmentOffered())
      .when(book('appt-unknown'))
      .thenThrows('REFERRAL.UNKNOWN_APPOINTMENT', 'appointmentId');
  });

  it('an appointment is booked once, after it is offered and before it is attended', () => {
    spec.given(history.awaitingAppointment()).when(book()).thenThrows('REFERRAL.NO_APPOINTMENT');
    spec.given(history.appointmentBooked()).when(book()).thenThrows('REFERRAL.APPOINTMENT_ALREADY_BOOKED');
    spec.given(history.awaitingOutcome()).when(book()).thenThrows('REFERRAL.ATTENDANCE_ALREADY_RECORDED');
  });
});
