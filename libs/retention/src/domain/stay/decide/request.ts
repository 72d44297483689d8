import type { AllocateStayInterviewer, ReassignStayInterviewer, RequestStayInterview } from '../commands';
import { conflict, invalid } from '../errors';
import type { StayEvent } from '../events';
import { interviewDueAt, STAY_DEADLINES } from '../policy';
import type { OpenStay, StayState } from '../state';
import { scheduleStayDeadline, type StayDeciderDeps } from './deadlines';
import {
  businessToday,
  optionalText,
  requireBusinessDate,
  requireInterviewer,
  requireOpen,
  requireText,
} from './guards';

/**
 * A request waits for an interviewer with the interview's clock already running: the
 * person raised a concern and the force has (by default) ten working days to hear it.
 * The deadline is the retention team's until someone is allocated, so it starts unowned;
 * allocation does not re-schedule it, which would restart its escalation ladder.
 */
export function request(command: RequestStayInterview, state: StayState, deps: StayDeciderDeps): StayEvent[] {
  if (state.status !== 'none') throw conflict('STAY.ALREADY_REQUESTED', 'This stay interview is already requested');
  const { data, now, actor, commandId } = command;
  for (const field of [
    'stayInterviewId',
    'personId',
    'personName',
    'department',
    'lineManagerId',
    'concerns',
  ] as const) {
    requireText(data[field], field);
  }
  const startDate = requireBusinessDate(data.startDate, 'startDate');
  if (startDate > businessToday(now, deps.calendar.zone)) {
    throw invalid('STAY.DATE_IN_FUTURE', 'startDate cannot be after today', 'startDate');
  }
  return [
    {
      type: 'StayInterviewRequested',
      data: {
        stayInterviewId: data.stayInterviewId,
        personId: data.personId,
        personName: data.personName,
        employmentType: data.employmentType,
        department: data.department,
        lineManagerId: data.lineManagerId,
        startDate,
        isStudentOfficer: data.isStudentOfficer,
        source: data.source,
        concerns: data.concerns,
        intentToLeave: data.intentToLeave,
        requestedBy: optionalText(data.requestedBy) ?? actor.userId,
        requestedAt: now.toISOString(),
      },
    },
    scheduleStayDeadline(deps, {
      kind: STAY_DEADLINES.interview,
      commandId,
      dueAt: interviewDueAt(deps.policy, deps.calendar, now),
      ownerId: null,
    }),
  ];
}

export function allocate(command: AllocateStayInterviewer, state: StayState): StayEvent[] {
  const stay = requireOpen(state);
  if (stay.interviewerId !== null) {
    throw conflict(
      'STAY.INTERVIEWER_ALREADY_ALLOCATED',
      'An interviewer is already allocated; reassign the interview instead',
    );
  }
  const interviewerId = checkInterviewer(stay, command.data.interviewerId);
  return [{ type: 'StayInterviewerAllocated', data: { interviewerId, allocatedAt: command.now.toISOString() } }];
}

/**
 * Open deadlines keep the owner they were scheduled with: re-scheduling them would
 * restart their escalation ladder. Whoever tells "the owner" reads the current interviewer.
 */
export function reassign(command: ReassignStayInterviewer, state: StayState): StayEvent[] {
  const stay = requireOpen(state);
  const fromInterviewerId = requireInterviewer(stay);
  const toInterviewerId = checkInterviewer(stay, command.data.interviewerId);
  const reason = requireText(command.data.reason, 'reason');
  if (toInterviewerId === fromInterviewerId) {
    throw invalid('STAY.SAME_INTERVIEWER', `The interview is already with ${toInterviewerId}`, 'interviewerId');
  }
  return [
    {
      type: 'StayInterviewerReassigned',
      data: { fromInterviewerId, toInterviewerId, reason, reassignedAt: command.now.toISOString() },
    },
  ];
}

/**
 * People often want to talk about their line manager, so the line manager never
 * interviews them; nor, obviously, do they interview themselves.
 */
function checkInterviewer(stay: OpenStay, interviewerId: string): string {
  requireText(interviewerId, 'interviewerId');
  if (interviewerId === stay.person.lineManagerId) {
    throw invalid(
      'STAY.INTERVIEWER_IS_LINE_MANAGER',
      "The person's own line manager cannot interview them; allocate someone from the retention team",
      'interviewerId',
    );
  }
  if (interviewerId === stay.person.personId) {
    throw invalid('STAY.INTERVIEWER_IS_PERSON', 'Nobody interviews themself', 'interviewerId');
  }
  return interviewerId;
}
