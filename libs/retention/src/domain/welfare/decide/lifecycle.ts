import { escalateDeadline, waiveDeadline } from '@casework/timers/domain/deadline-ledger';
import type { CloseWelfareCase, EscalateDeadline, WaiveDeadline } from '../commands';
import { conflict } from '../errors';
import type { WelfareEvent } from '../events';
import type { WelfareState } from '../state';
import { requireExisting, requireOpen, requirePastDate, requireText } from './guards';

/**
 * A case closes once the investigation has concluded, with an exit plan and a debrief held
 * after the conclusion. Nobody owes the colleague anything after that: every open
 * deadline (the next contact, an expected home visit) is waived.
 */
export function close(command: CloseWelfareCase, state: WelfareState): WelfareEvent[] {
  const welfare = requireOpen(state);
  if (welfare.conclusion === null) {
    throw conflict('WELFARE.INVESTIGATION_NOT_CONCLUDED', 'A welfare case closes after the investigation concludes');
  }
  const { now, actor } = command;
  const exitPlan = requireText(command.data.exitPlan, 'exitPlan');
  const debriefHeldAt = requirePastDate(command.data.debriefHeldAt, 'debriefHeldAt', now, {
    at: welfare.conclusion.concludedAt,
    what: 'the investigation concluded',
  });
  return [
    {
      type: 'WelfareCaseClosed',
      data: { exitPlan, debriefHeldAt: debriefHeldAt.toISOString(), closedAt: now.toISOString() },
    },
    ...Object.keys(welfare.deadlines).flatMap((kind) =>
      waiveDeadline(welfare.deadlines, kind, 'welfare liaison case closed', actor.userId),
    ),
  ];
}

export function waive(command: WaiveDeadline, state: WelfareState): WelfareEvent[] {
  const welfare = requireOpen(state);
  return waiveDeadline(welfare.deadlines, command.data.kind, command.data.reason, command.actor.userId);
}

/**
 * A timer woke up. Timers fire late, twice, or after the contact was made, so this never
 * fails on an existing case: the ledger records the rung only if it still stands.
 */
export function escalate(command: EscalateDeadline, state: WelfareState): WelfareEvent[] {
  const welfare = requireExisting(state);
  const { deadlineId, level } = command.data;
  return escalateDeadline(welfare.deadlines, { deadlineId, level, now: command.now });
}
