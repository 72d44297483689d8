import type { ExitCommand } from '@casework/retention/domain/exit/commands';
import type { ExitDemographics, LeavingReason } from '@casework/retention/domain/exit/types';
import { ACTORS, type SeedActor } from './actors';
import { departmentName, type Colleague } from './people';
import type { Random } from './random';
import { envelope, scaled, seedId, upTo, type PlanContext, type SeedCase } from './seed-case';
import { addDays, atLondon, londonDate, officeAfter, officeTime, plusDays } from './time';

const LEAVERS_AT_2000 = 150;

const DRIVERS_BY_REASON: Readonly<Record<LeavingReason, Readonly<Record<string, number>>>> = {
  resignation: { pay: 5, workload: 5, development: 3, promotion: 2, flexibility: 4, culture: 3, management: 3, bullying_harassment_discrimination: 1, relocation: 2, personal: 3 },
  retirement: { personal: 5, workload: 2, flexibility: 1, other: 2 },
  transfer_out: { relocation: 5, promotion: 3, development: 3, pay: 1 },
  ill_health_retirement: { personal: 3, other: 1 },
  dismissal: { other: 1 },
  other: { personal: 2, other: 2 },
};

/**
 * About 150 leavers over the year (7–8% turnover): resignations (students most of all),
 * retirements, transfers. Each is notified, most get an interviewer, a survey and an exit
 * interview before they go, and leave on the day; a few withdraw their resignation. Those
 * still serving their notice are open exits, some not yet allocated an interviewer, and
 * one or two whose interview is already overdue.
 */
export function planExits(ctx: PlanContext, random: Random): SeedCase[] {
  const count = scaled(ctx, LEAVERS_AT_2000);
  const candidates = random.sample(ctx.colleagues, Math.min(ctx.colleagues.length, count * 2));
  const cases: SeedCase[] = [];
  let i = 0;
  for (const person of candidates) {
    if (i >= count) break;
    const reason = leavingReason(person, random, ctx.now);
    const key = `exit-${i++}`;
    const noticeDays = reason === 'retirement' ? random.int(45, 90) : reason === 'dismissal' ? 0 : random.int(21, 35);
    const notifiedAt = officeTime(addDays(ctx.now, -random.between(3, 360)), random);
    if (notifiedAt.getTime() < addDays(atLondon(person.startDate, 9), 30).getTime()) continue;
    const leavingDate = plusDays(londonDate(notifiedAt), noticeDays);
    cases.push({ workflow: 'exit', caseId: seedId(ctx, key), commands: upTo(exitCommands(ctx, random, key, person, reason, notifiedAt, leavingDate), ctx.now) });
  }
  return cases;
}

/** Students resign far more than substantive officers; the long-serving retire. */
function leavingReason(person: Colleague, random: Random, now: Date): LeavingReason {
  const serviceYears = (now.getTime() - Date.parse(person.startDate)) / (365.25 * 86_400_000);
  if (person.isStudentOfficer) return random.chance(0.92) ? 'resignation' : 'dismissal';
  if (person.ageBand === '55+' || serviceYears > 27) {
    return random.weighted({ retirement: 70, ill_health_retirement: 8, resignation: 12, other: 10 });
  }
  return random.weighted({ resignation: 58, retirement: 14, transfer_out: 15, ill_health_retirement: 4, dismissal: 3, other: 6 });
}

