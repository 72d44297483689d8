import { EMPLOYMENT_TYPES } from '@casework/referral/domain/types';
import type { NotifyLeaving } from '../commands';
import { conflict, invalid } from '../errors';
import type { ExitEvent } from '../events';
import { exitInterviewDueAt, EXIT_DEADLINES } from '../policy';
import type { ExitState } from '../state';
import { DEMOGRAPHIC_CODES, LEAVING_REASONS, type ExitDemographics, type ExitPerson } from '../types';
import { scheduleExitDeadline, type ExitDeciderDeps } from './deadlines';
import { businessDate, optionalText, requireBusinessDate, requireCode, requireText } from './guards';

/**
 * Someone is leaving. The exit interview's clock starts now: it is due before the leaving
 * date, unowned until an interviewer is allocated (the retention team's). A notice given
 * on the leaving date itself leaves no day for an interview, so none is scheduled.
 */
export function notify(command: NotifyLeaving, state: ExitState, deps: ExitDeciderDeps): ExitEvent[] {
  if (state.status !== 'none') throw conflict('EXIT.ALREADY_NOTIFIED', 'This exit has already been notified');
  const { data, now, actor, commandId } = command;
  const exitId = requireText(data.exitId, 'exitId');
  const person = checkPerson(data.person);
  const reason = requireCode(data.reason, LEAVING_REASONS, 'reason');
  const demographics = checkDemographics(data.demographics);
  if (typeof data.optOutOfLineManager !== 'boolean') {
    const message = 'Say whether the person opted out of their line manager';
    throw invalid('EXIT.FIELD_REQUIRED', message, 'optOutOfLineManager');
  }
  if (data.optOutOfLineManager && person.lineManagerId === null) {
    throw invalid('EXIT.FIELD_REQUIRED', 'Name the line manager the person opted out of', 'person.lineManagerId');
  }
  const leavingDate = requireBusinessDate(data.leavingDate, 'leavingDate');
  const today = businessDate(now, deps.calendar.zone);
  if (leavingDate < today) {
    const message = `The leaving date cannot be before today (${today})`;
    throw invalid('EXIT.LEAVING_DATE_BEFORE_NOTICE', message, 'leavingDate');
  }
  if (leavingDate < person.startDate) {
    const message = `The leaving date is before the start date ${person.startDate}`;
    throw invalid('EXIT.LEAVING_BEFORE_START', message, 'leavingDate');
  }
  const notified: ExitEvent = {
    type: 'ExitLeavingNotified',
    data: {
      exitId,
      ...person,
      demographics,
      reason,
      leavingDate,
      optOutOfLineManager: data.optOutOfLineManager,
      notifiedBy: actor.userId,
      notifiedAt: now.toISOString(),
    },
  };
  if (leavingDate === today) return [notified];
  return [
    notified,
    scheduleExitDeadline(deps, {
      kind: EXIT_DEADLINES.exitInterview,
      commandId,
      dueAt: exitInterviewDueAt(deps.policy, deps.calendar, leavingDate),
      ownerId: null,
    }),
  ];
}

function checkPerson(person: ExitPerson): ExitPerson {
  if (typeof person !== 'object' || person === null) {
    throw invalid('EXIT.FIELD_REQUIRED', 'Say who is leaving', 'person');
  }
  return {
    personId: requireText(person.personId, 'person.personId'),
    name: requireText(person.name, 'person.name'),
    employmentType: requireCode(person.employmentType, EMPLOYMENT_TYPES, 'person.employmentType'),
    department: requireText(person.department, 'person.department'),
    lineManagerId: optionalText(person.lineManagerId),
    startDate: requireBusinessDate(person.startDate, 'person.startDate'),
  };
}

/** Only what the person gave, in a fixed key order; a field left out or null is "not given". */
function checkDemographics(given: ExitDemographics | null | undefined): ExitDemographics {
  if (given === null || given === undefined) return {};
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw invalid('EXIT.FIELD_REQUIRED', 'Demographics are an object of optional codes', 'demographics');
  }
  const fields = Object.keys(DEMOGRAPHIC_CODES) as (keyof ExitDemographics)[];
  const unknown = Object.keys(given).find((key) => !(fields as string[]).includes(key));
  if (unknown !== undefined) {
    throw invalid('EXIT.UNKNOWN_CODE', `${unknown} is not a demographic recorded here`, `demographics.${unknown}`);
  }
  const recorded: Record<string, string> = {};
  for (const field of fields) {
    const value: unknown = given[field];
    if (value === undefined || value === null) continue;
    recorded[field] = requireCode(value, DEMOGRAPHIC_CODES[field], `demographics.${field}`);
  }
  return recorded as ExitDemographics;
}
