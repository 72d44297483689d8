import { deterministicId } from '@casework/core/ids';
import { meetDeadline, waiveDeadline } from '@casework/timers/domain/deadline-ledger';
import type { LogWelfareContact, RecordSickLeaveEnded, RecordSickLeaveStarted } from '../commands';
import { conflict, invalid } from '../errors';
import type { WelfareEvent } from '../events';
import { homeVisitDueAt, nextContactDueAt, WELFARE_DEADLINES } from '../policy';
import type { OpenWelfare, WelfareState } from '../state';
import { SIGNPOSTS, type Signpost } from '../types';
import { scheduleNextContact, scheduleWelfareDeadline, type WelfareDeciderDeps } from './deadlines';
import { optionalText, requireOpen, requirePastDate, requireWlo } from './guards';

/**
 * A contact meets the open contact deadline at the time it happened and starts the next
 * one from there; a home visit also meets the home visit expected since sick leave began.
 * A contact keyed in after a later one is recorded, but moves no clock: the open deadline
 * already runs from the later contact.
 */
export function logContact(command: LogWelfareContact, state: WelfareState, deps: WelfareDeciderDeps): WelfareEvent[] {
  const welfare = requireOpen(state);
  const wloId = requireWlo(welfare);
  const { now, commandId, data } = command;
  const contactedAt = requirePastDate(data.contactedAt, 'contactedAt', now, {
    at: welfare.openedAt,
    what: 'the case was opened',
  });
  const logged: WelfareEvent = {
    type: 'WelfareContactLogged',
    data: {
      contactId: deterministicId(commandId, 'contact'),
      wloId,
      type: data.type,
      contactedAt: contactedAt.toISOString(),
      concerns: optionalText(data.concerns),
      signposting: checkSignposting(data.signposting),
      onSickLeave: isDuringSickLeave(welfare, contactedAt),
      recordedAt: now.toISOString(),
    },
  };
  const homeVisit =
    data.type === 'home_visit' && isDuringSickLeave(welfare, contactedAt)
      ? meetDeadline(welfare.deadlines, WELFARE_DEADLINES.homeVisit, contactedAt)
      : [];
  if (welfare.lastContactAt !== null && contactedAt.getTime() < Date.parse(welfare.lastContactAt)) {
    return [logged, ...homeVisit];
  }
  return [
    logged,
    ...meetDeadline(welfare.deadlines, WELFARE_DEADLINES.contact, contactedAt),
    ...homeVisit,
    scheduleNextContact(deps, welfare, contactedAt, commandId),
  ];
}

function isDuringSickLeave(welfare: OpenWelfare, at: Date): boolean {
  return welfare.sickLeaveSince !== null && at.getTime() >= Date.parse(welfare.sickLeaveSince);
}

/** Each signpost once, in the order given; an unknown one is named so the form can show it. */
function checkSignposting(signposting: readonly Signpost[]): Signpost[] {
  if (!Array.isArray(signposting)) {
    throw invalid('WELFARE.FIELD_REQUIRED', 'List where the colleague was signposted (it may be empty)', 'signposting');
  }
  const known: readonly unknown[] = SIGNPOSTS;
  signposting.forEach((signpost: unknown, i) => {
    if (!known.includes(signpost)) {
      throw invalid('WELFARE.UNKNOWN_SIGNPOST', `${JSON.stringify(signpost)} is not a signpost`, `signposting[${i}]`);
    }
  });
  return [...new Set(signposting)];
}

/**
 * Sickness absence shortens the cadence: the open contact deadline moves to a sick-leave
 * cadence from the absence's start when that is sooner (it never moves later), and a home
 * visit becomes expected.
 */
export function startSickLeave(
  command: RecordSickLeaveStarted,
  state: WelfareState,
  deps: WelfareDeciderDeps,
): WelfareEvent[] {
  const welfare = requireOpen(state);
  if (welfare.sickLeaveSince !== null) {
    throw conflict('WELFARE.ALREADY_ON_SICK_LEAVE', 'The colleague is already recorded as on sick leave');
  }
  const { now, commandId } = command;
  const startedAt = requirePastDate(command.data.startedAt, 'startedAt', now);
  const onSickLeave = { ...welfare, sickLeaveSince: startedAt.toISOString() };
  const open = welfare.deadlines[WELFARE_DEADLINES.contact];
  const sooner = nextContactDueAt(deps.policy, deps.calendar, startedAt, true);
  return [
    { type: 'SickLeaveStarted', data: { startedAt: startedAt.toISOString(), recordedAt: now.toISOString() } },
    ...(open === undefined || sooner.getTime() < Date.parse(open.dueAt)
      ? [scheduleNextContact(deps, onSickLeave, startedAt, commandId)]
      : []),
    scheduleWelfareDeadline(deps, {
      kind: WELFARE_DEADLINES.homeVisit,
      commandId,
      dueAt: homeVisitDueAt(deps.policy, deps.calendar, startedAt),
      ownerId: welfare.wloId,
    }),
  ];
}

/**
 * Back at work, the normal cadence applies from the next contact on; the open deadline is
 * not pushed later, since the colleague was told when to expect the WLO. A home visit not
 * yet made is no longer expected.
 */
export function endSickLeave(command: RecordSickLeaveEnded, state: WelfareState): WelfareEvent[] {
  const welfare = requireOpen(state);
  if (welfare.sickLeaveSince === null) {
    throw conflict('WELFARE.NOT_ON_SICK_LEAVE', 'The colleague is not recorded as on sick leave');
  }
  const { now, actor } = command;
  const endedAt = requirePastDate(command.data.endedAt, 'endedAt', now, {
    at: welfare.sickLeaveSince,
    what: 'the sick leave started',
  });
  const { deadlines } = welfare;
  const { homeVisit } = WELFARE_DEADLINES;
  const reason = 'sick leave ended before a home visit';
  return [
    { type: 'SickLeaveEnded', data: { endedAt: endedAt.toISOString(), recordedAt: now.toISOString() } },
    ...(deadlines[homeVisit] === undefined ? [] : waiveDeadline(deadlines, homeVisit, reason, actor.userId)),
  ];
}
