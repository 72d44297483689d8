import { STAY_DEADLINES } from './policy';
import {
  ACTOR,
  command,
  DUE,
  history,
  LINE_MANAGER,
  PERSON,
  REQUEST,
  scheduled,
  spec,
  STAY_ID,
  T,
} from './testing/stay-fixtures';

describe('requesting a stay interview', () => {
  const { requestedBy: _requestedBy, requestedAt: _requestedAt, ...person } = REQUEST;
  const request = (overrides: Partial<ReturnType<typeof data>> = {}, now: string = T.requested) =>
    command('RequestStayInterview', { ...data(), ...overrides }, now);
  const data = () => ({ ...person, requestedBy: PERSON as string | null });

  it('a self referral waits for an interviewer, with the interview due 10 working days later', () => {
    spec
      .given([])
      .when(request())
      .then([
        { type: 'StayInterviewRequested', data: REQUEST },
        scheduled(STAY_DEADLINES.interview, 'RequestStayInterview', DUE.interview, null),
      ]);
    spec.given([]).when(request()).thenState({ status: 'awaiting_interviewer', interviewerId: null });
  });

  it('the request carries what the reports split by: employment type, department, student, start date, intent', () => {
    spec
      .given([])
      .when(request())
      .thenState({
        person: {
          employmentType: 'police_officer',
          department: 'Response',
          isStudentOfficer: true,
          startDate: '2024-09-02',
        },
        intentAtRequest: 'considering',
      });
  });

  it('a line manager may ask on the person’s behalf; without requestedBy it is whoever sent it', () => {
    spec
      .given([])
      .when(request({ source: 'line_manager', requestedBy: null }))
      .thenState({ source: 'line_manager', requestedBy: ACTOR.userId });
    spec
      .given([])
      .when(request({ source: 'line_manager', requestedBy: LINE_MANAGER }))
      .thenState({ requestedBy: LINE_MANAGER });
  });

  it('a request received after close of business on a Friday is due from the next working day', () => {
    // Fri 27 Mar 18:00 GMT → 10 working days past Good Friday and Easter Monday → Wed 15 Apr 17:00 BST
    spec
      .given([])
      .when(request({}, '2026-03-27T18:00:00.000Z'))
      .thenState(
        (state) => state.status !== 'none' && state.deadlines['stay-interview']?.dueAt === '2026-04-15T16:00:00.000Z',
      );
  });

  it.each(['stayInterviewId', 'personId', 'personName', 'department', 'lineManagerId', 'concerns'] as const)(
    'a request needs %s',
    (field) => {
      spec
        .given([])
        .when(request({ [field]: ' ' }))
        .thenThrows('STAY.FIELD_REQUIRED', field);
    },
  );

  it('the start date is a real YYYY-MM-DD date, not after today', () => {
    spec
      .given([])
      .when(request({ startDate: '2024-02-30' }))
      .thenThrows('STAY.INVALID_DATE', 'startDate');
    spec
      .given([])
      .when(request({ startDate: '02/09/2024' }))
      .thenThrows('STAY.INVALID_DATE', 'startDate');
    spec
      .given([])
      .when(request({ startDate: '2026-03-03' }))
      .thenThrows('STAY.DATE_IN_FUTURE', 'startDate');
    spec
      .given([])
      .when(request({ startDate: '2026-03-02' }))
      .thenState({ person: { startDate: '2026-03-02' } });
  });

  it('a stay interview is requested once', () => {
    spec.given(history.awaitingInterviewer()).when(request()).thenThrows('STAY.ALREADY_REQUESTED');
    spec
      .given(history.closed())
      .when(request({ stayInterviewId: STAY_ID }))
      .thenThrows('STAY.ALREADY_REQUESTED');
  });
});
