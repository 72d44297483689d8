import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { CommandPipeline } from '@casework/core/aggregate/command-pipeline';
import { timelineItem, type TimelineItem } from '@casework/platform/http/timeline';
import { PG_POOL } from '@casework/platform/tokens';
import type { OpenDeadline } from '@casework/timers/domain/deadline-ledger';
import { evolve, initialReferralState, type ExistingReferral, type ReferralState } from '../domain/state';
import type { RecordedEvent } from '@casework/core/event-store/types';
import { referralStreamId } from '../domain/events';
import { describeReferralEvent } from '../domain/timeline';
import { queryReferralQueue, type QueueFilter, type QueuePage } from '../read-models/referral-queue.query';
import { notFound } from '../domain/errors';
import { asReferralError, referralCodec } from './execute-referral-command';

/** A referral as the API shows it: open deadlines as a list rather than keyed by kind. */
export type ReferralDto = Omit<ExistingReferral, 'deadlines'> & { readonly deadlines: readonly OpenDeadline[] };

export interface ReferralView {
  readonly referral: ReferralDto;
  readonly revision: bigint;
}


/**
 * What OH staff read: one case from its own stream (always current, never stale), its
 * timeline, and the queue from the read model.
 */
@Injectable()
export class ReferralReader {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async get(referralId: string, forceId: string): Promise<ReferralView> {
    const { state, revision } = await this.load(referralId, forceId);
    if (state.status === 'none') throw notFound();
    return { referral: toView(state), revision };
  }

  /** Every event of the case as a line of history: who, what, when (business time). */
  async timeline(referralId: string, forceId: string): Promise<{ items: TimelineItem[]; revision: bigint }> {
    const { events, revision } = await this.load(referralId, forceId);
    if (events.length === 0) throw notFound();
    const items = events.map((recorded) => timelineItem(recorded, describeReferralEvent(referralCodec.decode(recorded))));
    return { items, revision };
  }

  private async load(
    referralId: string,
    forceId: string,
  ): Promise<{ state: ReferralState; revision: bigint; events: RecordedEvent[] }> {
    try {
      return await this.pipeline.load({ evolve, initialState: initialReferralState }, referralCodec, referralStreamId(referralId), forceId);
    } catch (error) {
      throw asReferralError(error);
    }
  }

  queue(filter: QueueFilter): Promise<QueuePage> {
    return queryReferralQueue(this.pool, filter);
  }
}


export function toView(state: ExistingReferral): ReferralDto {
  const { deadlines, ...rest } = state;
  return { ...rest, deadlines: Object.values(deadlines) };
}
