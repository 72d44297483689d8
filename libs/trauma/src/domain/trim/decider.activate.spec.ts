import type { ActivateTrim } from './commands';
import { ACTIVATION, ACTOR, command, DUE, history, idFrom, scheduled, spec, T } from './testing/trim-fixtures';

const activate = (overrides: Partial<ActivateTrim['data']> = {}, now: string = T.activated): ActivateTrim => {
  const { assessmentClockFrom: _clock, activatedAt: _at, incidentOccurredAt, ...data } = ACTIVATION;
  return command(
    'ActivateTrim',
    { ...data, incidentOccurredAt: incidentOccurredAt ? new Date(incidentOccurredAt) : null, ...overrides },
    now,
  );
};

describe('activating TRiM for a person', () => {
  it('an incident activation starts the 24 h brief clock, and the initial assessment clock from the incident', () => {
    spec
      .given([])
      .when(activate())
      .then([
        {
          type: 'TrimActivated',
          data: {
            activationId: 'act-1',
            personId: 'P-1234',
            personName: 'Alex Morgan',
            employmentType: 'police_officer',
            department: 'Response',
            source: 'incident',
            incidentId: 'inc-9',
            incidentOccurredAt: '2026-03-02T14:00:00.000Z',
            assessmentClockFrom: '2026-03-02T14:00:00.000Z',
            activatedBy: 'u-supervisor',
            activatedAt: '2026-03-03T09:00:00.000Z',
          },
        },
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('ActivateTrim', 'trauma-brief'),
            kind: 'trauma-brief',
            dueAt: '2026-03-04T09:00:00.000Z',
            ownerId: null,
            ladder: [
              { level: 1, at: '2026-03-04T09:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-03-05T09:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-03-06T09:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('ActivateTrim', 'initial-assessment'),
            kind: 'initial-assessment',
            dueAt: '2026-03-06T14:00:00.000Z',
            ownerId: null,
            ladder: [
              { level: 1, at: '2026-03-06T14:00:00.000Z', notify: 'owner' },
              // a day later is Saturday; two working days later is the Tuesday
              { level: 2, at: '2026-03-07T14:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-03-10T14:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
      ]);
  });

  it('a self referral times its assessments from the activation, even when it names an incident', () => {
    const selfReferral = { source: 'self_referral', incidentId: 'inc-3', activatedBy: null } as const;
    spec
      .given([])
      .when(activate({ ...selfReferral, incidentOccurredAt: new Date('2026-02-01T10:00:00.000Z') }))
      .then([
        {
          type: 'TrimActivated',
          data: {
            ...ACTIVATION,
            source: 'self_referral',
            incidentId: 'inc-3',
            incidentOccurredAt: '2026-02-01T10:00:00.000Z',
            assessmentClockFrom: T.activated,
            activatedBy: ACTOR.userId,
          },
        },
        scheduled('trauma-brief', 'ActivateTrim', DUE.traumaBrief, null),
        scheduled('initial-assessment', 'ActivateTrim', '2026-03-07T09:00:00.000Z', null),
      ]);
  });

  it('a manager referral needs no incident', () => {
    spec
      .given([])
      .when(activate({ source: 'manager_referral', incidentId: ' ', incidentOccurredAt: null }))
      .thenState({
        status: 'awaiting_practitioner',
        source: 'manager_referral',
        incidentId: null,
        incidentOccurredAt: null,
        assessmentClockFrom: T.activated,
      });
  });

  it('an activation made after the 96 h window is overdue for its initial assessment at once', () => {
    const late = '2026-03-09T09:00:00.000Z';
    spec
      .given([])
      .when(activate({}, late))
      .thenState((state) => state.status !== 'none' && state.deadlines['initial-assessment']?.dueAt < late);
  });

  it('TRiM cannot be activated twice in one stream', () => {
    spec.given(history.awaitingPractitioner()).when(activate()).thenThrows('TRIM.ALREADY_ACTIVATED');
  });

  it.each(['activationId', 'personId', 'personName', 'department'] as const)('an activation needs a %s', (field) => {
    spec
      .given([])
      .when(activate({ [field]: '  ' }))
      .thenThrows('TRIM.FIELD_REQUIRED', field);
  });

  it('an activation after an incident names the incident and when it happened', () => {
    spec
      .given([])
      .when(activate({ incidentId: null }))
      .thenThrows('TRIM.FIELD_REQUIRED', 'incidentId');
    spec
      .given([])
      .when(activate({ incidentOccurredAt: null }))
      .thenThrows('TRIM.FIELD_REQUIRED', 'incidentOccurredAt');
  });

  it('the incident cannot be after the activation, nor an invalid date', () => {
    spec
      .given([])
      .when(activate({ incidentOccurredAt: new Date('2026-03-03T09:00:01.000Z') }))
      .thenThrows('TRIM.INCIDENT_IN_FUTURE', 'incidentOccurredAt');
    spec
      .given([])
      .when(activate({ incidentOccurredAt: new Date('not a date') }))
      .thenThrows('TRIM.INVALID_DATE', 'incidentOccurredAt');
  });
});
