import type { PoolClient } from 'pg';
import type { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@casework/core/aggregate/command-pipeline';
import { DomainError } from '@casework/core/domain/domain-error';
import type { RecordedEvent } from '@casework/core/event-store/types';
import type { Projection } from '@casework/core/projections/projection';
import { ExecuteReferralCommand } from '@casework/referral/application/execute-referral-command';
import { TRIM_STREAM_CATEGORY, type TrimReferralRequested } from '../domain/trim/events';
import { referralCommandFor, referralLinkCommandFor, type RecordedLike } from '../domain/trim/trim-referral.process';
import { ExecuteCaseCommand } from '@casework/platform/cases/case-commands';

export const TRIM_REFERRAL_PROCESS = 'trim_referral_process_v1';
const ACTOR = { userId: 'system:trim-referral', role: 'system' } as const;

/**
 * TRiM high risk → OH referral. Runs as a checkpointed consumer of TRiM streams: for each
 * TrimReferralRequested it submits an urgent mental-health OH referral, then links it back
 * to the activation. Both command ids derive from the activation, so a redelivered event
 * (after a crash before the checkpoint) appends nothing new: one referral per activation.
 */
export function trimReferralProcessManager(commands: CommandBus): Projection {
  return {
    name: TRIM_REFERRAL_PROCESS,
    categories: [TRIM_STREAM_CATEGORY],
    eventTypes: new Set(['TrimReferralRequested']),
    async handle(recorded: RecordedEvent, _tx: PoolClient): Promise<void> {
      const event = { ...recorded, type: 'TrimReferralRequested', data: recorded.data } as RecordedLike<TrimReferralRequested>;
      const forceId = recorded.metadata.forceId;
      const submit = referralCommandFor(event, { actor: ACTOR });
      const { streamId: _s, correlationId, causationId, referralId, ...submitCommand } = submit;
      try {
        await commands.execute(new ExecuteReferralCommand(referralId, submitCommand, context(submit, forceId, correlationId, causationId)));
      } catch (error) {
        // An earlier delivery submitted it under another id: the referral exists, link it.
        if (!(error instanceof DomainError && error.code === 'REFERRAL.ALREADY_EXISTS')) throw error;
      }
      const link = referralLinkCommandFor(event, { actor: ACTOR });
      const { streamId: _l, correlationId: linkCorrelation, causationId: linkCausation, ...linkCommand } = link;
      const activationId = link.streamId.slice(TRIM_STREAM_CATEGORY.length + 1);
      try {
        await commands.execute(
          new ExecuteCaseCommand(TRIM_STREAM_CATEGORY, activationId, linkCommand, context(link, forceId, linkCorrelation, linkCausation)),
        );
      } catch (error) {
        // The person declined or the activation closed meanwhile: the referral stands, unlinked.
        if (error instanceof DomainError && (error.code === 'TRIM.DECLINED' || error.code === 'TRIM.CLOSED')) return;
        throw error;
      }
    },
    async reset(): Promise<void> {
      // A process manager keeps no read model: a rebuild replays its (idempotent) commands.
    },
  };
}

function context(
  command: { readonly commandId: string; readonly now: Date },
  forceId: string,
  correlationId: string,
  causationId: string,
): CommandContext {
  return { commandId: command.commandId, correlationId, causationId, actor: ACTOR, forceId, occurredAt: command.now };
}
