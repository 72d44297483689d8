import { invalid, conflict, notFound } from '../errors';
import type { ExistingSupportTask, OpenSupportTask, SupportTaskState } from '../state';

/** Every command but RaiseSupportTask needs the task to exist. */
export function requireExisting(state: SupportTaskState): ExistingSupportTask {
  if (state.status === 'none') throw notFound();
  return state;
}

/** A closed task refuses everything but timers (and an idempotent re-raise). */
export function requireOpen(state: SupportTaskState): OpenSupportTask {
  const task = requireExisting(state);
  if (task.status === 'closed') throw conflict('SUPPORT_TASK.CLOSED', 'The support task is closed');
  return task;
}

export function requireText(value: string | null, field: string): string {
  if (value === null || value.trim().length === 0) {
    throw invalid('SUPPORT_TASK.FIELD_REQUIRED', `${field} must not be empty`, field);
  }
  return value;
}

/** Optional free text: blank means "not given". */
export function optionalText(value: string | null): string | null {
  return value === null || value.trim().length === 0 ? null : value;
}
