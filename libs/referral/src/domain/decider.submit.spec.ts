import type { SubmitReferral } from './commands';
import { ACTOR, command, DUE, history, idFrom, scheduled, spec, SUBMISSION, T } from './testing/referral-fixtures';

const submit = (overrides: Partial<SubmitReferral['data']> = {}): SubmitReferral => {
  const { submittedAt: _submittedAt, ...data } = SUBMISSION;
  return command('SubmitReferral', { ...data, ...overrides }, T.submitted);
};

describe('submitting a referral', () => {
  it('a submitted referral waits for triage, due by close of business two working days later', () => {
    spec
      .given([])
      .when(submit())
      .then([
        {
          type: 'ReferralSubmitted',
          data: {
            referralId: 'ref-1',
            subjectId: 'P-1234',
            subjectName: 'Alex Morgan',
            employmentType: 'police_officer',
            department: 'Response',
            role: 'Response Officer',
            source: 'management',
            category: 'mental_health',
            urgency: 'routine',
            reason: 'Low mood after a fatal collision',
            referredBy: 'u-manager',
            lineManagerId: 'u-manager',
            linkedCaseId: null,
            submittedAt: '2026-03-02T09:00:00.000Z',
          },
        },
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('SubmitReferral', 'triage'),
            kind: 'triage',
            dueAt: '2026-03-04T17:00:00.000Z',
            ownerId: null,
            ladder: [
              { level: 1, at: '2026-03-04T17:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-03-05T17:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-03-06T17:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
      ]);
  });

  it('an urgent referral is due for triage by close of business the next working day', () => {
    spec
      .given([])
      .when(submit({ urgency: 'urgent', source: 'trim', linkedCaseId: 'trim-7' }))
      .then([
        {
          type: 'ReferralSubmitted',
          data: { ...SUBMISSION, urgency: 'urgent', source: 'trim', linkedCaseId: 'trim-7' },
        },
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('SubmitReferral', 'triage'),
            kind: 'triage',
            dueAt: '2026-03-03T17:00:00.000Z',
            ownerId: null,
            ladder: [
              { level: 1, at: '2026-03-03T17:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-03-04T17:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-03-05T17:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
      ]);
  });

  it('the person submitting is the referrer unless another is named, and blank optional fields are not given', () => {
    spec
      .given([])
      .when(submit({ referredBy: null, role: '  ', lineManagerId: '' }))
      .thenState({
        status: 'awaiting_triage',
        subject: { subjectId: 'P-1234', subjectName: 'Alex Morgan', role: null },
      });
    spec
      .given([])
      .when(submit({ referredBy: null, role: '  ', lineManagerId: '' }))
      .then([
        {
          type: 'ReferralSubmitted',
          data: { ...SUBMISSION, referredBy: ACTOR.userId, role: null, lineManagerId: null },
        },
        scheduled('triage', 'SubmitReferral', DUE.triage, null),
      ]);
  });

  it('a referral cannot be submitted twice', () => {
    spec.given(history.awaitingTriage()).when(submit()).thenThrows('REFERRAL.ALREADY_EXISTS');
  });

  it.each(['referralId', 'subjectId', 'subjectName', 'department', 'reason'] as const)(
    'a referral needs a %s',
    (field) => {
      spec
        .given([])
        .when(submit({ [field]: ' ' }))
        .thenThrows('REFERRAL.FIELD_REQUIRED', field);
    },
  );
});
