import type { IncidentCommand } from '@casework/trauma/domain/incident/commands';
import type { ExposureRole, SupportReferral } from '@casework/trauma/domain/incident/types';
import type { RecordRiskAssessment, TrimCommand } from '@casework/trauma/domain/trim/commands';
import { trimReferralId } from '@casework/trauma/domain/trim/trim-referral.process';
import { TRIM_RISK_ITEM_KEYS, type AssessmentKind, type TrimRiskScores } from '@casework/trauma/domain/trim/types';
import { ACTORS, type SeedActor } from './actors';
import { departmentName, type Colleague, type DepartmentKey } from './people';
import type { Random } from './random';
import { referralJourney } from './plan-referrals';
import { envelope, scaled, seedId, upTo, type PlanContext, type SeedCase } from './seed-case';
import { addDays, addHours, officeAfter } from './time';

const INCIDENTS_AT_2000 = 80;
/** People put through three recent incidents each, so the repeat-exposure register fills. */
const REPEATERS_AT_2000 = 8;
/** Activations not from an incident: people who asked, or whose manager did. */
const REFERRED_ACTIVATIONS_AT_2000 = 6;

const INCIDENT_DEPARTMENTS: Readonly<Partial<Record<DepartmentKey, number>>> = {
  response: 40,
  roads: 15,
  publicProtection: 18,
  cid: 12,
  firearms: 8,
  neighbourhood: 7,
};

const TYPES_BY_DEPARTMENT: Readonly<Partial<Record<DepartmentKey, Readonly<Record<string, number>>>>> = {
  response: { suicide_or_sudden_death: 35, serious_assault_on_officer: 25, fatal_road_collision: 10, death_of_child: 10, other: 20 },
  roads: { fatal_road_collision: 9, major_incident: 1 },
  publicProtection: { cse_indecent_image_review: 6, death_of_child: 4 },
  cid: { suicide_or_sudden_death: 5, death_of_child: 2, other: 3 },
  firearms: { firearms_discharge: 5, serious_assault_on_officer: 4, major_incident: 1 },
  neighbourhood: { suicide_or_sudden_death: 5, serious_assault_on_officer: 3, other: 2 },
};

const SUMMARIES: Readonly<Record<string, string>> = {
  death_of_child: 'Sudden unexpected death of an infant; officers attended the family home',
  fatal_road_collision: 'Fatal collision; officers gave first aid until paramedics arrived',
  suicide_or_sudden_death: 'Sudden death in a residential address; officers first on scene',
  serious_assault_on_officer: 'Officer seriously assaulted during an arrest; colleagues intervened',
  firearms_discharge: 'Armed officers discharged a firearm during a planned operation',
  cse_indecent_image_review: 'Prolonged review of category A indecent images for a prosecution file',
  major_incident: 'Multi-casualty incident declared; several units deployed',
  other: 'Distressing incident reported by the supervisor on duty',
};

const PLACES = ['Northgate', 'Riverside', 'Market Street', 'the ring road', 'Hill Top estate', 'Station Road', 'the retail park', 'Canal Side'] as const;

interface Exposed {
  readonly colleague: Colleague;
  readonly exposureRole: ExposureRole;
}

interface PlannedIncident {
  readonly index: number;
  readonly occurredAt: Date;
  readonly department: DepartmentKey;
  exposed: Exposed[];
}

/**
 * About 80 traumatic incidents over the year with the colleagues exposed, their ESTIP
 * support, TRiM planning and ~60 TRiM activations. A handful of frontline colleagues are
 * exposed to three recent incidents each (the repeat-exposure process manager raises
 * their support tasks); the latest incident is recorded but not yet supported, so its
 * demobilisation and defusion are overdue. TRiM follow-ups at or above the threshold
 * open urgent OH referrals through the TRiM → OH process manager; the older ones are
 * carried on (triaged, assessed, closed) once it has opened them.
 */
export function planTrauma(ctx: PlanContext, random: Random): SeedCase[] {
  const incidents = planIncidents(ctx, random);
  const cases: SeedCase[] = [];
  let activation = 0;
  for (const incident of incidents) {
    const { incidentCase, offered } = incidentCommands(ctx, random, incident);
    cases.push(incidentCase);
    for (const { colleague, at } of offered) {
      if (!random.chance(0.68)) continue;
      cases.push(...trimCases(ctx, random, activation++, colleague, { incidentId: incidentCase.caseId, occurredAt: incident.occurredAt, offeredAt: at }));
    }
  }
  const frontline = ctx.colleagues.filter((c) => c.employmentType === 'police_officer');
  for (let i = 0; i < scaled(ctx, REFERRED_ACTIVATIONS_AT_2000); i++) {
    const activatedAt = officeAfter(addDays(ctx.now, -random.between(5, 330)), 0, random);
    cases.push(...trimCases(ctx, random, activation++, random.pick(frontline), { incidentId: null, occurredAt: activatedAt, offeredAt: activatedAt }));
  }
  return cases;
}

