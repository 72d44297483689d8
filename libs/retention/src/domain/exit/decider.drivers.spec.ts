import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import { createExitDecider } from './decider';
import { DEFAULT_EXIT_POLICY } from './policy';
import { calendar, command, history, spec, T } from './testing/exit-fixtures';

const record = (codes: readonly string[], note: string | null = null) =>
  command('RecordExitDrivers', { codes, note }, T.drivers);

describe('recording the drivers of leaving', () => {
  it('records codes from the taxonomy, in the order given', () => {
    spec
      .given(history.interviewed())
      .when(record(['workload', 'bullying_harassment_discrimination'], 'Raised at interview'))
      .then([
        {
          type: 'ExitDriversRecorded',
          data: {
            codes: ['workload', 'bullying_harassment_discrimination'],
            note: 'Raised at interview',
            recordedAt: T.drivers,
          },
        },
      ]);
  });

  it('may be recorded without an interview, or after the person has left', () => {
    spec.given(history.interviewDeclined()).when(record(['pay'])).thenState({ drivers: ['pay'] });
    const leftWithout = history.left().filter((event) => event.type !== 'ExitDriversRecorded');
    spec.given(leftWithout).when(record(['relocation'])).thenState({ status: 'left', drivers: ['relocation'] });
  });

  it('refuses an empty list, an unknown code, or one twice, naming it', () => {
    spec.given(history.interviewed()).when(record([])).thenThrows('EXIT.DRIVER_REQUIRED', 'codes');
    spec.given(history.interviewed()).when(record(['pay', 'weather'])).thenThrows('EXIT.UNKNOWN_DRIVER', 'codes.1');
    spec.given(history.interviewed()).when(record(['pay', 'pay'])).thenThrows('EXIT.DUPLICATE_DRIVER', 'codes.1');
  });

  it("follows the force's own taxonomy", () => {
    const own = deciderSpec(
      createExitDecider({ policy: { ...DEFAULT_EXIT_POLICY, drivers: ['shift_pattern', 'pay'] }, calendar }),
    );
    own.given(history.interviewed()).when(record(['shift_pattern'])).thenState({ drivers: ['shift_pattern'] });
    own.given(history.interviewed()).when(record(['workload'])).thenThrows('EXIT.UNKNOWN_DRIVER', 'codes.0');
  });

  it('is recorded once', () => {
    spec.given(history.driversRecorded()).when(record(['pay'])).thenThrows('EXIT.DRIVERS_ALREADY_RECORDED');
    spec.given([]).when(record(['pay'])).thenThrows('EXIT.NOT_FOUND');
  });
});
