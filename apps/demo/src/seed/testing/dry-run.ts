import type { Decider, DomainEvent } from '@casework/core/domain/decider';
import { calendarFromHolidaysFile } from '@casework/core/time/working-calendar';
import { createReferralDecider } from '@casework/referral/domain/decider';
import { DEFAULT_REFERRAL_POLICY } from '@casework/referral/domain/deadline-policy';
import { createExitDecider } from '@casework/retention/domain/exit/decider';
import { DEFAULT_EXIT_POLICY } from '@casework/retention/domain/exit/policy';
import { createStayDecider } from '@casework/retention/domain/stay/decider';
import { DEFAULT_STAY_POLICY } from '@casework/retention/domain/stay/policy';
import { createWelfareDecider } from '@casework/retention/domain/welfare/decider';
import { DEFAULT_WELFARE_POLICY } from '@casework/retention/domain/welfare/policy';
import { createIncidentDecider } from '@casework/trauma/domain/incident/decider';
import { DEFAULT_ESTIP_POLICY } from '@casework/trauma/domain/incident/estip-policy';
import { DEFAULT_INCIDENT_TAXONOMY } from '@casework/trauma/domain/incident/incident-taxonomy';
import { createSurveillanceDecider } from '@casework/trauma/domain/surveillance/decider';
import { DEFAULT_SURVEILLANCE_POLICY } from '@casework/trauma/domain/surveillance/surveillance-policy';
import { createTrimDecider } from '@casework/trauma/domain/trim/decider';
import type { TrimReferralRequested } from '@casework/trauma/domain/trim/events';
import { DEFAULT_TRIM_POLICY } from '@casework/trauma/domain/trim/policy';
import { referralCommandFor, referralLinkCommandFor } from '@casework/trauma/domain/trim/trim-referral.process';
import type { SeedCase, Workflow } from '../seed-case';

const calendar = calendarFromHolidaysFile();
const deciders: Readonly<Record<Workflow, Decider<unknown, DomainEvent, unknown>>> = {
  referral: createReferralDecider({ policy: DEFAULT_REFERRAL_POLICY, calendar }) as never,
  incident: createIncidentDecider({ policy: DEFAULT_ESTIP_POLICY, taxonomy: DEFAULT_INCIDENT_TAXONOMY, calendar }) as never,
  trim: createTrimDecider({ policy: DEFAULT_TRIM_POLICY, calendar }) as never,
  surveillance: createSurveillanceDecider({ policy: DEFAULT_SURVEILLANCE_POLICY, calendar }) as never,
  exit: createExitDecider({ policy: DEFAULT_EXIT_POLICY, calendar }) as never,
  stay: createStayDecider({ policy: DEFAULT_STAY_POLICY, calendar }) as never,
  welfare: createWelfareDecider({ policy: DEFAULT_WELFARE_POLICY, calendar }) as never,
};

export interface DryRunFailure {
  readonly workflow: Workflow;
  readonly caseId: string;
  readonly command: string;
  readonly error: string;
}

export interface DryRun {
  /** Every stream's events, as the pure deciders decided them (keyed `<workflow>-<caseId>`). */
  readonly streams: ReadonlyMap<string, readonly DomainEvent[]>;
  readonly failures: readonly DryRunFailure[];
  /** Commands that decided nothing: a seed must not plan those (a re-run could not tell they ran). */
  readonly silent: readonly DryRunFailure[];
}

/**
 * Runs a plan through the real deciders with the default policies, in memory, playing
 * the TRiM → OH process manager's part between the history and what follows it.
 */
export function dryRunPlan(cases: readonly SeedCase[]): DryRun {
  const states = new Map<string, unknown>();
  const streams = new Map<string, DomainEvent[]>();
  const failures: DryRunFailure[] = [];
  const silent: DryRunFailure[] = [];
  const apply = (workflow: Workflow, caseId: string, commands: readonly { type: string }[], quietAllowed = false) => {
    const decider = deciders[workflow];
    const key = `${workflow}-${caseId}`;
    let state = states.get(key) ?? decider.initialState;
    for (const command of commands) {
      try {
        const events = decider.decide(command, state);
        if (events.length === 0 && !quietAllowed) silent.push({ workflow, caseId, command: command.type, error: 'decided nothing' });
        state = events.reduce(decider.evolve, state);
        streams.set(key, [...(streams.get(key) ?? []), ...events]);
      } catch (error) {
        failures.push({ workflow, caseId, command: command.type, error: error instanceof Error ? error.message : String(error) });
        return;
      }
    }
    states.set(key, state);
  };
  const history = cases.filter((c) => !c.afterProcessManagers);
  for (const c of history) apply(c.workflow, c.caseId, c.commands);
  // What the TRiM → OH process manager does with each referral request.
  for (const [key, events] of [...streams.entries()]) {
    if (!key.startsWith('trim-')) continue;
    for (const event of events.filter((e): e is TrimReferralRequested => e.type === 'TrimReferralRequested')) {
      const recorded = { ...event, id: `${key}-request`, metadata: { correlationId: 'dry-run' } };
      const { referralId, ...submit } = referralCommandFor(recorded, { actor: { userId: 'system:trim-referral', role: 'system' } });
      apply('referral', referralId, [submit]);
      apply('trim', key.slice('trim-'.length), [referralLinkCommandFor(recorded, { actor: { userId: 'system:trim-referral', role: 'system' } })]);
    }
  }
  for (const c of cases.filter((c) => c.afterProcessManagers)) apply(c.workflow, c.caseId, c.commands);
  return { streams, failures, silent };
}
