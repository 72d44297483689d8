import type { WelfareCommand } from '@casework/retention/domain/welfare/commands';
import type { ContactType, InvestigationKind, Signpost } from '@casework/retention/domain/welfare/types';
import { ACTORS, type SeedActor } from './actors';
import { departmentName, type Colleague } from './people';
import type { Random } from './random';
import { envelope, scaled, seedId, upTo, type PlanContext, type SeedCase } from './seed-case';
import { addDays, addHours, officeAfter, officeTime } from './time';

const WELFARE_CASES_AT_2000 = 25;

const OUTCOMES = ['No case to answer', 'Management action', 'Written warning', 'Final written warning', 'Reflective practice'] as const;

/**
 * About 25 welfare-liaison cases: colleagues under investigation, contacted every week or
 * two by their WLO (weekly with a home visit when sick leave begins). About a third have
 * had a contact slip; some of the open ones have gone more than 14 days without one, so
 * their WLO's queue shows them overdue. A few investigations are past 12 months and owe a
 * reg. 19 progress report.
 */
export function planWelfare(ctx: PlanContext, random: Random): SeedCase[] {
  const subjects = ctx.colleagues.filter((c) => c.employmentType === 'police_officer' || (c.employmentType === 'police_staff' && random.chance(0.2)));
  const cases: SeedCase[] = [];
  for (let i = 0; i < scaled(ctx, WELFARE_CASES_AT_2000); i++) {
    const key = `welfare-${i}`;
    cases.push({ workflow: 'welfare', caseId: seedId(ctx, key), commands: upTo(welfareCommands(ctx, random, key, random.pick(subjects)), ctx.now) });
  }
  return cases;
}

function welfareCommands(ctx: PlanContext, random: Random, key: string, person: Colleague): WelfareCommand[] {
  const step = (name: string, at: Date, actor: SeedActor) => envelope(ctx, key, name, at, actor);
  const kind: InvestigationKind = random.weighted({ complaint: 4, misconduct: 4, gross_misconduct: 2 });
  const startedAt = officeTime(addDays(ctx.now, -random.between(20, 420)), random);
  const openedAt = officeAfter(startedAt, random.between(0, 5), random);
  const commands: WelfareCommand[] = [
    {
      type: 'OpenWelfareCase',
      ...step('open', openedAt, ACTORS.professionalStandards),
      data: {
        caseId: seedId(ctx, key),
        person: { personId: person.personId, name: person.name, employmentType: person.employmentType, department: departmentName(person) },
        investigation: { kind, reference: `PSD-${key.replace('welfare-', '')}-${person.personId}`, suspended: kind !== 'complaint' && random.chance(0.25), startedAt },
      },
    },
  ];
  const wlo = random.chance(0.7) ? ACTORS.wlo : ACTORS.wlo2;
  const assignedAt = officeAfter(openedAt, random.between(0.5, 4), random);
  commands.push({ type: 'AssignWlo', ...step('assign', assignedAt, ACTORS.professionalStandards), data: { wloId: wlo.userId } });

  const durationDays = kind === 'gross_misconduct' ? random.between(150, 420) : random.between(60, 300);
  const concludedAt = officeTime(addDays(startedAt, durationDays), random);
  const concluded = concludedAt.getTime() < addDays(ctx.now, -2).getTime();
  // An open case whose WLO has lost touch: the last contact was a while ago.
  const contactsUntil = concluded ? concludedAt : random.chance(0.3) ? addDays(ctx.now, -random.between(16, 30)) : ctx.now;
  const slips = random.chance(0.35);
  const sickFrom = random.chance(0.25) ? officeAfter(openedAt, random.between(10, 60), random) : null;
  const sickUntil = sickFrom ? addDays(sickFrom, random.between(20, 60)) : null;
  if (sickFrom && sickFrom.getTime() < contactsUntil.getTime()) {
    commands.push({ type: 'RecordSickLeaveStarted', ...step('sick-start', addHours(sickFrom, 1), wlo), data: { startedAt: sickFrom } });
    if (sickUntil && sickUntil.getTime() < contactsUntil.getTime()) {
      commands.push({ type: 'RecordSickLeaveEnded', ...step('sick-end', addHours(sickUntil, 1), wlo), data: { endedAt: sickUntil } });
    }
  }

  let contactAt = assignedAt;
  let homeVisitDone = false;
  for (let n = 0; n < 60; n++) {
    const onSick = sickFrom !== null && contactAt >= sickFrom && (sickUntil === null || contactAt < sickUntil);
    const gap = onSick ? random.between(4, 7) : slips && random.chance(0.15) ? random.between(17, 26) : random.between(8, 14);
    let next = officeAfter(contactAt, gap, random);
    const visitDue = sickFrom !== null && !homeVisitDone && next >= sickFrom;
    if (visitDue && sickFrom) next = officeAfter(sickFrom, random.chance(0.8) ? random.between(1, 6) : random.between(8, 12), random);
    if (next.getTime() >= contactsUntil.getTime()) break;
    const type: ContactType = visitDue ? 'home_visit' : random.weighted({ phone: 6, video: 2, visit: 2 });
    if (visitDue) homeVisitDone = true;
    const signposting: Signpost[] = random.chance(0.3) ? [random.pick(['eap', 'occupational_health', 'federation_or_union', 'financial_support'] as const)] : [];
    commands.push({ type: 'LogWelfareContact', ...step(`contact-${n}`, addHours(next, random.between(0.5, 20)), wlo), data: { contactedAt: next, type, concerns: null, signposting } });
    contactAt = next;
  }

  const firstReportDue = addDays(startedAt, 365);
  const investigationEnd = concluded ? concludedAt : ctx.now;
  if (firstReportDue.getTime() < investigationEnd.getTime() && random.chance(0.6)) {
    const reportedAt = officeTime(addDays(firstReportDue, -random.between(1, 10)), random);
    commands.push({ type: 'RecordInvestigationProgressReport', ...step('report-1', addHours(reportedAt, 2), ACTORS.professionalStandards), data: { reportedAt, note: null } });
  }
  if (concluded) {
    commands.push({ type: 'RecordInvestigationConcluded', ...step('concluded', addHours(concludedAt, 2), ACTORS.professionalStandards), data: { outcome: random.pick(OUTCOMES), concludedAt } });
    const debriefHeldAt = officeAfter(concludedAt, random.between(5, 15), random);
    commands.push({
      type: 'CloseWelfareCase',
      ...step('close', addHours(debriefHeldAt, 1), wlo),
      data: { exitPlan: 'Back to normal duties with a check-in from the line manager after a month', debriefHeldAt },
    });
  }
  commands.sort((a, b) => a.now.getTime() - b.now.getTime());
  return commands;
}
