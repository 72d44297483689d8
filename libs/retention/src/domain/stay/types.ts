import type { EmploymentType } from '@casework/referral/domain/types';

/**
 * The vocabulary of a stay interview. Each union has its values as a readonly array too,
 * so the HTTP edge validates against the same list the domain is typed with.
 */

export type { Actor, EmploymentType } from '@casework/referral/domain/types';

/** Who asked for the interview: the person, or their line manager on their behalf. */
export const STAY_REQUEST_SOURCES = ['self', 'line_manager'] as const;
export type StayRequestSource = (typeof STAY_REQUEST_SOURCES)[number];

/** How close the person is to leaving, as they (or the interviewer) put it. */
export const INTENTS_TO_LEAVE = ['none', 'considering', 'actively_looking', 'decided'] as const;
export type IntentToLeave = (typeof INTENTS_TO_LEAVE)[number];

/** Whether the person stayed or left: what the retention-rate report counts. */
export const STAY_OUTCOMES = ['stayed', 'left'] as const;
export type StayOutcome = (typeof STAY_OUTCOMES)[number];

/**
 * The person the interview is for, as the request recorded them. Students (officers in
 * training) are reported apart from substantive officers: their retention differs sharply.
 */
export interface StayPerson {
  readonly personId: string;
  readonly personName: string;
  readonly employmentType: EmploymentType;
  readonly department: string;
  /** Never allocated as the interviewer: people must be free to talk about their manager. */
  readonly lineManagerId: string;
  /** YYYY-MM-DD: when they joined, for length of service. */
  readonly startDate: string;
  readonly isStudentOfficer: boolean;
}

/** One agreed action; its id is derived from the agreeing command, so a retry agrees the same. */
export interface StayAction {
  readonly actionId: string;
  readonly description: string;
  readonly ownerId: string;
  /** YYYY-MM-DD, a business date in Europe/London. */
  readonly dueDate: string;
}
