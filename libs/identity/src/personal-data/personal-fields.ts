/**
 * THE declaration of what in an event is personal data, read by the encrypting store on
 * every append. Decided by reading every `events.ts` under libs/<workflow>/src/domain:
 *
 * - Names, staff numbers and free text (notes, concerns, summaries, reasons,
 *   descriptions, survey answers) are personal: encrypted with the subject's key.
 * - Enums, dates, counts, ids of staff *users* acting on the case (advisorId,
 *   practitionerId, lineManagerId, referredBy, …), departments, job roles, employment
 *   type and demographic bands stay in clear: anonymous reports count by them, and
 *   without a name or staff number they identify nobody on their own.
 *
 * `personal-fields.spec.ts` walks sample events of every workflow and fails on any string
 * field that is in neither list, so a new field cannot ship unclassified.
 */

/** Identify the subject: an object holding one makes that person the subject of the object and everything in it. */
export const SUBJECT_ID_FIELDS: ReadonlySet<string> = new Set(['personId', 'subjectId']);

/** Other identifiers of the subject in scope (read back as `erased:<keyId>` once erased). */
export const OTHER_ID_FIELDS: ReadonlySet<string> = new Set(['newPersonRecordId']);

/** Lists of person ids (ESTIP attendees…): each element is encrypted with that person's own key. */
export const PERSON_ID_LIST_FIELDS: ReadonlySet<string> = new Set(['attendees', 'needingMoreSupport', 'monitored']);

/** Names and free text, encrypted with the subject in scope (read back as `[erased]`). */
export const PERSONAL_TEXT_FIELDS: ReadonlySet<string> = new Set([
  'personName',
  'subjectName',
  'name',
  'notes',
  'clinicalNotes',
  'note',
  'summary',
  'concerns',
  'description',
  'reason',
  'location',
  'reference',
  'releasedTo',
  'exitPlan',
]);

/** Every string anywhere below these keys is personal (free-text survey answers keyed by question). */
export const PERSONAL_SUBTREE_FIELDS: ReadonlySet<string> = new Set(['answers']);

/** Where one event type's field means something else than the name says everywhere else. */
export const EVENT_OVERRIDES: Readonly<Record<string, { readonly clear?: readonly string[]; readonly personal?: readonly string[] }>> = {
  // Enums the reports count by, not free text.
  ReferralClosed: { clear: ['reason'] },
  ExitLeavingNotified: { clear: ['reason'] },
  ExitLeft: { clear: ['reason'] },
  SurveillanceScreeningScheduled: { clear: ['reason'] },
  // Free text where the same name elsewhere is an enum.
  StayInterviewHeld: { personal: ['recommendations'] },
  InvestigationConcluded: { personal: ['outcome'] },
};

/**
 * String fields reviewed and kept in clear (enums, dates, ids of staff users, report
 * dimensions). Only the coverage test reads this list: the store encrypts what the lists
 * above name and nothing else.
 */
export const CLEAR_FIELDS: ReadonlySet<string> = new Set([
  // ids of cases, records and steps
  'referralId', 'appointmentId', 'incidentId', 'activationId', 'taskId', 'caseId', 'exitId', 'stayInterviewId',
  'deadlineId', 'contactId', 'screeningId', 'offerId', 'actionId', 'triggeringExposureId', 'exposureId',
  'linkedCaseId', 'questionnaireId',
  // staff users acting on the case
  'advisorId', 'fromAdvisorId', 'toAdvisorId', 'clinicianId', 'referredBy', 'lineManagerId', 'practitionerId',
  'fromPractitionerId', 'toPractitionerId', 'activatedBy', 'recordedBy', 'chairedBy', 'peerDefuserId', 'coordinatorId',
  'fromCoordinatorId', 'interviewerId', 'fromInterviewerId', 'toInterviewerId', 'wloId', 'fromWloId', 'toWloId',
  'openedBy', 'notifiedBy', 'requestedBy', 'waivedBy', 'ownerId',
  // vocabulary and report dimensions
  'type', 'typeLabel', 'kind', 'status', 'priority', 'urgency', 'category', 'source', 'employmentType', 'department',
  'role', 'fromRole', 'toRole', 'exposureRole', 'incidentType', 'mode', 'fitness', 'limitedDuties', 'recommendations',
  'lead', 'format', 'pathway', 'stage', 'outcome', 'level', 'provider', 'result', 'method', 'offer', 'response',
  'intentToLeave', 'lengthOfService', 'notify', 'codes', 'themes', 'signposting', 'ageBand', 'sex', 'ethnicity',
  'disability', 'reason',
  // dates and instants
  'submittedAt', 'triagedAt', 'recordedAt', 'scheduledFor', 'offeredAt', 'attendedAt', 'releasedAt', 'reviewDate',
  'scheduledAt', 'closedAt', 'reopenedAt', 'reassignedAt', 'cancelledAt', 'dueAt', 'metAt', 'at', 'occurredAt',
  'exposedAt', 'removedAt', 'heldAt', 'concludedAt', 'startedAt', 'skippedAt', 'activatedAt', 'allocatedAt',
  'reallocatedAt', 'deliveredAt', 'assessedAt', 'requestedAt', 'linkedAt', 'declinedAt', 'incidentOccurredAt',
  'assessmentClockFrom', 'enrolledAt', 'completedAt', 'changedAt', 'leftAt', 'raisedAt', 'assignedAt', 'contactedAt',
  'respondedAt', 'startDate', 'leavingDate', 'notifiedAt', 'rejoinedAt', 'retainedAt', 'agreedAt', 'decidedAt',
  'dueDate', 'investigationStartedAt', 'openedAt', 'reportedAt', 'endedAt', 'debriefHeldAt', 'asOf',
]);

/**
 * Stream categories whose every event is about one person, the subject named by the
 * stream's first event: fields of later events with no person in scope (a close note, a
 * waiver's reason) are theirs. Other categories (an incident) have no subject; such
 * fields there get a key of the stream's own, shredded when the record expires.
 */
export const SUBJECT_STREAM_CATEGORIES: ReadonlySet<string> = new Set([
  'referral',
  'trim',
  'supporttask',
  'surveillance',
  'exit',
  'stay',
  'welfare',
]);

export type FieldClass = 'subject-id' | 'id' | 'id-list' | 'text' | 'subtree' | 'clear';

export function classifyField(eventType: string, key: string): FieldClass {
  const override = EVENT_OVERRIDES[eventType];
  if (override?.clear?.includes(key)) return 'clear';
  if (override?.personal?.includes(key)) return 'text';
  if (SUBJECT_ID_FIELDS.has(key)) return 'subject-id';
  if (OTHER_ID_FIELDS.has(key)) return 'id';
  if (PERSON_ID_LIST_FIELDS.has(key)) return 'id-list';
  if (PERSONAL_TEXT_FIELDS.has(key)) return 'text';
  if (PERSONAL_SUBTREE_FIELDS.has(key)) return 'subtree';
  return 'clear';
}
