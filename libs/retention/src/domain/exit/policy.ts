import { DateTime } from 'luxon';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import {
  escalationLadder as ladderFor,
  validateEscalation,
  type EscalationRung,
} from '@casework/timers/domain/deadline-policy';
import { DEFAULT_EXIT_DRIVERS, QUESTION_TYPES, type QuestionType } from './types';

/** The deadline kinds an exit schedules, as stored in `DeadlineScheduled.kind`. */
export const EXIT_DEADLINES = {
  exitInterview: 'exit-interview',
} as const;

export type { EscalationRung };

export interface ExitQuestion {
  /** Stored as the answer's key: added to, never renamed. */
  readonly id: string;
  readonly text: string;
  readonly type: QuestionType;
  readonly required: boolean;
}

export interface ExitQuestionnaire {
  /** Stored with each completed survey; give a changed questionnaire a new id. */
  readonly id: string;
  readonly questions: readonly ExitQuestion[];
}

/** How one force runs exits: its survey, its drivers, when the interview is due and who hears when it slips. */
export type ExitPolicy = {
  /**
   * Whole days before the leaving date by whose start (00:00, London) the interview is
   * due: 0 is the start of the leaving date itself.
   */
  readonly interviewDueDaysBeforeLeaving: number;
  /** Rungs after the owner's; the owner is always told first, at the due time. */
  readonly escalation: readonly EscalationRung[];
  readonly questionnaire: ExitQuestionnaire;
  /** The driver codes a force records; reports group leavers by them. */
  readonly drivers: readonly string[];
};

/**
 * The brief's defaults; a force overrides any part of it.
 * - The interview is due before the leaving date, so at the start of that day.
 * - Escalation: a missed exit interview cannot be caught up, but it is a lesson for the
 *   service: the retention team manager hears a working day after, the head of
 *   wellbeing two working days after.
 * - A short questionnaire: three required ratings and yes/no, the rest optional.
 */
export const DEFAULT_EXIT_POLICY: ExitPolicy = {
  interviewDueDaysBeforeLeaving: 0,
  escalation: [
    { after: { workingDays: 1 }, notify: 'team_manager' },
    { after: { workingDays: 2 }, notify: 'head_of_wellbeing' },
  ],
  questionnaire: {
    id: 'exit-survey-v1',
    questions: [
      { id: 'overall_experience', text: 'How would you rate working here? (1–5)', type: 'scale', required: true },
      { id: 'felt_valued', text: 'How valued did you feel in your role? (1–5)', type: 'scale', required: true },
      { id: 'would_recommend', text: 'Would you recommend us as a place to work?', type: 'yesno', required: true },
      { id: 'manager_support', text: 'How well did your manager support you? (1–5)', type: 'scale', required: false },
      { id: 'would_return', text: 'Would you consider coming back in future?', type: 'yesno', required: false },
      { id: 'could_have_kept_you', text: 'What, if anything, could have kept you?', type: 'text', required: false },
    ],
  },
  drivers: DEFAULT_EXIT_DRIVERS,
};

/** The start (London midnight) of the day the interview is due by: a business date turned into an instant. */
export function exitInterviewDueAt(policy: ExitPolicy, calendar: WorkingCalendar, leavingDate: string): Date {
  return DateTime.fromISO(leavingDate, { zone: calendar.zone })
    .minus({ days: policy.interviewDueDaysBeforeLeaving })
    .startOf('day')
    .toJSDate();
}

/** The rungs above the owner's for a deadline due at `dueAt` (see the timers' `escalationLadder`). */
export function escalationLadder(policy: ExitPolicy, calendar: WorkingCalendar, dueAt: Date) {
  return ladderFor(policy.escalation, calendar, dueAt);
}

/** A code a policy may define: lower case, digits and underscores, starting with a letter. */
const CODE = /^[a-z][a-z0-9_]*$/;

/**
 * Every problem with a force's policy, in words an administrator can act on; empty when
 * it is usable. Policies come from JSON files, so nothing about their shape is assumed.
 */
export function validateExitPolicy(policy: ExitPolicy): string[] {
  const p: Partial<Record<keyof ExitPolicy, unknown>> = policy;
  const problems: string[] = [];
  const days = p.interviewDueDaysBeforeLeaving;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0) {
    problems.push(`interviewDueDaysBeforeLeaving must be a whole number ≥ 0, got ${JSON.stringify(days)}`);
  }
  problems.push(...validateEscalation(p.escalation, 'escalation'));
  problems.push(...validateQuestionnaire(p.questionnaire));
  problems.push(...validateCodes(p.drivers, 'drivers'));
  return problems;
}

function validateQuestionnaire(questionnaire: unknown): string[] {
  const { id, questions } = (questionnaire ?? {}) as { id?: unknown; questions?: unknown };
  const problems: string[] = [];
  if (typeof id !== 'string' || id.trim().length === 0) {
    problems.push(`questionnaire.id must be a non-empty text, got ${JSON.stringify(id)}`);
  }
  if (!Array.isArray(questions) || questions.length === 0) {
    return [...problems, 'questionnaire.questions must be a non-empty list'];
  }
  const seen = new Set<string>();
  const types: readonly string[] = QUESTION_TYPES;
  questions.forEach((question: unknown, i) => {
    const at = `questionnaire.questions[${i}]`;
    const q = (question ?? {}) as { id?: unknown; text?: unknown; type?: unknown; required?: unknown };
    if (typeof q.id !== 'string' || !CODE.test(q.id)) {
      problems.push(`${at}.id must be a code such as "felt_valued", got ${JSON.stringify(q.id)}`);
    } else if (seen.has(q.id)) {
      problems.push(`${at}.id repeats ${q.id}: each question has its own id`);
    }
    if (typeof q.id === 'string') seen.add(q.id);
    if (typeof q.text !== 'string' || q.text.trim().length === 0) problems.push(`${at}.text must be non-empty`);
    if (typeof q.type !== 'string' || !types.includes(q.type)) {
      problems.push(`${at}.type must be one of ${types.join(', ')}, got ${JSON.stringify(q.type)}`);
    }
    if (typeof q.required !== 'boolean') {
      problems.push(`${at}.required must be true or false, got ${JSON.stringify(q.required)}`);
    }
  });
  return problems;
}

function validateCodes(codes: unknown, name: string): string[] {
  if (!Array.isArray(codes) || codes.length === 0) return [`${name} must be a non-empty list of codes`];
  const problems: string[] = [];
  codes.forEach((code: unknown, i) => {
    if (typeof code !== 'string' || !CODE.test(code)) {
      problems.push(`${name}[${i}] must be a code such as "workload", got ${JSON.stringify(code)}`);
    } else if (codes.indexOf(code) !== i) {
      problems.push(`${name}[${i}] repeats ${code}`);
    }
  });
  return problems;
}
