import { command, history, INCIDENT_ID, met, spec, T } from './testing/incident-fixtures';

const plan = (offered: readonly string[], chairedBy = 'u-trim-coordinator', now: string = T.trimPlanning) =>
  command('RecordTrimPlanningMeeting', { chairedBy, offeredRiskAssessment: offered }, now);

describe('the TRiM planning meeting', () => {
  it('decides who is offered a TRiM risk assessment, with what their activation needs, and meets its deadline', () => {
    spec
      .given(history.demobilised())
      .when(plan(['P-1']))
      .then(history.trimPlanned().slice(history.demobilised().length));
  });

  it('runs alongside ESTIP, whatever stage it is at; held after 48 hours, it meets its deadline late', () => {
    const late = '2026-03-04T09:00:00.000Z';
    spec
      .given(history.recorded())
      .when(plan(['P-1', 'P-3'], 'u-trim-coordinator', late))
      .then([
        {
          type: 'TrimPlanningMeetingHeld',
          data: {
            incidentId: INCIDENT_ID,
            occurredAt: T.occurred,
            chairedBy: 'u-trim-coordinator',
            offeredRiskAssessment: [
              { personId: 'P-1', name: 'Alex Morgan', department: 'Response' },
              { personId: 'P-3', name: 'Jo Evans', department: 'Control Room' },
            ],
            heldAt: late,
          },
        },
        met('trim-planning', late, true),
      ]);
  });

  it('may offer nobody a risk assessment: that is a decision too', () => {
    spec
      .given(history.recorded())
      .when(plan([]))
      .thenState(
        (state) => state.status === 'open' && state.trimPlanning === 'held' && !state.deadlines['trim-planning'],
      );
  });

  it('offers only exposed colleagues, each once', () => {
    spec
      .given(history.recorded())
      .when(plan(['P-1', 'P-4']))
      .thenThrows('INCIDENT.NOT_EXPOSED', 'offeredRiskAssessment');
    spec
      .given(history.recorded())
      .when(plan(['P-1', 'P-1']))
      .thenThrows('INCIDENT.DUPLICATE_PERSON', 'offeredRiskAssessment');
  });

  it('needs whoever chaired it, and is recorded once', () => {
    spec.given(history.recorded()).when(plan(['P-1'], '')).thenThrows('INCIDENT.FIELD_REQUIRED', 'chairedBy');
    spec.given(history.trimPlanned()).when(plan(['P-2'])).thenThrows('INCIDENT.TRIM_PLANNING_ALREADY_HELD');
  });
});
