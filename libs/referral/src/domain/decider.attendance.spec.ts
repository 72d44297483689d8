import { deterministicId } from '@casework/core/ids';
import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import { createReferralDecider } from './decider';
import type { ReferralEvent } from './events';
import {
  ADVISOR,
  APPOINTMENT_ID,
  calendar,
  command,
  history,
  idFrom,
  met,
  policy,
  scheduled,
  spec,
  T,
} from './testing/referral-fixtures';

const attendance = (attended: boolean, appointmentId: string = APPOINTMENT_ID, commandId?: string) =>
  command('RecordAttendance', { appointmentId, attended }, T.attended, commandId);

describe('recording attendance', () => {
  const outcomeReportScheduled: ReferralEvent = {
    type: 'DeadlineScheduled',
    data: {
      deadlineId: idFrom('RecordAttendance', 'outcome-report'),
      kind: 'outcome-report',
      dueAt: '2026-03-12T17:00:00.000Z',
      ownerId: ADVISOR,
      ladder: [
        { level: 1, at: '2026-03-12T17:00:00.000Z', notify: 'owner' },
        { level: 2, at: '2026-03-13T17:00:00.000Z', notify: 'team_manager' },
        { level: 3, at: '2026-03-16T17:00:00.000Z', notify: 'head_of_wellbeing' },
      ],
    },
  };

  it.each([
    ['a booked', history.appointmentBooked()],
    ['an offered (not yet booked)', history.appointmentOffered()],
  ])('attending %s appointment starts the outcome-report clock, owned by the advisor', (_label, given) => {
    spec
      .given(given)
      .when(attendance(true))
      .then([
        { type: 'ReferralAppointmentAttended', data: { appointmentId: APPOINTMENT_ID, attendedAt: T.attended } },
        outcomeReportScheduled,
      ]);
  });

  it('a first missed appointment is re-booked against a fresh first-appointment deadline', () => {
    spec
      .given(history.appointmentBooked())
      .when(attendance(false))
      .then([
        {
          type: 'ReferralAppointmentMissed',
          data: { appointmentId: APPOINTMENT_ID, missedCount: 1, recordedAt: T.attended },
        },
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('RecordAttendance', 'first-appointment'),
            kind: 'first-appointment',
            dueAt: '2026-03-24T17:00:00.000Z',
            ownerId: ADVISOR,
            ladder: [
              { level: 1, at: '2026-03-24T17:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-03-25T17:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-03-26T17:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
      ]);
    spec
      .given(history.appointmentBooked())
      .when(attendance(false))
      .thenState({ status: 'awaiting_appointment', dnaCount: 1 });
  });

  describe('after one missed appointment', () => {
    const SECOND = deterministicId('cmd-offer-2', 'appointment');
    const secondOffered = (): ReferralEvent[] => [
      ...history.appointmentBooked(),
      {
        type: 'ReferralAppointmentMissed',
        data: { appointmentId: APPOINTMENT_ID, missedCount: 1, recordedAt: T.attended },
      },
      scheduled('first-appointment', 'RecordAttendance', '2026-03-24T17:00:00.000Z', ADVISOR),
      {
        type: 'ReferralAppointmentOffered',
        data: {
          appointmentId: SECOND,
          scheduledFor: '2026-03-17T10:00:00.000Z',
          mode: 'telephone',
          clinicianId: null,
          offeredAt: T.closed,
        },
      },
      met('first-appointment', 'RecordAttendance', T.closed),
    ];

    it('a second missed appointment closes the referral', () => {
      spec
        .given(secondOffered())
        .when(
          command(
            'RecordAttendance',
            { appointmentId: SECOND, attended: false },
            '2026-03-17T11:00:00.000Z',
            'cmd-dna-2',
          ),
        )
        .then([
          {
            type: 'ReferralAppointmentMissed',
            data: { appointmentId: SECOND, missedCount: 2, recordedAt: '2026-03-17T11:00:00.000Z' },
          },
          {
            type: 'ReferralClosed',
            data: { reason: 'did_not_attend', note: null, closedAt: '2026-03-17T11:00:00.000Z' },
          },
        ]);
    });

    it('the missed appointment can no longer be attended', () => {
      spec.given(secondOffered()).when(attendance(true)).thenThrows('REFERRAL.UNKNOWN_APPOINTMENT', 'appointmentId');
    });
  });

  it("the number of missed appointments that closes a referral is the force's to choose", () => {
    const strict = deciderSpec(createReferralDecider({ policy: { ...policy, maxDidNotAttend: 1 }, calendar }));
    strict
      .given(history.appointmentBooked())
      .when(attendance(false))
      .then([
        {
          type: 'ReferralAppointmentMissed',
          data: { appointmentId: APPOINTMENT_ID, missedCount: 1, recordedAt: T.attended },
        },
        { type: 'ReferralClosed', data: { reason: 'did_not_attend', note: null, closedAt: T.attended } },
      ]);
  });

  it('attendance is recorded for the current appointment only', () => {
    spec
      .given(history.appointmentBooked())
      .when(attendance(true, 'appt-unknown'))
      .thenThrows('REFERRAL.UNKNOWN_APPOINTMENT', 'appointmentId');
  });

  it('attendance is recorded once, for an appointment that was offered', () => {
    spec.given(history.awaitingAppointment()).when(attendance(true)).thenThrows('REFERRAL.NO_APPOINTMENT');
    spec.given(history.awaitingOutcome()).when(attendance(false)).thenThrows('REFERRAL.ATTENDANCE_ALREADY_RECORDED');
  });
});