function planIncidents(ctx: PlanContext, random: Random): PlannedIncident[] {
  const count = scaled(ctx, INCIDENTS_AT_2000);
  const recent = Math.min(count, Math.max(3, Math.round(count * 0.3)));
  const byDepartment = (key: DepartmentKey) => ctx.colleagues.filter((c) => c.department === key && c.employmentType !== 'volunteer');
  const control = byDepartment('control');
  const incidents: PlannedIncident[] = [];
  for (let index = 0; index < count; index++) {
    // The most recent incident is a day or two old; `recent` fall in the last 85 days.
    const ageDays = index === 0 ? random.between(1.2, 2.5) : index < recent ? random.between(3, 85) : random.between(86, 362);
    const occurredAt = new Date(addDays(ctx.now, -ageDays).getTime() - random.int(0, 23) * 3_600_000);
    const department = random.weighted(INCIDENT_DEPARTMENTS as Record<DepartmentKey, number>);
    const team = byDepartment(department);
    const exposed: Exposed[] = random.sample(team, random.int(2, 6)).map((colleague) => ({ colleague, exposureRole: roleIn(department, random) }));
    if (control.length > 0 && department !== 'publicProtection' && random.chance(0.3)) {
      exposed.push({ colleague: random.pick(control), exposureRole: 'call_handler' });
    }
    incidents.push({ index, occurredAt, department, exposed: distinct(exposed) });
  }
  const frontline = ctx.colleagues.filter((c) => ['response', 'roads', 'firearms'].includes(c.department) && c.employmentType === 'police_officer');
  for (const repeater of random.sample(frontline, scaled(ctx, REPEATERS_AT_2000))) {
    for (const incident of random.sample(incidents.slice(0, recent), 3)) {
      incident.exposed = distinct([...incident.exposed, { colleague: repeater, exposureRole: 'first_responder' }]);
    }
  }
  return incidents;
}

function roleIn(department: DepartmentKey, random: Random): ExposureRole {
  if (department === 'publicProtection') return random.pick(['reviewer', 'investigator', 'family_liaison'] as const);
  if (department === 'cid') return random.pick(['investigator', 'family_liaison', 'witness'] as const);
  return random.weighted({ first_responder: 8, supervisor: 1, witness: 1 });
}

function distinct(exposed: readonly Exposed[]): Exposed[] {
  const seen = new Set<string>();
  return exposed.filter((e) => !seen.has(e.colleague.personId) && seen.add(e.colleague.personId));
}

