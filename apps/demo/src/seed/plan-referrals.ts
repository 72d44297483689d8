import type { ReferralCommand, RecordOutcome } from '@casework/referral/domain/commands';
import type { EmploymentType, Fitness, Recommendation, ReferralCategory, ReferralSource, Urgency } from '@casework/referral/domain/types';
import { deterministicId } from '@casework/core/ids';
import { ACTORS, type SeedActor } from './actors';
import { departmentName, type Colleague } from './people';
import type { Random } from './random';
import { envelope, scaled, seedId, upTo, type PlanContext, type SeedCase } from './seed-case';
import { addDays, addHours, atLondon, londonDate, officeAfter, officeTime, plusDays } from './time';

/**
 * How a referral's story goes. Most run the whole lifecycle (and stop wherever "now"
 * falls); a few stall at a stage on purpose, recently enough that the deadline they
 * missed is what the OH team sees overdue today.
 */
export type ReferralFate =
  | 'full'
  | 'stalled_before_triage'
  | 'stalled_before_appointment'
  | 'stalled_before_outcome'
  | 'consent_refused'
  | 'closed_early'
  | 'did_not_attend'
  | 'cancelled';

const PHYSICAL_REASONS = [
  'Knee injury sustained restraining a detained person; struggling with foot patrol',
  'Recurring lower back pain aggravated by body armour and long vehicle shifts',
  'Shoulder injury from a fall during a foot pursuit',
  'Returning from surgery; advice needed on a phased return',
  'Long-term condition affecting night shifts; asks about adjustments',
  'Hearing concerns after firearms training; wants an assessment',
  'Wrist fracture from an assault on duty',
  'Migraines affecting screen work; asks for workstation advice',
] as const;
const MENTAL_REASONS = [
  'Low mood and poor sleep since attending a fatal collision',
  'Anxiety about returning to frontline duties after an assault',
  'Stress from workload and a long investigation; asks for support',
  'Intrusive memories after reviewing indecent images over several months',
  'Bereavement affecting concentration at work',
  'Struggling since a child death investigation; manager concerned',
] as const;

/** ~600 a year at 2,000 colleagues: OH's full caseload for a force that size. */
const REFERRALS_AT_2000 = 600;

export function planReferrals(ctx: PlanContext, random: Random): SeedCase[] {
  const count = scaled(ctx, REFERRALS_AT_2000);
  const cases: SeedCase[] = [];
  for (let i = 0; i < count; i++) {
    const subject = pickSubject(ctx.colleagues, random);
    const category: ReferralCategory = random.chance(0.35) ? 'mental_health' : 'physical_health';
    const urgency: Urgency = random.chance(category === 'mental_health' ? 0.22 : 0.1) ? 'urgent' : 'routine';
    const source: ReferralSource = random.weighted({ management: 55, self: 30, hr: 8, welfare_liaison: 7 });
    const ageDays = random.between(0, 365);
    const submittedAt = officeTime(addDays(ctx.now, -ageDays), random);
    if (submittedAt.getTime() > ctx.now.getTime() || londonDate(submittedAt) < subject.startDate) continue;
    const fate = chooseFate(random, ageDays);
    const key = `referral-${i}`;
    const referralId = seedId(ctx, key);
    const keyedBy = source === 'management' && subject.lineManagerId === ACTORS.lineManager.userId ? ACTORS.lineManager : ACTORS.ohAdmin;
    const referrer = source === 'self' ? subject.personId : source === 'management' ? subject.lineManagerId : source === 'hr' ? ACTORS.hr.userId : ACTORS.wlo.userId;
    const submit: ReferralCommand = {
      type: 'SubmitReferral',
      ...envelope(ctx, key, 'submit', submittedAt, keyedBy),
      data: {
        referralId,
        subjectId: subject.personId,
        subjectName: subject.name,
        employmentType: subject.employmentType,
        department: departmentName(subject),
        role: subject.role,
        source,
        category,
        urgency,
        reason: random.pick(category === 'mental_health' ? MENTAL_REASONS : PHYSICAL_REASONS),
        referredBy: referrer === keyedBy.userId ? null : referrer,
        lineManagerId: subject.lineManagerId,
        linkedCaseId: null,
      },
    };
    const journey = referralJourney(ctx, random, {
      key,
      submittedAt,
      urgency,
      category,
      employmentType: subject.employmentType,
      releasedTo: subject.lineManagerId,
      fate,
    });
    cases.push({ workflow: 'referral', caseId: referralId, commands: upTo([submit, ...journey], ctx.now) });
  }
  return cases;
}

