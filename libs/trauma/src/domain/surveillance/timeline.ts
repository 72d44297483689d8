import {
  capitalise,
  entry,
  labeller,
  londonDate as day,
  londonInstant as instant,
  type TimelineEntry,
} from '@casework/core/domain/timeline-text';
import type { EscalationTarget } from '@casework/timers/domain/deadline-events';
import type { SurveillanceEvent } from './events';
import type { ScheduleReason, ScreeningLevel, ScreeningProvider } from './types';

export type { TimelineEntry };

/** One human-readable line per event for the person's surveillance timeline. */
export function describeSurveillanceEvent(event: SurveillanceEvent): TimelineEntry {
  switch (event.type) {
    case 'SurveillanceEnrolled': {
      const d = event.data;
      return entry(
        `Enrolled in psychological surveillance at ${levelLabel(d.level)}`,
        `${d.personName}, ${d.role}, ${d.department}`,
      );
    }
    case 'SurveillanceScreeningScheduled': {
      const { level, dueAt, reason } = event.data;
      return entry(`${capitalise(levelLabel(level))} screening due ${day(dueAt)}`, REASON_LABELS[reason]);
    }
    case 'SurveillanceScreeningCompleted': {
      const { provider, result } = event.data;
      return entry(
        `Screening completed (${PROVIDER_LABELS[provider]})`,
        result === 'no_concerns' ? 'No concerns' : 'Follow-up recommended',
      );
    }
    case 'SurveillanceRoleChanged': {
      const { fromRole, toRole, fromLevel, toLevel } = event.data;
      const levels = fromLevel === toLevel ? null : `${levelOrNone(fromLevel)} → ${levelOrNone(toLevel)}`;
      return entry(`Role changed from ${fromRole} to ${toRole}`, levels);
    }
    case 'SurveillanceLeft':
      return entry('Left psychological surveillance', event.data.reason);
    case 'DeadlineScheduled': {
      const { kind, dueAt } = event.data;
      return entry(`${deadlineLabel(kind)} overdue from ${instant(dueAt)}`);
    }
    case 'DeadlineMet':
      return entry(`${deadlineLabel(event.data.kind)} deadline met${event.data.late ? ' late' : ''}`);
    case 'DeadlineWaived':
      return entry(`${deadlineLabel(event.data.kind)} deadline waived by ${event.data.waivedBy}`, event.data.reason);
    case 'DeadlineOverdue':
      return entry(`${deadlineLabel(event.data.kind)} overdue (was due ${instant(event.data.dueAt)})`);
    case 'DeadlineEscalated':
      return entry(
        `Overdue ${deadlineLabel(event.data.kind).toLowerCase()} escalated to ${TARGET_LABELS[event.data.notify]}`,
        `Was due ${instant(event.data.dueAt)}`,
      );
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

function levelLabel(level: ScreeningLevel): string {
  return `level ${level}`;
}

function levelOrNone(level: ScreeningLevel | null): string {
  return level === null ? 'no screening' : levelLabel(level);
}

const REASON_LABELS: Readonly<Record<ScheduleReason, string>> = {
  enrolment: 'First screening after enrolment',
  screening_completed: 'Next screening after the last one',
  role_changed: 'Brought forward by a change of role',
};

const PROVIDER_LABELS: Readonly<Record<ScreeningProvider, string>> = {
  internal: 'internal questionnaire',
  external: 'external provider',
};

const deadlineLabel = labeller({ screening: 'Screening' });

const TARGET_LABELS: Readonly<Record<EscalationTarget, string>> = {
  owner: 'the wellbeing team',
  team_manager: 'the wellbeing team manager',
  head_of_wellbeing: 'the head of wellbeing',
};