function exitCommands(
  ctx: PlanContext,
  random: Random,
  key: string,
  person: Colleague,
  reason: LeavingReason,
  notifiedAt: Date,
  leavingDate: string,
): ExitCommand[] {
  const step = (name: string, at: Date, actor: SeedActor) => envelope(ctx, key, name, at, actor);
  const optOut = random.chance(0.1);
  const commands: ExitCommand[] = [
    {
      type: 'NotifyLeaving',
      ...step('notify', notifiedAt, ACTORS.hr),
      data: {
        exitId: seedId(ctx, key),
        person: {
          personId: person.personId,
          name: person.name,
          employmentType: person.employmentType,
          department: departmentName(person),
          lineManagerId: person.lineManagerId,
          startDate: person.startDate,
        },
        demographics: demographics(person, random),
        leavingDate,
        reason,
        optOutOfLineManager: optOut,
      },
    },
  ];
  const lastDay = atLondon(plusDays(leavingDate, -1), 16);
  const leftAt = officeTime(atLondon(leavingDate, 12), random);
  if (leavingDate === londonDate(notifiedAt)) {
    commands.push({ type: 'RecordLeft', ...step('left', officeAfter(notifiedAt, 0, random), ACTORS.hr), data: { leavingDate: null } });
    return commands;
  }
  const interviewer = random.chance(0.75) ? ACTORS.retention : ACTORS.retention2;
  const allocatedAt = officeAfter(notifiedAt, random.between(0.2, 4), random);
  const allocated = random.chance(0.9) && allocatedAt.getTime() < lastDay.getTime();
  if (allocated) commands.push({ type: 'AllocateExitInterviewer', ...step('allocate', allocatedAt, ACTORS.retention), data: { interviewerId: interviewer.userId } });

  const survey = random.weighted({ completed: 6, declined: 2, none: 2 });
  const surveyAt = officeAfter(notifiedAt, random.between(1, 10), random);
  if (survey === 'completed' && surveyAt.getTime() < lastDay.getTime()) {
    const score = () => random.int(1, 5);
    const answers = { overall_experience: score(), felt_valued: score(), would_recommend: random.chance(0.55), manager_support: score(), would_return: random.chance(0.35) };
    commands.push({ type: 'CompleteExitSurvey', ...step('survey', surveyAt, ACTORS.hr), data: { answers } });
  } else if (survey === 'declined' && surveyAt.getTime() < lastDay.getTime()) {
    commands.push({ type: 'DeclineExitSurvey', ...step('survey-declined', surveyAt, ACTORS.hr), data: { reason: null } });
  }

  const interview = random.weighted({ held: 65, declined: 20, missed: 15 });
  if (allocated && interview === 'held') {
    const heldAt = officeAfter(allocatedAt, random.between(1, 12), random);
    if (heldAt.getTime() < lastDay.getTime()) {
      const interviewAt = new Date(heldAt.getTime() + random.between(0.5, 3) * 3_600_000);
      commands.push({ type: 'RecordExitInterview', ...step('interview', interviewAt, interviewer), data: { heldAt, summary: 'Synthetic demo interview: the summary stays in the case stream.' } });
    }
  } else if (interview === 'declined') {
    const interviewAt = officeAfter(allocated ? allocatedAt : notifiedAt, random.between(1, 5), random);
    if (interviewAt.getTime() < lastDay.getTime()) {
      commands.push({ type: 'DeclineExitInterview', ...step('interview-declined', interviewAt, ACTORS.retention), data: { reason: 'Did not want an interview' } });
    }
  }
  commands.sort((a, b) => a.now.getTime() - b.now.getTime());

  if (reason === 'resignation' && random.chance(person.isStudentOfficer ? 0.12 : 0.07)) {
    const latest = (commands[commands.length - 1] as ExitCommand).now;
    const withdrawAt = officeAfter(latest, random.between(1, 5), random);
    if (withdrawAt.getTime() < lastDay.getTime()) {
      commands.push({ type: 'WithdrawResignation', ...step('withdraw', withdrawAt, ACTORS.retention), data: { note: 'Agreed a move to another team' } });
      commands.push({ type: 'RecordExitDrivers', ...step('drivers', officeAfter(withdrawAt, 0, random), ACTORS.retention), data: { codes: drivers(reason, random), note: null } });
      return commands;
    }
  }
  // Usually the person leaves on the notified day; a few ask to stay on for a handover
  // and have not been recorded as gone yet, so their missed interview shows as overdue.
  if (random.chance(0.95)) commands.push({ type: 'RecordLeft', ...step('left', leftAt, ACTORS.hr), data: { leavingDate: null } });
  commands.push({ type: 'RecordExitDrivers', ...step('drivers', officeAfter(leftAt, random.between(0, 5), random), ACTORS.retention), data: { codes: drivers(reason, random), note: null } });
  return commands;
}

function drivers(reason: LeavingReason, random: Random): string[] {
  const weights = DRIVERS_BY_REASON[reason];
  const codes = new Set<string>();
  const wanted = random.int(1, 3);
  for (let n = 0; n < 10 && codes.size < wanted; n++) codes.add(random.weighted(weights));
  return [...codes];
}

/** What the person chose to give: most give everything, some decline a field or two. */
function demographics(person: Colleague, random: Random): ExitDemographics {
  const given = (value: string) => (random.chance(0.06) ? 'prefer_not_to_say' : value);
  const result: Record<string, string> = {};
  if (random.chance(0.95)) result.ageBand = given(person.ageBand);
  if (random.chance(0.95)) result.sex = given(person.sex);
  if (random.chance(0.9)) result.ethnicity = given(person.ethnicity);
  if (random.chance(0.85)) result.disability = given(person.disability);
  return result as ExitDemographics;
}
