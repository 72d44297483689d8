import type { AssignWlo, OpenWelfareCase, ReassignWlo } from '../commands';
import { conflict, invalid } from '../errors';
import type { WelfareEvent } from '../events';
import { firstReportDueAt, nextContactDueAt, WELFARE_DEADLINES } from '../policy';
import type { OpenWelfare, WelfareState } from '../state';
import { scheduleNextContact, scheduleWelfareDeadline, type WelfareDeciderDeps } from './deadlines';
import { requireOpen, requirePastDate, requireText, requireWlo } from './guards';

/**
 * A case opens when an investigation starts, with two clocks running: the first contact
 * (a cadence from opening, the welfare coordinator's until a WLO is assigned, so an
 * unassigned case is not forgotten) and the investigation's first progress report.
 */
export function open(command: OpenWelfareCase, state: WelfareState, deps: WelfareDeciderDeps): WelfareEvent[] {
  if (state.status !== 'none') throw conflict('WELFARE.ALREADY_OPENED', 'A welfare liaison case is already open here');
  const { data, now, actor, commandId } = command;
  const { person, investigation } = data;
  requireText(data.caseId, 'caseId');
  if (typeof person !== 'object' || person === null) {
    throw invalid('WELFARE.FIELD_REQUIRED', 'Name the colleague', 'person');
  }
  if (typeof investigation !== 'object' || investigation === null) {
    throw invalid('WELFARE.FIELD_REQUIRED', 'Describe the investigation', 'investigation');
  }
  for (const field of ['personId', 'name', 'department'] as const) requireText(person[field], `person.${field}`);
  requireText(investigation.reference, 'investigation.reference');
  const startedAt = requirePastDate(investigation.startedAt, 'investigation.startedAt', now);
  const opened: WelfareEvent = {
    type: 'WelfareCaseOpened',
    data: {
      caseId: data.caseId,
      personId: person.personId,
      personName: person.name,
      employmentType: person.employmentType,
      department: person.department,
      kind: investigation.kind,
      suspended: investigation.suspended,
      reference: investigation.reference,
      investigationStartedAt: startedAt.toISOString(),
      openedBy: actor.userId,
      openedAt: now.toISOString(),
    },
  };
  return [
    opened,
    scheduleWelfareDeadline(deps, {
      kind: WELFARE_DEADLINES.contact,
      commandId,
      dueAt: nextContactDueAt(deps.policy, deps.calendar, now, false),
      ownerId: null,
    }),
    // Police (Conduct) Regulations 2020, reg. 19: an investigation not concluded within
    // 12 months of its start must be reported on (and every 6 months after: see reports).
    scheduleWelfareDeadline(deps, {
      kind: WELFARE_DEADLINES.firstReport,
      commandId,
      dueAt: firstReportDueAt(deps.policy, deps.calendar, startedAt),
      ownerId: null,
    }),
  ];
}

/**
 * The WLO supports the colleague under investigation, so it must be someone else. The
 * first contact becomes theirs, due a full cadence from assignment, unless the opening's
 * deadline has already gone overdue: then the colleague has waited long enough, and the
 * escalation stands until the WLO makes contact.
 */
export function assign(command: AssignWlo, state: WelfareState, deps: WelfareDeciderDeps): WelfareEvent[] {
  const welfare = requireOpen(state);
  if (welfare.wloId !== null) {
    throw conflict('WELFARE.WLO_ALREADY_ASSIGNED', 'A WLO is already assigned; reassign the case instead');
  }
  const wloId = checkWlo(welfare, command.data.wloId);
  const { now, commandId } = command;
  const assigned: WelfareEvent = { type: 'WloAssigned', data: { wloId, assignedAt: now.toISOString() } };
  const open = welfare.deadlines[WELFARE_DEADLINES.contact];
  if (open !== undefined && open.level > 0) return [assigned];
  return [assigned, scheduleNextContact(deps, { ...welfare, wloId }, now, commandId)];
}

/**
 * Open deadlines keep the owner they were scheduled with: re-scheduling them would
 * restart their escalation ladder. Whoever tells "the owner" reads the current WLO.
 */
export function reassign(command: ReassignWlo, state: WelfareState): WelfareEvent[] {
  const welfare = requireOpen(state);
  const fromWloId = requireWlo(welfare);
  const toWloId = checkWlo(welfare, command.data.wloId);
  const reason = requireText(command.data.reason, 'reason');
  if (toWloId === fromWloId) {
    throw invalid('WELFARE.SAME_WLO', `The case is already assigned to ${toWloId}`, 'wloId');
  }
  return [{ type: 'WloReassigned', data: { fromWloId, toWloId, reason, reassignedAt: command.now.toISOString() } }];
}

/**
 * The domain can only compare ids, so this holds where a WLO's user id and a colleague's
 * person id are the same staff number; the HTTP edge is where accounts map to people.
 */
function checkWlo(welfare: OpenWelfare, wloId: string): string {
  requireText(wloId, 'wloId');
  if (wloId === welfare.person.personId) {
    throw invalid('WELFARE.WLO_IS_SUBJECT', 'The colleague under investigation cannot be their own WLO', 'wloId');
  }
  return wloId;
}