function incidentCommands(
  ctx: PlanContext,
  random: Random,
  incident: PlannedIncident,
): { incidentCase: SeedCase & { workflow: 'incident' }; offered: { colleague: Colleague; at: Date }[] } {
  const key = `incident-${incident.index}`;
  const incidentId = seedId(ctx, key);
  const step = (name: string, at: Date, actor: SeedActor) => envelope(ctx, key, name, at, actor);
  const people = incident.exposed.map((e) => e.colleague.personId);
  const type = random.weighted(TYPES_BY_DEPARTMENT[incident.department] as Record<string, number>);
  const occurredAt = incident.occurredAt;
  const recordedAt = addHours(occurredAt, random.between(0.5, 4));
  const commands: IncidentCommand[] = [
    {
      type: 'RecordIncident',
      ...step('record', recordedAt, ACTORS.supervisor),
      data: {
        incidentId,
        type,
        occurredAt,
        location: random.pick(PLACES),
        department: departmentName({ department: incident.department }),
        summary: SUMMARIES[type] ?? SUMMARIES.other ?? 'Traumatic incident',
        recordedBy: null,
        exposedColleagues: incident.exposed.map(({ colleague, exposureRole }) => ({
          personId: colleague.personId,
          name: colleague.name,
          department: departmentName(colleague),
          role: colleague.role,
          exposureRole,
        })),
      },
    },
  ];
  const offered: { colleague: Colleague; at: Date }[] = [];
  if (incident.index === 0) return { incidentCase: { workflow: 'incident', caseId: incidentId, commands }, offered };

  const lead = random.chance(0.7) ? ACTORS.supervisor : ACTORS.peerSupporter;
  const demobAt = random.chance(0.1) ? addHours(occurredAt, random.between(14, 30)) : addHours(recordedAt, random.between(0.5, 6));
  const attendees = people.length > 2 && random.chance(0.3) ? people.slice(0, -1) : people;
  const defusionNeeded = random.chance(0.8);
  const later: IncidentCommand[] = [
    {
      type: 'RecordDemobilisation',
      ...step('demobilisation', demobAt, lead),
      data: { ledBy: { personId: lead.userId, lead: lead === ACTORS.supervisor ? 'supervisor' : 'trained_peer' }, attendees, defusionNeeded },
    },
  ];
  let needing: string[] = [];
  let lastEstip = demobAt;
  if (defusionNeeded) {
    const defusionAt = addHours(occurredAt, random.chance(0.1) ? random.between(75, 110) : random.between(30, 70));
    const defused = attendees.length >= 2 ? attendees : attendees.slice(0, 1);
    needing = random.sample(defused, random.chance(0.4) ? 0 : random.int(1, 2));
    later.push({
      type: 'RecordDefusion',
      ...step('defusion', addHours(defusionAt, 0), ACTORS.peerSupporter),
      data: { format: defused.length >= 2 ? 'group' : 'one_to_one', peerDefuserId: ACTORS.peerSupporter.userId, attendees: defused, needingMoreSupport: needing },
    });
    lastEstip = defusionAt;
  }

  const planningAt = addHours(occurredAt, random.chance(0.08) ? random.between(50, 70) : random.between(20, 46));
  const offer = [...new Set([...needing, ...random.sample(people, random.chance(0.5) ? 0 : 1)])].slice(0, 2);
  later.push({ type: 'RecordTrimPlanningMeeting', ...step('trim-planning', planningAt, ACTORS.trimCoordinator), data: { chairedBy: ACTORS.trimCoordinator.userId, offeredRiskAssessment: offer } });
  for (const personId of offer) {
    const colleague = incident.exposed.find((e) => e.colleague.personId === personId)?.colleague;
    if (colleague) offered.push({ colleague, at: planningAt });
  }

  const estimAt = addHours(lastEstip, random.between(72, 200));
  if (needing.length > 0 || random.chance(0.25)) {
    const estimAttendees = needing.length > 0 ? needing : random.sample(people, 1);
    const referredOn: SupportReferral[] = estimAttendees.filter(() => random.chance(0.4)).map((personId) => ({ personId, pathway: random.pick(['trim', 'occupational_health', 'employee_assistance'] as const) }));
    later.push({ type: 'RecordEstim', ...step('estim', estimAt, ACTORS.wellbeingCoordinator), data: { attendees: estimAttendees, includesOh: random.chance(0.4), referredOn } });
    const monitorFrom = addHours(estimAt, random.between(12, 48));
    later.push({ type: 'StartMonitoring', ...step('monitoring-start', monitorFrom, ACTORS.wellbeingCoordinator), data: { monitored: estimAttendees } });
    const outcome = random.weighted({ no_further_support: 7, referred_on: 2, declined_support: 1 });
    const concludedAt = addDays(monitorFrom, random.between(21, 35));
    const first = estimAttendees[0] as string;
    later.push({
      type: 'ConcludeMonitoring',
      ...step('monitoring-conclude', concludedAt, ACTORS.wellbeingCoordinator),
      data: { outcome, referredOn: outcome === 'referred_on' ? [{ personId: first, pathway: random.pick(['gp', 'employee_assistance'] as const) }] : [] },
    });
    lastEstip = concludedAt;
  } else {
    const reason = 'Nobody needed more support after the earlier stages';
    later.push({ type: 'SkipEstipStage', ...step('skip-estim', estimAt, ACTORS.wellbeingCoordinator), data: { stage: 'estim', reason } });
    later.push({ type: 'SkipEstipStage', ...step('skip-monitoring', addHours(estimAt, 0.1), ACTORS.wellbeingCoordinator), data: { stage: 'monitoring', reason } });
    lastEstip = addHours(estimAt, 0.1);
  }
  const closeAt = officeAfter(new Date(Math.max(lastEstip.getTime(), planningAt.getTime())), random.between(1, 7), random);
  later.push({ type: 'CloseIncident', ...step('close', closeAt, ACTORS.wellbeingCoordinator), data: { reason: 'ESTIP support complete' } });
  later.sort((a, b) => a.now.getTime() - b.now.getTime());
  return { incidentCase: { workflow: 'incident', caseId: incidentId, commands: upTo([...commands, ...later], ctx.now) }, offered };
}

interface TrimOrigin {
  readonly incidentId: string | null;
  /** The incident's time, or the activation's for a self or manager referral. */
  readonly occurredAt: Date;
  readonly offeredAt: Date;
}

