import type { SurveillanceCommand } from '@casework/trauma/domain/surveillance/commands';
import { surveillanceId } from '@casework/trauma/domain/surveillance/events';
import type { ScreeningLevel, ScreeningProvider } from '@casework/trauma/domain/surveillance/types';
import { ACTORS } from './actors';
import { departmentName, type Colleague } from './people';
import type { Random } from './random';
import { envelope, upTo, type PlanContext, type SeedCase } from './seed-case';
import { addDays, atLondon, officeAfter, officeTime } from './time';

/**
 * The screening level a colleague's role is risk-assessed into, if any: armed officers
 * and those reviewing child abuse material twice a year (level 1), crime scene and
 * digital forensics yearly by an external provider (level 2), collision investigators
 * yearly by questionnaire (level 3).
 */
export function screeningLevel(colleague: Colleague): ScreeningLevel | null {
  if (colleague.department === 'firearms' && colleague.employmentType === 'police_officer') return 1;
  if (/Exploitation|Digital Media|Child Abuse/.test(colleague.role)) return 1;
  if (colleague.department === 'forensics' && colleague.employmentType === 'police_staff') return 2;
  if (colleague.role === 'Collision Investigator') return 3;
  return null;
}

const INTERVAL_DAYS: Readonly<Record<ScreeningLevel, number>> = { 1: 182, 2: 365, 3: 365 };
const PROVIDERS: Readonly<Record<ScreeningLevel, readonly ScreeningProvider[]>> = { 1: ['internal', 'external'], 2: ['external'], 3: ['internal'] };

/**
 * Everyone in a high-risk role is enrolled (when they took the role up, or when the
 * register began a year ago) and screened on schedule; about one in ten has let the
 * latest screening slip, so the register has overdue people to chase.
 */
export function planSurveillance(ctx: PlanContext, random: Random): SeedCase[] {
  const cases: SeedCase[] = [];
  for (const colleague of ctx.colleagues) {
    const level = screeningLevel(colleague);
    if (level === null) continue;
    const key = `surveillance-${colleague.personId}`;
    const registerBegan = addDays(ctx.now, -random.between(330, 364));
    const started = atLondon(colleague.startDate, 9);
    const enrolledAt = officeTime(started.getTime() > registerBegan.getTime() ? started : registerBegan, random);
    const commands: SurveillanceCommand[] = [
      {
        type: 'EnrolInSurveillance',
        ...envelope(ctx, key, 'enrol', enrolledAt, ACTORS.wellbeingCoordinator),
        data: { personId: colleague.personId, personName: colleague.name, department: departmentName(colleague), role: colleague.role, level, enrolledAt },
      },
    ];
    // Level 1 takes a baseline on enrolment; the others are first due a year in.
    let due = level === 1 ? enrolledAt : addDays(enrolledAt, INTERVAL_DAYS[level]);
    let last = enrolledAt;
    for (let n = 0; ; n++) {
      const completedAt = officeAfter(new Date(Math.max(last.getTime(), addDays(due, random.between(-10, 18)).getTime())), 0, random);
      const recordedAt = officeAfter(completedAt, random.between(0, 2), random);
      if (recordedAt.getTime() > ctx.now.getTime()) break;
      if (random.chance(0.1)) break; // this one slipped: still owed, overdue once its grace has passed
      commands.push({
        type: 'RecordScreening',
        ...envelope(ctx, key, `screening-${n}`, recordedAt, ACTORS.wellbeingCoordinator),
        data: { completedAt, provider: random.pick(PROVIDERS[level]), result: random.chance(0.92) ? 'no_concerns' : 'follow_up_recommended' },
      });
      last = completedAt;
      due = addDays(completedAt, INTERVAL_DAYS[level]);
    }
    cases.push({ workflow: 'surveillance', caseId: surveillanceId(ctx.forceId, colleague.personId), commands: upTo(commands, ctx.now) });
  }
  return cases;
}
