import { conflict, invalid, notFound } from '../errors';
import { OPEN_STATUSES, type ExistingTrim, type OpenStatus, type OpenTrim, type TrimState } from '../state';

/** Every command but ActivateTrim needs the activation to exist. */
export function requireExisting(state: TrimState): ExistingTrim {
  if (state.status === 'none') throw notFound();
  return state;
}

/** Closed and declined activations refuse everything but timers. */
export function requireOpen(state: TrimState): OpenTrim {
  const activation = requireExisting(state);
  if (activation.status === 'closed') throw conflict('TRIM.CLOSED', 'The TRiM activation is closed');
  if (activation.status === 'declined') {
    throw conflict('TRIM.DECLINED', 'The person declined TRiM; their decision stands');
  }
  return activation;
}

/** The allocated practitioner: assessments and the brief need one. */
export function requirePractitioner(activation: OpenTrim): string {
  if (activation.practitionerId === null) {
    throw conflict('TRIM.NO_PRACTITIONER', 'No TRiM practitioner has been allocated yet');
  }
  return activation.practitionerId;
}

/** Whether `status` comes before `stage` in the activation's path. */
export function isBefore(status: OpenStatus, stage: OpenStatus): boolean {
  return OPEN_STATUSES.indexOf(status) < OPEN_STATUSES.indexOf(stage);
}

export function requireText(value: string | null, field: string): string {
  if (value === null || value.trim().length === 0) {
    throw invalid('TRIM.FIELD_REQUIRED', `${field} must not be empty`, field);
  }
  return value;
}

/** Optional free text: blank means "not given". */
export function optionalText(value: string | null): string | null {
  return value === null || value.trim().length === 0 ? null : value;
}

export function requireValidDate(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw invalid('TRIM.INVALID_DATE', `${field} is not a valid date`, field);
  }
  return value;
}
