import type { IncidentCommand } from './commands';
import { command, history, JO, spec, T, waived } from './testing/incident-fixtures';

const close = (reason = 'ESTIP complete') => command('CloseIncident', { reason }, T.closed);

describe('closing an incident', () => {
  it('closes with a reason and waives every open deadline', () => {
    spec
      .given(history.defused())
      .when(close())
      .then(history.closed().slice(history.defused().length));
    spec
      .given(history.recorded())
      .when(close('Recorded in error'))
      .then([
        { type: 'IncidentClosed', data: { reason: 'Recorded in error', closedAt: T.closed } },
        waived('demobilisation', 'incident closed: Recorded in error'),
        waived('defusion', 'incident closed: Recorded in error'),
        waived('trim-planning', 'incident closed: Recorded in error'),
      ]);
  });

  it('needs a reason', () => {
    spec.given(history.defused()).when(close('  ')).thenThrows('INCIDENT.FIELD_REQUIRED', 'reason');
  });

  const after: readonly IncidentCommand[] = [
    close(),
    command('AddExposedColleague', { ...JO, personId: 'P-4' }, T.closed),
    command('RemoveExposedColleague', { personId: 'P-3', reason: 'Error' }, T.closed),
    command('RecordEstim', { attendees: ['P-2'], includesOh: false, referredOn: [] }, T.closed),
    command('SkipEstipStage', { stage: 'estim', reason: 'Closed' }, T.closed),
    command('RecordTrimPlanningMeeting', { chairedBy: 'u-trim', offeredRiskAssessment: [] }, T.closed),
    command('WaiveDeadline', { kind: 'trim-planning', reason: 'Closed' }, T.closed),
  ];
  it.each(after.map((c) => [c.type, c] as const))('a closed incident refuses %s', (_type, refused) => {
    spec.given(history.closed()).when(refused).thenThrows('INCIDENT.CLOSED');
  });

  it('a timer that fires after closing records nothing, without error', () => {
    spec
      .given(history.closed())
      .when(command('EscalateDeadline', { deadlineId: 'any', level: 1 }, '2026-04-01T09:00:00.000Z'))
      .thenNothing();
  });
});
