import type { TemplateResult } from 'lit-html';
import { currentUser } from '../app-state';
import { staffIn } from '../directory';
import { who } from '../people';
import { dateTime, label } from '../format';
import { withOffset, type ActionForm, type Field, type Values } from '../forms';
import type { CaseConfig, CaseState } from './case';
import type { QueueItem } from './queue';

/**
 * The small vocabulary every trauma and retention page is built from: field builders with
 * the API's own limits, the queue tabs, and a case page whose summary reads the case's
 * nested facts (person, investigation, closure…) as well as its own fields.
 */
export const PERSON_ID = /^[A-Za-z0-9._@-]{1,100}$/;
export const PERSON_ID_MESSAGE = 'Use 1 to 100 letters, digits, full stops, underscores, @ or hyphens';
export const VIEWS: readonly (readonly [string, string])[] = [
  ['mine', 'Mine'],
  ['unassigned', 'Unassigned'],
  ['overdue', 'Overdue'],
  ['all', 'All open'],
];
export const EMPLOYMENT_TYPES = ['police_officer', 'police_staff', 'pcso', 'special_constable', 'volunteer'];

export const text = (name: string, labelText: string, required = true, extra: Partial<Field> = {}): Field => ({
  name,
  label: labelText,
  type: 'text',
  required,
  maxLength: 200,
  ...extra,
});
export const person = (name: string, labelText: string, required = true, extra: Partial<Field> = {}): Field =>
  text(name, labelText, required, { pattern: PERSON_ID, patternMessage: `${labelText}: ${PERSON_ID_MESSAGE.toLowerCase()}`, maxLength: 100, ...extra });
/**
 * Who to allocate to: a picker of the people in `roles` from the staff directory (the case
 * page loads it, see CaseConfig.staffRoles), defaulting to `value` when they are listed,
 * with "someone not listed" for a typed id. Without a list it is the typed id alone.
 */
export function staff(name: string, labelText: string, roles: readonly string[], required = true, extra: Partial<Field> = {}): Field {
  const people = staffIn(roles);
  return person(name, labelText, required, {
    type: 'person',
    options: (people ?? []).map((m) => [m.userId, m.name ? `${m.name} — ${m.userId}` : m.userId] as const),
    hint:
      people === null
        ? 'The staff directory could not be loaded: enter their user id'
        : people.length === 0
          ? 'Nobody who can take this has signed in to Casework yet: enter their user id'
          : undefined,
    ...extra,
  });
}
export const note = (name = 'note', labelText = 'Note', required = false, max = 2000): Field => ({
  name,
  label: labelText,
  type: 'textarea',
  required,
  maxLength: max,
  ...(required ? { minLength: 3 } : {}),
});
export const when = (name: string, labelText: string, hint?: string): Field => ({ name, label: labelText, type: 'datetime', required: true, hint });
export const day = (name: string, labelText: string, required = true, hint?: string): Field => ({ name, label: labelText, type: 'date', required, hint });
export const radios = (name: string, labelText: string, values: readonly string[], required = true, extra: Partial<Field> = {}): Field => ({
  name,
  label: labelText,
  type: 'radios',
  required,
  options: values.map((v) => [v, label(v)] as const),
  ...extra,
});
export const yesNo = (name: string, labelText: string, hint?: string): Field => ({
  name,
  label: labelText,
  type: 'radios',
  required: true,
  hint,
  options: [
    ['true', 'Yes'],
    ['false', 'No'],
  ],
});
export const employmentType: Field = { name: 'employmentType', label: 'Employment type', type: 'select', required: true, options: EMPLOYMENT_TYPES.map((v) => [v, label(v)] as const) };

/** Blank optional values are left out of the body (the API reads absent as "not given"). */
export const drop = (v: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== undefined));
export const instant = (v: Values, name: string): string => withOffset(String(v[name] ?? ''));
export const str = (v: Values, name: string): string => String(v[name] ?? '');
export const me = (): string => currentUser()?.userId ?? '';

/** A local date-time not after now (the API refuses future facts; saying so first saves a round trip). */
export function notFuture(v: Values, name: string, message: string): string | undefined {
  const t = new Date(str(v, name)).getTime();
  return Number.isFinite(t) && t > Date.now() + 60_000 ? message : undefined;
}

/** The person's name wherever the workflow keeps it. */
export function nameOf(s: Record<string, unknown>): string {
  const p = (s.person ?? {}) as Record<string, unknown>;
  return String(s.personName ?? s.name ?? p.personName ?? p.name ?? s.personId ?? p.personId ?? 'Unnamed');
}

/** Retention queues send next_deadline_* flat; the queue page reads `nextDeadline`. */
export function withDeadline(i: QueueItem): QueueItem {
  if (i.nextDeadline !== undefined || !i.nextDeadlineAt) return i;
  return { ...i, nextDeadline: { kind: String(i.nextDeadlineKind ?? 'deadline'), dueAt: String(i.nextDeadlineAt) } };
}

const HIDDEN = new Set(['deadlines', 'status', 'revision', 'forceId']);

function shown(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return dateTime(v);
  if (typeof v === 'string' && /^[a-z][a-z_]+$/.test(v)) return label(v);
  return String(v);
}

/** Facts that hold a colleague's user id: shown as their name from the directory. */
const USER_ID_KEYS = new Set(['advisorId', 'clinicianId', 'practitionerId', 'wloId', 'interviewerId', 'coordinatorId', 'ownerId', 'allocatedBy', 'recordedBy', 'closedBy']);

/** Every scalar fact of a case, and of its nested records one level down, labelled. */
export function caseSummary(state: CaseState, skip: readonly string[] = []): (readonly [string, TemplateResult | string])[] {
  const rows: (readonly [string, TemplateResult | string])[] = [];
  for (const [k, v] of Object.entries(state)) {
    if (HIDDEN.has(k) || skip.includes(k) || v === null || v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x !== 'object')) rows.push([label(k), v.length === 0 ? 'None' : v.map(shown).join(', ')]);
      continue;
    }
    if (typeof v === 'object') {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) {
        if (v2 === null || v2 === undefined || typeof v2 === 'object') continue;
        rows.push([`${label(k)}: ${label(k2).toLowerCase()}`, USER_ID_KEYS.has(k2) ? who(v2) : shown(v2)]);
      }
      continue;
    }
    rows.push([label(k), USER_ID_KEYS.has(k) ? who(v) : shown(v)]);
  }
  return rows;
}

export const CLOSED = ['closed', 'cancelled', 'declined', 'completed', 'left', 'retained', 'stayed', 'not_required'];
export const isOpen = (s: CaseState): boolean => !CLOSED.includes(s.status);

/** A case page; each workflow's `actions` offers only the forms its state allows (false/null drop out). */
export function workflowCase(
  kind: string,
  endpoint: string,
  back: string,
  backText: string,
  actions: (s: CaseState, base: string) => (ActionForm | false | null | undefined)[],
  extra: Partial<CaseConfig> = {},
): CaseConfig {
  return {
    kind,
    endpoint,
    backHref: back,
    backText,
    titleOf: (s) => nameOf(s),
    summary: (s) => caseSummary(s),
    actions: (s, id) => actions(s, `${endpoint}/${encodeURIComponent(id)}`).filter((a): a is ActionForm => !!a),
    ...extra,
  };
}
