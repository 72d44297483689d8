import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandContext, type StreamCodec } from '@casework/core/aggregate/command-pipeline';
import type { Decider } from '@casework/core/domain/decider';
import type { RecordedEvent } from '@casework/core/event-store/types';
import { Metrics } from '@casework/core/observability/metrics';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import { WORKING_CALENDAR } from '@casework/platform/tokens';
import type { ReferralCommand } from '../domain/commands';
import { createReferralDecider } from '../domain/decider';
import { REFERRAL_EVENT_SCHEMA_VERSIONS, referralStreamId, type ReferralEvent } from '../domain/events';
import type { ReferralState } from '../domain/state';
import { ReferralPolicyProvider } from './referral-policy.provider';
import { notFound } from '../domain/errors';
import { DomainError } from '@casework/core/domain/domain-error';

/**
 * Another force's referral must be indistinguishable from a missing one, so the
 * pipeline's generic CASE.NOT_FOUND answers with the same code the decider uses.
 */
export function asReferralError(error: unknown): unknown {
  return error instanceof DomainError && error.code === 'CASE.NOT_FOUND' ? notFound() : error;
}

export interface ReferralCommandOutcome {
  readonly referralId: string;
  readonly revision: bigint;
  readonly state: ReferralState;
  readonly replayed: boolean;
  readonly appended: number;
}

/** One message type carries every referral command through the CQRS bus. */
export class ExecuteReferralCommand extends Command<ReferralCommandOutcome> {
  constructor(
    readonly referralId: string,
    readonly command: ReferralCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export const referralCodec: StreamCodec<ReferralEvent> = {
  decode: (event: RecordedEvent) => ({ type: event.type, data: event.data }) as ReferralEvent,
  schemaVersion: (type) => REFERRAL_EVENT_SCHEMA_VERSIONS[type],
};

@CommandHandler(ExecuteReferralCommand)
export class ExecuteReferralCommandHandler implements ICommandHandler<ExecuteReferralCommand> {
  private readonly deciders = new Map<string, Decider<ReferralCommand, ReferralEvent, ReferralState>>();

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly policies: ReferralPolicyProvider,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
    private readonly metrics: Metrics,
  ) {}

  async execute({ referralId, command, context }: ExecuteReferralCommand): Promise<ReferralCommandOutcome> {
    const timer = this.metrics.appendDuration.startTimer({ workflow: 'referral', command: command.type });
    try {
      const result = await this.pipeline.handle(
        this.deciderFor(context.forceId),
        referralCodec,
        referralStreamId(referralId),
        command,
        context,
      );
      timer({ outcome: 'ok' });
      return { referralId, ...result };
    } catch (error) {
      timer({ outcome: 'error' });
      throw asReferralError(error);
    }
  }

  /** Deciders are pure; one per force's policy is built once and reused. */
  private deciderFor(forceId: string): Decider<ReferralCommand, ReferralEvent, ReferralState> {
    let decider = this.deciders.get(forceId);
    if (!decider) {
      decider = createReferralDecider({ policy: this.policies.forForce(forceId), calendar: this.calendar });
      this.deciders.set(forceId, decider);
    }
    return decider;
  }
}
