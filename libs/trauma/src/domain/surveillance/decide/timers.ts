import { escalateDeadline, waiveDeadline } from '@casework/timers/domain/deadline-ledger';
import type { EscalateDeadline, WaiveDeadline } from '../commands';
import type { SurveillanceEvent } from '../events';
import type { SurveillanceState } from '../state';
import { requireActive, requireExisting } from './guards';

/**
 * A waived screening deadline leaves nothing due until the next screening is recorded or
 * the level changes: waive when a screening is genuinely not owed (e.g. long-term leave).
 */
export function waive(command: WaiveDeadline, state: SurveillanceState): SurveillanceEvent[] {
  const record = requireActive(state);
  return waiveDeadline(record.deadlines, command.data.kind, command.data.reason, command.actor.userId);
}

/**
 * A timer woke up. Timers fire late, twice, or after the screening was done, so this
 * never fails on an existing record: the ledger records the rung only if it still stands.
 */
export function escalate(command: EscalateDeadline, state: SurveillanceState): SurveillanceEvent[] {
  const record = requireExisting(state);
  const { deadlineId, level } = command.data;
  return escalateDeadline(record.deadlines, { deadlineId, level, now: command.now });
}
