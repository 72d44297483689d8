import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type {
  AllocateExitInterviewer,
  DeclineExitInterview,
  ReallocateExitInterviewer,
  RecordExitInterview,
} from '../commands';
import { conflict, invalid } from '../errors';
import type { ExitEvent } from '../events';
import { EXIT_DEADLINES } from '../policy';
import type { ExitState, OpenExit } from '../state';
import { waiveOpenDeadlines, type ExitDeciderDeps } from './deadlines';
import { businessDate, optionalText, requireOpen, requireText, requireValidDate } from './guards';

/**
 * The interviewer is someone the person can speak to freely: never the line manager they
 * opted out of. Open deadlines keep the owner they were scheduled with; re-scheduling
 * them would restart their escalation ladder.
 */
export function allocate(command: AllocateExitInterviewer, state: ExitState): ExitEvent[] {
  const exit = requireInterviewAhead(requireOpen(state));
  if (exit.interviewerId !== null) {
    throw conflict('EXIT.INTERVIEWER_ALREADY_ALLOCATED', 'An interviewer is already allocated; reallocate instead');
  }
  const interviewerId = checkInterviewer(exit, command.data.interviewerId);
  return [{ type: 'ExitInterviewerAllocated', data: { interviewerId, allocatedAt: command.now.toISOString() } }];
}

export function reallocate(command: ReallocateExitInterviewer, state: ExitState): ExitEvent[] {
  const exit = requireInterviewAhead(requireOpen(state));
  const fromInterviewerId = requireInterviewer(exit);
  const toInterviewerId = checkInterviewer(exit, command.data.interviewerId);
  const reason = requireText(command.data.reason, 'reason');
  if (toInterviewerId === fromInterviewerId) {
    throw invalid('EXIT.SAME_INTERVIEWER', `The exit is already allocated to ${toInterviewerId}`, 'interviewerId');
  }
  return [
    {
      type: 'ExitInterviewerReallocated',
      data: { fromInterviewerId, toInterviewerId, reason, reallocatedAt: command.now.toISOString() },
    },
  ];
}

/**
 * The interview is recorded when it happened (`heldAt`): not before the notice, not in
 * the future, and before the leaving date, on the force's calendar. Meeting the deadline
 * at `heldAt` tells the reports whether it was on time.
 */
export function recordInterview(command: RecordExitInterview, state: ExitState, deps: ExitDeciderDeps): ExitEvent[] {
  const exit = requireInterviewAhead(requireOpen(state));
  const interviewerId = requireInterviewer(exit);
  const { now } = command;
  const heldAt = requireValidDate(command.data.heldAt, 'heldAt');
  if (heldAt.getTime() > now.getTime()) {
    throw invalid('EXIT.INTERVIEW_IN_FUTURE', 'An interview is recorded once it has been held', 'heldAt');
  }
  if (heldAt.getTime() < Date.parse(exit.notifiedAt)) {
    throw invalid('EXIT.INTERVIEW_BEFORE_NOTICE', 'The interview cannot be before the leaving was notified', 'heldAt');
  }
  if (businessDate(heldAt, deps.calendar.zone) >= exit.leavingDate) {
    throw invalid(
      'EXIT.INTERVIEW_AFTER_LEAVING_DATE',
      `An exit interview is held before the leaving date (${exit.leavingDate})`,
      'heldAt',
    );
  }
  return [
    {
      type: 'ExitInterviewHeld',
      data: {
        interviewerId,
        heldAt: heldAt.toISOString(),
        summary: optionalText(command.data.summary),
        recordedAt: now.toISOString(),
      },
    },
    ...meetDeadline(exit.deadlines, EXIT_DEADLINES.exitInterview, heldAt),
  ];
}

/** Declining is a valid answer: it is recorded, and nobody chases the interview after it. */
export function declineInterview(command: DeclineExitInterview, state: ExitState): ExitEvent[] {
  const exit = requireInterviewAhead(requireOpen(state));
  const { now, actor } = command;
  return [
    {
      type: 'ExitInterviewDeclined',
      data: { reason: optionalText(command.data.reason), declinedAt: now.toISOString() },
    },
    ...waiveOpenDeadlines(exit.deadlines, 'person declined the exit interview', actor.userId),
  ];
}

function requireInterviewAhead(exit: OpenExit): OpenExit {
  if (exit.interview?.outcome === 'held') {
    throw conflict('EXIT.INTERVIEW_ALREADY_HELD', 'The exit interview has already been held');
  }
  if (exit.interview?.outcome === 'declined') {
    throw conflict('EXIT.INTERVIEW_DECLINED', 'The person declined the exit interview; their decision stands');
  }
  return exit;
}

function requireInterviewer(exit: OpenExit): string {
  if (exit.interviewerId === null) throw conflict('EXIT.NO_INTERVIEWER', 'No exit interviewer has been allocated yet');
  return exit.interviewerId;
}

function checkInterviewer(exit: OpenExit, candidate: string): string {
  const interviewerId = requireText(candidate, 'interviewerId');
  if (exit.optOutOfLineManager && interviewerId === exit.person.lineManagerId) {
    throw invalid(
      'EXIT.INTERVIEWER_IS_LINE_MANAGER',
      'The person asked not to speak to their line manager: allocate someone else',
      'interviewerId',
    );
  }
  return interviewerId;
}
