import type { RecordExitDrivers } from '../commands';
import { conflict, invalid } from '../errors';
import type { ExitEvent } from '../events';
import type { ExitState } from '../state';
import type { ExitDeciderDeps } from './deadlines';
import { optionalText, requireExisting } from './guards';

/**
 * What lay behind leaving, from the force's taxonomy. Recorded once, at any point: from
 * the survey or the interview, and also after the person has left or stayed, because
 * interviews are often written up later and a withdrawn resignation had drivers too.
 */
export function recordDrivers(command: RecordExitDrivers, state: ExitState, deps: ExitDeciderDeps): ExitEvent[] {
  const exit = requireExisting(state);
  if (exit.drivers !== null) {
    throw conflict('EXIT.DRIVERS_ALREADY_RECORDED', `Drivers are already recorded: ${exit.drivers.join(', ')}`);
  }
  const codes = checkCodes(command.data.codes, deps.policy.drivers);
  return [
    {
      type: 'ExitDriversRecorded',
      data: { codes, note: optionalText(command.data.note), recordedAt: command.now.toISOString() },
    },
  ];
}

function checkCodes(codes: readonly string[], taxonomy: readonly string[]): readonly string[] {
  if (!Array.isArray(codes) || codes.length === 0) {
    throw invalid('EXIT.DRIVER_REQUIRED', 'Record at least one driver', 'codes');
  }
  codes.forEach((code: unknown, i) => {
    if (typeof code !== 'string' || !taxonomy.includes(code)) {
      const message = `${JSON.stringify(code)} is not one of ${taxonomy.join(', ')}`;
      throw invalid('EXIT.UNKNOWN_DRIVER', message, `codes.${i}`);
    }
    if (codes.indexOf(code) !== i) {
      throw invalid('EXIT.DUPLICATE_DRIVER', `${code} is listed twice`, `codes.${i}`);
    }
  });
  return [...codes];
}
