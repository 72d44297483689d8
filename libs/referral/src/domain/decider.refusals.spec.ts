import type { ReferralCommand } from './commands';
import { DomainError } from '@casework/core/domain/domain-error';
import {
  ADVISOR,
  APPOINTMENT_ID,
  command,
  decider,
  history,
  idFrom,
  spec,
  SUBMISSION,
  T,
  type CommandOf,
} from './testing/referral-fixtures';

const { submittedAt: _submittedAt, ...submission } = SUBMISSION;

/** One well-formed command of every type, for rules that hold whatever the command. */
const ANY_COMMAND: { readonly [Type in ReferralCommand['type']]: CommandOf<Type> } = {
  SubmitReferral: command('SubmitReferral', { ...submission, referredBy: null }, T.closed),
  TriageReferral: command('TriageReferral', { priority: 'high', advisorId: ADVISOR }, T.closed),
  RecordConsent: command('RecordConsent', { consentGiven: true }, T.closed),
  OfferAppointment: command(
    'OfferAppointment',
    { scheduledFor: new Date(T.appointment), mode: 'video', clinicianId: null },
    T.closed,
  ),
  BookAppointment: command('BookAppointment', { appointmentId: APPOINTMENT_ID }, T.closed),
  RecordAttendance: command('RecordAttendance', { appointmentId: APPOINTMENT_ID, attended: true }, T.closed),
  RecordOutcome: command(
    'RecordOutcome',
    {
      appointmentId: APPOINTMENT_ID,
      fitness: 'fit',
      limitedDuties: null,
      recommendations: ['no_further_action'],
      smpQuestions: null,
      clinicalNotes: '',
    },
    T.closed,
  ),
  RecordReportConsent: command('RecordReportConsent', { consentGiven: true }, T.closed),
  ReleaseReport: command('ReleaseReport', { releasedTo: 'u-manager' }, T.closed),
  ScheduleReview: command('ScheduleReview', { reviewDate: '2026-09-01' }, T.closed),
  CloseReferral: command('CloseReferral', { reason: 'other', note: 'Left the force' }, T.closed),
  ReopenReferral: command('ReopenReferral', { reason: 'Symptoms returned' }, T.closed),
  ReassignReferral: command('ReassignReferral', { toAdvisorId: 'u-other-advisor', reason: null }, T.closed),
  CancelReferral: command('CancelReferral', { reason: 'Raised in error' }, T.closed),
  WaiveDeadline: command('WaiveDeadline', { kind: 'triage', reason: 'Agreed with the OH manager' }, T.closed),
  EscalateDeadline: command('EscalateDeadline', { deadlineId: idFrom('SubmitReferral', 'triage'), level: 1 }, T.closed),
};

describe('what each lifecycle state refuses', () => {
  const all = Object.values(ANY_COMMAND) as ReferralCommand[];
  const except = (...types: ReferralCommand['type'][]) => all.filter((c) => !types.includes(c.type));

  it.each(except('SubmitReferral').map((c) => [c.type, c] as const))(
    'a referral that does not exist refuses %s as not found',
    (_type, cmd) => {
      spec.given([]).when(cmd).thenThrows('REFERRAL.NOT_FOUND');
    },
  );

  it.each(except('SubmitReferral', 'ReopenReferral', 'EscalateDeadline').map((c) => [c.type, c] as const))(
    'a closed referral refuses %s until it is reopened',
    (_type, cmd) => {
      spec.given(history.closed()).when(cmd).thenThrows('REFERRAL.CLOSED');
    },
  );

  it.each(except('SubmitReferral', 'EscalateDeadline').map((c) => [c.type, c] as const))(
    'a cancelled referral refuses %s for good',
    (_type, cmd) => {
      spec.given(history.cancelled()).when(cmd).thenThrows('REFERRAL.CANCELLED');
    },
  );

  it('an existing referral, whatever its state, refuses a second submission', () => {
    for (const given of [history.awaitingTriage(), history.closed(), history.cancelled()]) {
      spec.given(given).when(ANY_COMMAND.SubmitReferral).thenThrows('REFERRAL.ALREADY_EXISTS');
    }
  });

  it('tells the HTTP edge what kind of refusal each is: not found, conflict or invalid', () => {
    const refusal = (events: Parameters<typeof spec.given>[0], cmd: ReferralCommand) => {
      try {
        decider.decide(cmd, events.reduce(decider.evolve, decider.initialState));
      } catch (error) {
        if (error instanceof DomainError) return { code: error.code, kind: error.kind, field: error.field };
      }
      throw new Error('expected a DomainError');
    };
    expect(refusal([], ANY_COMMAND.TriageReferral)).toEqual({
      code: 'REFERRAL.NOT_FOUND',
      kind: 'not_found',
      field: undefined,
    });
    expect(refusal(history.closed(), ANY_COMMAND.TriageReferral)).toEqual({
      code: 'REFERRAL.CLOSED',
      kind: 'conflict',
      field: undefined,
    });
    expect(
      refusal(history.awaitingConsent(), {
        ...ANY_COMMAND.ReassignReferral,
        data: { toAdvisorId: ADVISOR, reason: null },
      }),
    ).toEqual({
      code: 'REFERRAL.SAME_ADVISOR',
      kind: 'invalid',
      field: 'toAdvisorId',
    });
  });
});
