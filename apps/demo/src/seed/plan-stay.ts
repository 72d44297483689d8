import { deterministicId } from '@casework/core/ids';
import type { StayCommand } from '@casework/retention/domain/stay/commands';
import { DEFAULT_STAY_THEMES } from '@casework/retention/domain/stay/themes';
import type { IntentToLeave } from '@casework/retention/domain/stay/types';
import { ACTORS, type SeedActor } from './actors';
import { departmentName, type Colleague } from './people';
import type { Random } from './random';
import { envelope, scaled, seedId, upTo, type PlanContext, type SeedCase } from './seed-case';
import { addDays, atLondon, londonDate, officeAfter, officeTime, plusDays } from './time';

const STAY_INTERVIEWS_AT_2000 = 40;

const CONCERNS = [
  'Shift pattern no longer works with childcare',
  'Feels passed over for development opportunities',
  'Workload in the team has been unmanageable for months',
  'Considering a better-paid role outside policing',
  'Difficult relationship with a supervisor',
  'Struggling with the degree workload alongside shifts',
] as const;
const RECOMMENDATIONS = [
  'Explore a flexible working pattern',
  'Mentoring from an experienced colleague',
  'Review caseload with the line manager',
  'Discuss development pathway and secondments',
  'Refer to the wellbeing team',
] as const;

/**
 * About 40 stay interviews a year, two in five for student officers. Most are held within
 * the ten working days, with actions, a follow-up and (months later) whether the person
 * stayed; retention after the interview follows the brief (about 35% of students, 5% of
 * substantive officers). Recent requests are open, a few still waiting for an interviewer.
 */
export function planStayInterviews(ctx: PlanContext, random: Random): SeedCase[] {
  const students = ctx.colleagues.filter((c) => c.isStudentOfficer);
  const others = ctx.colleagues.filter((c) => !c.isStudentOfficer && c.employmentType !== 'volunteer');
  const cases: SeedCase[] = [];
  for (let i = 0; i < scaled(ctx, STAY_INTERVIEWS_AT_2000); i++) {
    const person = students.length > 0 && random.chance(0.4) ? random.pick(students) : random.pick(others);
    const key = `stay-${i}`;
    // Nobody asks for a stay interview in their first month.
    const joined = addDays(atLondon(person.startDate, 9), 30);
    const requestedAt = officeTime(new Date(Math.max(addDays(ctx.now, -random.between(1, 360)).getTime(), joined.getTime())), random);
    cases.push({ workflow: 'stay', caseId: seedId(ctx, key), commands: upTo(stayCommands(ctx, random, key, person, requestedAt), ctx.now) });
  }
  return cases;
}

function stayCommands(ctx: PlanContext, random: Random, key: string, person: Colleague, requestedAt: Date): StayCommand[] {
  const step = (name: string, at: Date, actor: SeedActor) => envelope(ctx, key, name, at, actor);
  const byManager = random.chance(0.5);
  const keyedBy = byManager && person.lineManagerId === ACTORS.lineManager.userId ? ACTORS.lineManager : ACTORS.retention;
  const requester = byManager ? person.lineManagerId : person.personId;
  const intent: IntentToLeave = random.weighted({ none: 1, considering: 4, actively_looking: 3, decided: 1 });
  const commands: StayCommand[] = [
    {
      type: 'RequestStayInterview',
      ...step('request', requestedAt, keyedBy),
      data: {
        stayInterviewId: seedId(ctx, key),
        personId: person.personId,
        personName: person.name,
        employmentType: person.employmentType,
        department: departmentName(person),
        lineManagerId: person.lineManagerId,
        startDate: person.startDate,
        isStudentOfficer: person.isStudentOfficer,
        source: byManager ? 'line_manager' : 'self',
        concerns: random.pick(CONCERNS),
        intentToLeave: intent,
        requestedBy: requester === keyedBy.userId ? null : requester,
      },
    },
  ];
  const fate = random.weighted({ normal: 85, declined: 5, cancelled: 5, waiting: 5 });
  if (fate === 'waiting') return commands;
  const interviewer = random.chance(0.75) ? ACTORS.retention : ACTORS.retention2;
  const allocatedAt = officeAfter(requestedAt, random.between(0.3, 3), random);
  commands.push({ type: 'AllocateStayInterviewer', ...step('allocate', allocatedAt, ACTORS.retention), data: { interviewerId: interviewer.userId } });
  if (fate === 'declined' || fate === 'cancelled') {
    const at = officeAfter(allocatedAt, random.between(1, 6), random);
    commands.push(
      fate === 'declined'
        ? { type: 'DeclineStayInterview', ...step('decline', at, interviewer), data: { reason: 'Felt the concern was already resolved' } }
        : { type: 'CancelStayInterview', ...step('cancel', at, interviewer), data: { reason: 'Request withdrawn by the colleague' } },
    );
    return commands;
  }
  const heldAt = officeAfter(allocatedAt, random.chance(0.12) ? random.between(15, 22) : random.between(2, 11), random);
  const recordedAt = officeAfter(heldAt, random.between(0, 1), random);
  const themes = random.sample(DEFAULT_STAY_THEMES.map((t) => t.code), random.int(1, 3));
  commands.push({
    type: 'RecordStayInterview',
    ...step('interview', recordedAt, interviewer),
    data: { heldAt, themes, intentToLeave: intent, recommendations: random.sample(RECOMMENDATIONS, random.int(1, 2)) },
  });
  const agreedAt = officeAfter(recordedAt, random.between(0, 3), random);
  const agree = step('actions', agreedAt, interviewer);
  const actions = random.sample(RECOMMENDATIONS, random.int(1, 2)).map((description) => ({
    description,
    ownerId: random.chance(0.6) ? person.lineManagerId : ACTORS.hr.userId,
    dueDate: plusDays(londonDate(agreedAt), random.int(14, 45)),
  }));
  commands.push({ type: 'AgreeStayActions', ...agree, data: { actions } });
  const followUpHeld = officeAfter(agreedAt, random.between(25, 45), random);
  actions.forEach((_, index) => {
    if (!random.chance(0.7)) return;
    const at = officeAfter(agreedAt, random.between(7, 24), random);
    // The action's id as the decider derives it from the agreeing command.
    commands.push({ type: 'CompleteAction', ...step(`action-${index}`, at, interviewer), data: { actionId: deterministicId(agree.commandId, 'action', String(index)) } });
  });
  commands.push({ type: 'RecordStayFollowUp', ...step('follow-up', officeAfter(followUpHeld, random.between(0, 2), random), interviewer), data: { heldAt: followUpHeld, note: null } });
  const decidedAt = officeAfter(followUpHeld, random.between(30, 120), random);
  const stayed = random.chance(person.isStudentOfficer ? 0.35 : 0.05);
  commands.push({
    type: 'RecordStayOutcome',
    ...step('outcome', decidedAt, interviewer),
    data: { outcome: stayed ? 'stayed' : 'left', leavingDate: stayed ? null : plusDays(londonDate(decidedAt), -random.int(0, 20)), note: null },
  });
  commands.sort((a, b) => a.now.getTime() - b.now.getTime());
  return commands;
}