/** One activation (and, for a high follow-up old enough, its OH referral's continuation). */
function trimCases(ctx: PlanContext, random: Random, index: number, person: Colleague, origin: TrimOrigin): SeedCase[] {
  const key = `trim-${index}`;
  const activationId = seedId(ctx, key);
  const step = (name: string, at: Date, actor: SeedActor) => envelope(ctx, key, name, at, actor);
  const practitioner = random.chance(0.7) ? ACTORS.trimPractitioner : ACTORS.trimPractitioner2;
  const activatedAt = origin.incidentId === null ? origin.offeredAt : addHours(origin.offeredAt, random.between(1, 20));
  const allocatedAt = addHours(activatedAt, random.between(0.5, 6));
  const commands: TrimCommand[] = [
    {
      type: 'ActivateTrim',
      ...step('activate', activatedAt, ACTORS.trimCoordinator),
      data: {
        activationId,
        personId: person.personId,
        personName: person.name,
        employmentType: person.employmentType,
        department: departmentName(person),
        source: origin.incidentId === null ? random.pick(['self_referral', 'manager_referral'] as const) : 'incident',
        incidentId: origin.incidentId,
        incidentOccurredAt: origin.incidentId === null ? null : origin.occurredAt,
        activatedBy: null,
      },
    },
    { type: 'AllocatePractitioner', ...step('allocate', allocatedAt, ACTORS.trimCoordinator), data: { practitionerId: practitioner.userId } },
  ];
  const deliveredAt = addHours(activatedAt, random.chance(0.1) ? random.between(26, 40) : random.between(2, 20));
  const briefAt = new Date(Math.max(deliveredAt.getTime(), allocatedAt.getTime()) + random.between(0.2, 3) * 3_600_000);
  commands.push({ type: 'RecordTraumaInterventionBrief', ...step('brief', briefAt, practitioner), data: { deliveredAt: new Date(Math.max(deliveredAt.getTime(), allocatedAt.getTime())) } });
  if (random.chance(0.08)) {
    const at = addHours(briefAt, random.between(4, 30));
    commands.push({ type: 'DeclineTrim', ...step('decline', at, practitioner), data: { stage: 'initial_assessment', reason: 'Prefers support from family and their GP' } });
    return [{ workflow: 'trim', caseId: activationId, commands: upTo(commands, ctx.now) }];
  }
  const initialAt = new Date(Math.max(addHours(origin.occurredAt, random.between(60, 92)).getTime(), addHours(briefAt, 1).getTime()));
  commands.push({ type: 'RecordRiskAssessment', ...step('initial', initialAt, practitioner), data: assessment(random, 'initial', random.int(0, 6)) });
  const followUpAt = new Date(Math.max(addDays(origin.occurredAt, random.between(26, 31)).getTime(), addDays(initialAt, 14).getTime()));
  const high = random.chance(0.28);
  commands.push({ type: 'RecordRiskAssessment', ...step('follow-up', followUpAt, practitioner), data: assessment(random, 'follow_up', high ? random.int(3, 6) : random.int(0, 2)) });
  if (!high) {
    commands.push({ type: 'CloseTrim', ...step('close', officeAfter(followUpAt, random.between(0, 3), random), practitioner), data: { outcome: 'no_further_action', note: null } });
    return [{ workflow: 'trim', caseId: activationId, commands: upTo(commands, ctx.now) }];
  }
  const cases: SeedCase[] = [{ workflow: 'trim', caseId: activationId, commands: upTo(commands, ctx.now) }];
  // The process manager submits the referral at the follow-up's time; older ones were worked since.
  if (followUpAt.getTime() < addDays(ctx.now, -14).getTime()) {
    const referralKey = `trim-referral-${index}`;
    const journey = referralJourney(ctx, random, {
      key: referralKey,
      submittedAt: followUpAt,
      urgency: 'urgent',
      category: 'mental_health',
      employmentType: person.employmentType,
      releasedTo: person.lineManagerId,
      fate: 'full',
    });
    cases.push({ workflow: 'referral', caseId: trimReferralId(activationId), commands: upTo(journey, ctx.now), afterProcessManagers: true });
    const closeAt = officeAfter(followUpAt, random.between(3, 10), random);
    const close: TrimCommand = { type: 'CloseTrim', ...step('close-referred', closeAt, practitioner), data: { outcome: 'referred_to_oh', note: null } };
    cases.push({ workflow: 'trim', caseId: activationId, commands: upTo([close], ctx.now), afterProcessManagers: true });
  }
  return cases;
}

/** Ten items scored 0/1 with `total` of them present. */
function assessment(random: Random, kind: AssessmentKind, total: number): RecordRiskAssessment['data'] {
  const present = new Set(random.sample(TRIM_RISK_ITEM_KEYS, total));
  const scores = Object.fromEntries(TRIM_RISK_ITEM_KEYS.map((key) => [key, present.has(key) ? 1 : 0])) as TrimRiskScores;
  return { kind, scores, notes: 'Synthetic demo assessment.', practitionerRequestedReferral: false };
}
