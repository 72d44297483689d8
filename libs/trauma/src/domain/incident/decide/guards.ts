import { conflict, invalid, notFound } from '../errors';
import { isExposed, type ExistingIncident, type IncidentCase, type IncidentState, type OpenIncident } from '../state';
import type { SupportReferral } from '../types';

/** Every command but RecordIncident needs the incident to exist. */
export function requireExisting(state: IncidentState): ExistingIncident {
  if (state.status === 'none') throw notFound();
  return state;
}

/** A closed incident refuses everything but timers. */
export function requireOpen(state: IncidentState): OpenIncident {
  const incident = requireExisting(state);
  if (incident.status === 'closed') throw conflict('INCIDENT.CLOSED', 'The incident is closed');
  return incident;
}

export function requireText(value: string | null, field: string): string {
  if (value === null || value.trim().length === 0) {
    throw invalid('INCIDENT.FIELD_REQUIRED', `${field} must not be empty`, field);
  }
  return value;
}

/** Optional free text: blank means "not given". */
export function optionalText(value: string | null): string | null {
  return value === null || value.trim().length === 0 ? null : value;
}

/**
 * A list of people at an ESTIP or TRiM step: each named once, and each one of the
 * colleagues recorded as exposed (add a colleague first if someone is missing).
 */
export function requireExposedPeople(
  incident: IncidentCase,
  people: readonly string[],
  field: string,
  { atLeastOne }: { readonly atLeastOne: boolean },
): readonly string[] {
  if (atLeastOne && people.length === 0) {
    throw invalid('INCIDENT.PEOPLE_REQUIRED', `${field} must name at least one person`, field);
  }
  requireDistinct(people, field);
  const stranger = people.find((personId) => !isExposed(incident, personId));
  if (stranger !== undefined) {
    throw invalid('INCIDENT.NOT_EXPOSED', `${stranger} is not recorded as exposed to this incident`, field);
  }
  return people;
}

/** Referrals on: exposed people, each sent down a given pathway once. */
export function requireReferrals(
  incident: IncidentCase,
  referrals: readonly SupportReferral[],
  field: string,
): readonly SupportReferral[] {
  requireDistinct(referrals.map((r) => `${r.personId} → ${r.pathway}`), field);
  requireExposedPeople(incident, [...new Set(referrals.map((r) => r.personId))], field, { atLeastOne: false });
  return referrals;
}

export function requireDistinct(values: readonly string[], field: string): void {
  const twice = values.find((value, i) => values.indexOf(value) !== i);
  if (twice !== undefined) throw invalid('INCIDENT.DUPLICATE_PERSON', `${twice} is listed twice`, field);
}
