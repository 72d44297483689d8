import type { WorkingCalendar } from '@casework/core/time/calendar';
import type { SurveillanceCommand } from '../domain/surveillance/commands';
import { createSurveillanceDecider } from '../domain/surveillance/decider';
import {
  SURVEILLANCE_EVENT_SCHEMA_VERSIONS,
  SURVEILLANCE_STREAM_CATEGORY,
  type SurveillanceEvent,
} from '../domain/surveillance/events';
import type { SurveillanceState } from '../domain/surveillance/state';
import { validateSurveillancePolicy, type SurveillancePolicy } from '../domain/surveillance/surveillance-policy';
import { describeSurveillanceEvent } from '../domain/surveillance/timeline';
import { escalateDeadlineCommand, memoised, plainCodec, type CaseWorkflow } from '@casework/platform/cases/case-commands';

export type SurveillanceWorkflow = CaseWorkflow<SurveillanceCommand, SurveillanceEvent, SurveillanceState>;

/**
 * Psychological surveillance as a case workflow: one stream per person
 * (`surveillance-<surveillanceId(forceId, personId)>`), one decider per force's policy. A fired
 * screening-deadline timer sends EscalateDeadline, which records the rung only if the
 * screening is still owed.
 */
export function surveillanceWorkflow(
  policyFor: (forceId: string) => SurveillancePolicy,
  calendar: WorkingCalendar,
): SurveillanceWorkflow {
  return {
    category: SURVEILLANCE_STREAM_CATEGORY,
    errorPrefix: 'SURVEILLANCE',
    codec: plainCodec<SurveillanceEvent>(SURVEILLANCE_EVENT_SCHEMA_VERSIONS),
    deciderFor: memoised((forceId) => {
      const policy = policyFor(forceId);
      // Policies are validated at start-up; this only guards a caller that skipped that.
      const problems = validateSurveillancePolicy(policy);
      if (problems.length > 0) {
        throw new Error(`Invalid surveillance policy for ${forceId}:\n  - ${problems.join('\n  - ')}`);
      }
      return createSurveillanceDecider({ policy, calendar });
    }),
    describe: describeSurveillanceEvent,
    escalation: escalateDeadlineCommand,
  };
}