/** Officers are referred more than their share: frontline injuries and trauma. */
function pickSubject(colleagues: readonly Colleague[], random: Random): Colleague {
  const candidate = random.pick(colleagues);
  if (candidate.employmentType === 'police_officer' || random.chance(0.7)) return candidate;
  return random.pick(colleagues);
}

function chooseFate(random: Random, ageDays: number): ReferralFate {
  // Stalls happen to recent work only: a referral untouched for months would be absurd.
  if (ageDays < 20 && random.chance(0.5)) return 'stalled_before_triage';
  if (ageDays < 35 && random.chance(0.25)) return 'stalled_before_appointment';
  if (ageDays < 25 && random.chance(0.1)) return 'stalled_before_outcome';
  return random.weighted({ full: 83, consent_refused: 5, closed_early: 4, did_not_attend: 4, cancelled: 4 } as const);
}

export interface JourneyInput {
  /** The case's key in the plan, from which its command ids derive. */
  readonly key: string;
  readonly submittedAt: Date;
  readonly urgency: Urgency;
  readonly category: ReferralCategory;
  readonly employmentType: EmploymentType;
  readonly releasedTo: string;
  readonly fate: ReferralFate;
}

/**
 * Everything after submission, dated as it would have happened: triage within the
 * deadline (a few late), consent, an appointment a week or two out, attendance, the
 * outcome, consent to release the report, release, sometimes a review, and closure.
 */
export function referralJourney(ctx: PlanContext, random: Random, input: JourneyInput): ReferralCommand[] {
  const { key, fate, urgency } = input;
  const advisor: SeedActor = random.chance(0.55) ? ACTORS.ohAdvisor : ACTORS.ohAdvisor2;
  const step = (name: string, at: Date, actor: SeedActor) => envelope(ctx, key, name, at, actor);
  const commands: ReferralCommand[] = [];
  if (fate === 'stalled_before_triage') return commands;
  if (fate === 'cancelled') {
    const at = officeAfter(input.submittedAt, random.between(0.5, 3), random);
    return [{ type: 'CancelReferral', ...step('cancel', at, ACTORS.ohManager), data: { reason: 'Duplicate of a referral already with OH' } }];
  }

  const lateTriage = random.chance(0.12);
  const triagedAt = officeAfter(input.submittedAt, urgency === 'urgent' ? random.between(0, 0.6) : lateTriage ? random.between(3, 6) : random.between(0.2, 1.8), random);
  const priority = urgency === 'urgent' ? 'high' : input.category === 'mental_health' ? random.pick(['high', 'medium'] as const) : random.pick(['medium', 'low'] as const);
  commands.push({ type: 'TriageReferral', ...step('triage', triagedAt, ACTORS.ohManager), data: { priority, advisorId: advisor.userId } });

  const consentAt = officeAfter(triagedAt, random.between(0.1, 2), random);
  const consentGiven = fate !== 'consent_refused';
  commands.push({ type: 'RecordConsent', ...step('consent', consentAt, advisor), data: { consentGiven } });
  if (!consentGiven || fate === 'stalled_before_appointment') return commands;
  if (fate === 'closed_early') {
    const at = officeAfter(consentAt, random.between(2, 8), random);
    const note = 'Returned to full duties before an assessment was needed';
    commands.push({ type: 'CloseReferral', ...step('close', at, advisor), data: { reason: 'no_further_action', note } });
    return commands;
  }

  // Appointments: one, or a missed one and another; two missed close the referral.
  const appointments = fate === 'did_not_attend' ? 2 : random.chance(0.06) ? 2 : 1;
  let last = consentAt;
  let attended: { appointmentId: string; at: Date } | null = null;
  for (let n = 0; n < appointments; n++) {
    const offer = step(`offer-${n}`, officeAfter(last, urgency === 'urgent' ? random.between(0, 1) : random.between(0.5, 4), random), advisor);
    const appointmentId = deterministicId(offer.commandId, 'appointment'); // as the decider derives it
    const scheduledFor = officeTime(addDays(offer.now, urgency === 'urgent' ? random.int(1, 3) : random.int(3, 12)), random);
    commands.push({
      type: 'OfferAppointment',
      ...offer,
      data: { scheduledFor, mode: random.weighted({ in_person: 5, telephone: 3, video: 2 }), clinicianId: random.chance(0.4) ? ACTORS.ohClinician.userId : null },
    });
    const bookedAt = officeAfter(offer.now, random.between(0, 1), random);
    if (bookedAt.getTime() < scheduledFor.getTime()) {
      commands.push({ type: 'BookAppointment', ...step(`book-${n}`, bookedAt, advisor), data: { appointmentId } });
    }
    const came = fate !== 'did_not_attend' && n === appointments - 1;
    const attendanceAt = addHours(scheduledFor, random.between(0.75, 1.5));
    commands.push({ type: 'RecordAttendance', ...step(`attendance-${n}`, attendanceAt, advisor), data: { appointmentId, attended: came } });
    last = attendanceAt;
    if (came) attended = { appointmentId, at: attendanceAt };
  }
  if (attended === null || fate === 'stalled_before_outcome') return commands;

  const assessor = random.chance(0.35) ? ACTORS.ohClinician : advisor;
  const outcomeAt = officeAfter(attended.at, random.chance(0.1) ? random.between(3, 6) : random.between(0, 1.5), random);
  commands.push({ type: 'RecordOutcome', ...step('outcome', outcomeAt, assessor), data: outcome(random, input, attended.appointmentId) });

  const reportConsentAt = officeAfter(outcomeAt, random.between(0.2, 4), random);
  const releaseAllowed = random.chance(0.88);
  commands.push({ type: 'RecordReportConsent', ...step('report-consent', reportConsentAt, advisor), data: { consentGiven: releaseAllowed } });
  let settledAt = reportConsentAt;
  if (releaseAllowed) {
    settledAt = officeAfter(reportConsentAt, random.between(0, 1), random);
    commands.push({ type: 'ReleaseReport', ...step('release', settledAt, advisor), data: { releasedTo: input.releasedTo } });
  }
  let closeAt = officeAfter(settledAt, random.between(1, 10), random);
  if (random.chance(0.25)) {
    const reviewAt = officeAfter(settledAt, random.between(0, 2), random);
    const reviewDate = plusDays(londonDate(reviewAt), random.int(42, 120));
    commands.push({ type: 'ScheduleReview', ...step('review', reviewAt, advisor), data: { reviewDate } });
    closeAt = officeTime(atLondon(reviewDate, 12), random);
  }
  commands.push({ type: 'CloseReferral', ...step('close', closeAt, advisor), data: { reason: 'completed', note: null } });
  return commands;
}

