import { DEV_USERS } from '@casework/identity/auth/dev-users';
import type { SeedSummary } from './run-seed';

/** What each seeded user will find waiting, for the roles whose queues the seed fills. */
const HINTS: Readonly<Record<string, string>> = {
  oh_advisor: 'OH referrals in "my queue", some overdue',
  oh_manager: 'the overdue and unassigned referral queues',
  trim_practitioner: 'TRiM activations',
  trim_coordinator: 'TRiM planning and the TRiM queue',
  wellbeing_coordinator: 'the repeat-exposure register, support tasks, surveillance',
  welfare_liaison_officer: 'welfare-liaison cases, some with missed contacts',
  retention_team: 'stay and exit interviews',
  hr: 'leaver reports (small numbers suppressed)',
  people_board: 'the reports',
};

export function seedSummaryLine(forceId: string, s: SeedSummary): string {
  const n = (value: number) => value.toLocaleString('en-GB');
  const what = s.casesRun === 0 ? `already seeded, checked in ${(s.ms / 1000).toFixed(1)} s (planned in ${(s.planMs / 1000).toFixed(1)} s; nothing appended)` : `in ${(s.ms / 1000).toFixed(1)} s (${n(s.commands)} commands, ${n(s.appended)} events)`;
  return (
    `Force "${forceId}": seeded ${n(s.colleagues)} colleagues, ${n(s.referrals)} referrals, ${n(s.incidents)} incidents ` +
    `(${n(s.exposures)} exposures), ${n(s.trimActivations)} TRiM activations, ${n(s.surveillance)} under surveillance, ` +
    `${n(s.leavers)} leavers, ${n(s.stayInterviews)} stay interviews, ${n(s.welfareCases)} welfare cases ${what}`
  );
}

/** One user per role to sign in as, in the seeded force and the others. */
export function signInLines(forceId: string, url: string): string {
  const seen = new Set<string>();
  const lines = DEV_USERS.filter((user) => user.forceId === forceId && !seen.has(user.role) && seen.add(user.role)).map(
    (user) => `  ${user.role.padEnd(24)} ${user.sub.padEnd(18)} ${user.name}${HINTS[user.role] ? ` — ${HINTS[user.role]}` : ''}`,
  );
  const elsewhere = DEV_USERS.filter((user) => user.forceId !== forceId).map((user) => `${user.sub} (${user.role}, force "${user.forceId}")`);
  return [
    `Open ${url}/ and sign in: the sign-in page offers a user picker. One user per role in force "${forceId}":`,
    ...lines,
    ...(elsewhere.length > 0 ? [`  Other forces, to see that cases never cross: ${elsewhere.join(', ')}`] : []),
  ].join('\n');
}
