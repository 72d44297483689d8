import type { LinkRejoiner, RecordLeft, WithdrawResignation } from '../commands';
import { conflict, invalid } from '../errors';
import type { ExitEvent } from '../events';
import { lengthOfServiceBand } from '../length-of-service';
import type { ExitState } from '../state';
import { waiveOpenDeadlines, type ExitDeciderDeps } from './deadlines';
import { businessDate, optionalText, requireBusinessDate, requireExisting, requireOpen } from './guards';

/**
 * Retained: only a resignation can be withdrawn (a retirement or a dismissal is not the
 * person's to take back here), and only while they are still with us.
 */
export function withdrawResignation(
  command: WithdrawResignation,
  state: ExitState,
  deps: ExitDeciderDeps,
): ExitEvent[] {
  const exit = requireOpen(state);
  if (exit.reason !== 'resignation') {
    throw conflict('EXIT.NOT_A_RESIGNATION', `Only a resignation is withdrawn; this exit is a ${exit.reason}`);
  }
  const { now, actor } = command;
  const today = businessDate(now, deps.calendar.zone);
  if (today >= exit.leavingDate) {
    throw conflict('EXIT.LEAVING_DATE_PASSED', `The leaving date (${exit.leavingDate}) has been reached`);
  }
  return [
    {
      type: 'ExitRetained',
      data: {
        employmentType: exit.person.employmentType,
        department: exit.person.department,
        interviewHeld: exit.interview?.outcome === 'held',
        note: optionalText(command.data.note),
        retainedAt: now.toISOString(),
      },
    },
    ...waiveOpenDeadlines(exit.deadlines, 'resignation withdrawn', actor.userId),
  ];
}

/**
 * Left, on or after the final leaving date. That date may differ from the one notified
 * (notice cut short, or extended), but not fall before the notice or the start of service.
 */
export function recordLeft(command: RecordLeft, state: ExitState, deps: ExitDeciderDeps): ExitEvent[] {
  const exit = requireOpen(state);
  const { now, actor } = command;
  const { zone } = deps.calendar;
  const leavingDate =
    command.data.leavingDate === null ? exit.leavingDate : requireBusinessDate(command.data.leavingDate, 'leavingDate');
  const noticeDate = businessDate(exit.notifiedAt, zone);
  if (leavingDate < noticeDate) {
    const message = `The leaving date is before the notice (${noticeDate})`;
    throw invalid('EXIT.LEAVING_DATE_BEFORE_NOTICE', message, 'leavingDate');
  }
  if (leavingDate < exit.person.startDate) {
    throw invalid('EXIT.LEAVING_BEFORE_START', `The leaving date is before the start date`, 'leavingDate');
  }
  if (leavingDate > businessDate(now, zone)) {
    throw invalid('EXIT.LEAVING_DATE_IN_FUTURE', `The person leaves on ${leavingDate}: record it then`, 'leavingDate');
  }
  return [
    {
      type: 'ExitLeft',
      data: {
        leavingDate,
        reason: exit.reason,
        lengthOfService: lengthOfServiceBand(exit.person.startDate, leavingDate),
        interviewHeld: exit.interview?.outcome === 'held',
        recordedAt: now.toISOString(),
      },
    },
    ...waiveOpenDeadlines(exit.deadlines, `person left on ${leavingDate}`, actor.userId),
  ];
}

/**
 * A leaver came back. Linking the same rejoining again changes nothing (a retried
 * command, a re-run import); a different one is a conflict, because a rejoiner starts a
 * new record and any later exit is a new exit.
 */
export function linkRejoiner(command: LinkRejoiner, state: ExitState, deps: ExitDeciderDeps): ExitEvent[] {
  const exit = requireExisting(state);
  if (exit.status !== 'left') throw conflict('EXIT.NOT_LEFT', 'Only someone who has left can rejoin');
  const rejoinedAt = requireBusinessDate(command.data.rejoinedAt, 'rejoinedAt');
  const newPersonRecordId = optionalText(command.data.newPersonRecordId);
  if (exit.rejoiner !== null) {
    const same = exit.rejoiner.rejoinedAt === rejoinedAt && exit.rejoiner.newPersonRecordId === newPersonRecordId;
    if (same) return [];
    throw conflict('EXIT.REJOINER_ALREADY_LINKED', `Already linked as rejoining on ${exit.rejoiner.rejoinedAt}`);
  }
  if (rejoinedAt <= exit.leftOn) {
    const message = `Rejoining comes after the leaving date (${exit.leftOn})`;
    throw invalid('EXIT.REJOINED_BEFORE_LEAVING', message, 'rejoinedAt');
  }
  if (rejoinedAt > businessDate(command.now, deps.calendar.zone)) {
    throw invalid('EXIT.REJOINED_IN_FUTURE', 'A rejoining is linked once it has happened', 'rejoinedAt');
  }
  return [
    { type: 'ExitRejoinerLinked', data: { rejoinedAt, newPersonRecordId, linkedAt: command.now.toISOString() } },
  ];
}