/** A coherent outcome: limited duties only with adjustments or restrictions, SMP questions only for officers. */
function outcome(random: Random, input: JourneyInput, appointmentId: string): RecordOutcome['data'] {
  const fitness: Fitness = random.weighted({ fit: 40, fit_with_adjustments: 25, restricted_duties: 20, unfit: 15 });
  const limitedDuties = fitness === 'fit_with_adjustments' ? 'adjusted' : fitness === 'restricted_duties' ? 'recuperative' : null;
  const officer = input.employmentType === 'police_officer';
  let recommendations: Recommendation[];
  let smpQuestions: RecordOutcome['data']['smpQuestions'] = null;
  if (fitness === 'fit' && random.chance(0.5)) {
    recommendations = ['no_further_action'];
  } else if (fitness === 'unfit' && random.chance(0.2)) {
    recommendations = officer ? ['smp_referral'] : ['ill_health_retirement'];
    if (officer) {
      const permanent = random.chance(0.5);
      smpQuestions = { unfitForOrdinaryDuties: true, permanentlyUnfitForOrdinaryDuties: permanent, unfitForRegularEmployment: false, permanentlyUnfitForRegularEmployment: false };
    }
  } else {
    const pool: Recommendation[] =
      input.category === 'mental_health' ? ['psychological_therapy', 'counselling', 'phased_return', 'reasonable_adjustments'] : ['physiotherapy', 'phased_return', 'reasonable_adjustments'];
    recommendations = random.sample(pool, random.int(1, 2));
  }
  return {
    appointmentId,
    fitness,
    limitedDuties,
    recommendations,
    smpQuestions,
    clinicalNotes: 'Synthetic demo record: assessment notes are not shown outside the outcome.',
  };
}
