import { DEV_USERS } from '@casework/identity/auth/dev-users';
import { DEFAULT_REFERRAL_POLICY } from '@casework/referral/domain/deadline-policy';
import { planDemoForce, type DemoForcePlan } from './plan';
import type { SeedCase } from './seed-case';
import { dryRunPlan, type DryRun } from './testing/dry-run';

const NOW = new Date('2026-03-18T10:30:00Z');
const options = { forceId: 'demo', seed: 7, colleagues: 2_000, now: NOW };

function casesOf<W extends SeedCase['workflow']>(plan: DemoForcePlan, workflow: W): Extract<SeedCase, { workflow: W }>[] {
  return plan.cases.filter((c): c is Extract<SeedCase, { workflow: W }> => c.workflow === workflow && !c.afterProcessManagers);
}

function subjectOf(c: SeedCase): string | null {
  const first = c.commands[0] as { type: string; data: Record<string, unknown> };
  const d = first.data;
  const person = d.person as { personId?: string } | undefined;
  return (d.subjectId ?? d.personId ?? person?.personId ?? null) as string | null;
}

describe('the demo force plan', () => {
  let plan: DemoForcePlan;
  let dryRun: DryRun;

  beforeAll(() => {
    plan = planDemoForce(options);
    dryRun = dryRunPlan(plan.cases);
  });

  it('is the same force, command for command, for the same seed', () => {
    const again = planDemoForce(options);
    expect(JSON.stringify(again.cases)).toEqual(JSON.stringify(plan.cases));
    expect(again.colleagues).toEqual(plan.colleagues);
  });

  it('is a different force for another seed', () => {
    const other = planDemoForce({ ...options, seed: 8 });
    expect(other.colleagues.map((c) => c.name)).not.toEqual(plan.colleagues.map((c) => c.name));
  });

  it('has about two thousand colleagues of every employment type, with unique staff numbers', () => {
    expect(plan.colleagues).toHaveLength(2_000);
    expect(new Set(plan.colleagues.map((c) => c.personId)).size).toBe(2_000);
    const share = (type: string) => plan.colleagues.filter((c) => c.employmentType === type).length / 2_000;
    expect(share('police_officer')).toBeGreaterThan(0.5);
    expect(share('police_officer')).toBeLessThan(0.7);
    expect(share('police_staff')).toBeGreaterThan(0.2);
    for (const type of ['pcso', 'special_constable', 'volunteer']) expect(share(type)).toBeGreaterThan(0.005);
    expect(plan.colleagues.filter((c) => c.isStudentOfficer).length).toBeGreaterThan(100);
    expect(new Set(plan.colleagues.map((c) => c.department)).size).toBe(10);
  });

  it('never makes a dev user the subject of a case', () => {
    const devPeople = new Set(DEV_USERS.map((u) => u.personId));
    const subjects = plan.cases.map(subjectOf).filter((s): s is string => s !== null);
    expect(subjects.length).toBeGreaterThan(1_000);
    expect(subjects.filter((s) => devPeople.has(s))).toEqual([]);
    expect(plan.colleagues.filter((c) => devPeople.has(c.personId))).toEqual([]);
  });

  it('runs through the real deciders without breaking a rule, every command deciding something', () => {
    expect(dryRun.failures.slice(0, 5)).toEqual([]);
    expect(dryRun.silent.slice(0, 5)).toEqual([]);
  });

  it('dates nothing after now, and every case in order', () => {
    for (const c of plan.cases) {
      const times = c.commands.map((command) => command.now.getTime());
      expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('has a year of OH referrals, most closed, some at every open stage, some overdue for triage', () => {
    const referrals = casesOf(plan, 'referral');
    expect(referrals.length).toBeGreaterThan(540);
    expect(referrals.length).toBeLessThan(620);
    const last = (c: SeedCase) => (c.commands[c.commands.length - 1] as { type: string }).type;
    const closed = referrals.filter((c) => ['CloseReferral', 'CancelReferral'].includes(last(c)) || (last(c) === 'RecordConsent' && (c.commands[c.commands.length - 1] as { data: { consentGiven: boolean } }).data.consentGiven === false) || (last(c) === 'RecordAttendance' && c.commands.filter((x) => x.type === 'RecordAttendance').length === DEFAULT_REFERRAL_POLICY.maxDidNotAttend && c.commands.every((x) => x.type !== 'RecordOutcome')));
    expect(closed.length / referrals.length).toBeGreaterThan(0.75);
    const openStages = new Set(referrals.filter((c) => !closed.includes(c)).map(last));
    for (const stage of ['SubmitReferral', 'RecordConsent', 'BookAppointment', 'RecordAttendance', 'ScheduleReview']) expect(openStages).toContain(stage);
    const twoWorkingDaysAgo = NOW.getTime() - 4 * 86_400_000;
    const awaitingTriage = referrals.filter((c) => c.commands.length === 1 && c.commands[0]!.now.getTime() < twoWorkingDaysAgo);
    expect(awaitingTriage.length).toBeGreaterThan(5);
    const categories = referrals.map((c) => (c.commands[0] as { data: { category: string } }).data.category);
    const mentalShare = categories.filter((x) => x === 'mental_health').length / categories.length;
    expect(mentalShare).toBeGreaterThan(0.25);
    expect(mentalShare).toBeLessThan(0.45);
  });

  it('gives the dev users work of their own', () => {
    const events = [...dryRun.streams.values()].flat() as { type: string; data: Record<string, unknown> }[];
    const by = (type: string, field: string, who: string) => events.filter((e) => e.type === type && e.data[field] === who).length;
    expect(by('ReferralTriaged', 'advisorId', 'amara.okafor')).toBeGreaterThan(100);
    expect(by('PractitionerAllocated', 'practitionerId', 'ian.walsh')).toBeGreaterThan(20);
    expect(by('WloAssigned', 'wloId', 'olivia.evans')).toBeGreaterThan(5);
    expect(by('ExitInterviewerAllocated', 'interviewerId', 'rachel.kim') + by('StayInterviewerAllocated', 'interviewerId', 'rachel.kim')).toBeGreaterThan(50);
  });

  it('has incidents with repeatedly exposed colleagues, TRiM activations and high follow-ups for OH', () => {
    const incidents = casesOf(plan, 'incident');
    expect(incidents.length).toBe(80);
    const exposures = new Map<string, number>();
    for (const c of incidents) {
      const record = c.commands[0] as unknown as { data: { exposedColleagues: { personId: string }[] } };
      for (const e of record.data.exposedColleagues) exposures.set(e.personId, (exposures.get(e.personId) ?? 0) + 1);
    }
    expect([...exposures.values()].filter((n) => n >= 3).length).toBeGreaterThanOrEqual(8);
    const activations = casesOf(plan, 'trim');
    expect(activations.length).toBeGreaterThan(45);
    expect(activations.length).toBeLessThan(80);
    const requests = [...dryRun.streams.values()].flat().filter((e) => e.type === 'TrimReferralRequested');
    expect(requests.length).toBeGreaterThan(5);
    expect(plan.cases.filter((c) => c.afterProcessManagers && c.workflow === 'referral').length).toBeGreaterThan(3);
    expect(casesOf(plan, 'surveillance').length).toBeGreaterThan(100);
  });

  it('has leavers for every reason with demographics, stay interviews and welfare cases', () => {
    const exits = casesOf(plan, 'exit');
    expect(exits.length).toBeGreaterThan(130);
    expect(exits.length).toBeLessThanOrEqual(150);
    const notified = exits.map((c) => (c.commands[0] as unknown as { data: { reason: string; demographics: Record<string, string> } }).data);
    const reasons = new Set(notified.map((d) => d.reason));
    for (const reason of ['resignation', 'retirement', 'transfer_out']) expect(reasons).toContain(reason);
    expect(notified.filter((d) => d.demographics.sex !== undefined).length / notified.length).toBeGreaterThan(0.8);
    expect(casesOf(plan, 'stay').length).toBeGreaterThan(30);
    expect(casesOf(plan, 'welfare').length).toBe(25);
  });

  it('scales down for a small force', () => {
    const small = planDemoForce({ ...options, colleagues: 200 });
    expect(small.colleagues).toHaveLength(200);
    expect(casesOf(small, 'referral').length).toBeGreaterThan(45);
    expect(casesOf(small, 'incident').length).toBe(8);
    expect(dryRunPlan(small.cases).failures).toEqual([]);
  });
});
