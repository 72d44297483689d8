import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { CommandPipeline } from '@casework/core/aggregate/command-pipeline';
import { assertNotOwnCase } from '@casework/platform/cases/case-sender';
import type { Actor } from '@casework/platform/http/actor';
import { timelineItem, type TimelineItem } from '@casework/platform/http/timeline';
import { PG_POOL } from '@casework/platform/tokens';
import type { OpenDeadline } from '@casework/timers/domain/deadline-ledger';
import { evolve, initialReferralState, type ExistingReferral, type ReferralState } from '../domain/state';
import type { RecordedEvent } from '@casework/core/event-store/types';
import { referralStreamId } from '../domain/events';
import { describeReferralEvent } from '../domain/timeline';
import { queryReferralQueue, type QueueFilter, type QueuePage } from '../read-models/referral-queue.query';
import { queryReferralTeam, type TeamItem } from '../read-models/referral-team.query';
import { notFound } from '../domain/errors';
import { asReferralError, referralCodec } from './execute-referral-command';
import { isManagerOf, managerIdsOf, referralManagerView, type ReferralManagerView } from './referral-manager-view';
import { describeStatus } from './referral-status-text';

/** A referral as the API shows it: open deadlines as a list rather than keyed by kind. */
export type ReferralDto = Omit<ExistingReferral, 'deadlines'> & { readonly deadlines: readonly OpenDeadline[] };

export interface ReferralView {
  readonly referral: ReferralDto;
  readonly revision: bigint;
}

export interface TeamPageView {
  readonly items: readonly (TeamItem & { readonly statusText: string })[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
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

  /** With `viewer`, their own referral is refused (AUTH.OWN_CASE): staff never read their own case. */
  async get(referralId: string, forceId: string, viewer?: Actor): Promise<ReferralView> {
    const { state, revision } = await this.load(referralId, forceId);
    if (state.status === 'none') throw notFound();
    if (viewer) assertNotOwnCase(viewer, state.subject.subjectId);
    return { referral: toView(state), revision };
  }

  /** Every event of the case as a line of history: who, what, when (business time). */
  async timeline(referralId: string, forceId: string, viewer?: Actor): Promise<{ items: TimelineItem[]; revision: bigint }> {
    const { state, events, revision } = await this.load(referralId, forceId);
    if (events.length === 0 || state.status === 'none') throw notFound();
    if (viewer) assertNotOwnCase(viewer, state.subject.subjectId);
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

  /**
   * Before a command: refuses the caller's own referral (404 when it does not exist in
   * their force). The subject never changes, so a check ahead of the append is enough;
   * a caller without a staff number in their token cannot be matched and costs no read.
   */
  async assertNotOwn(referralId: string, actor: Actor): Promise<void> {
    if (!actor.personId) return;
    await this.get(referralId, actor.forceId, actor);
  }

  queue(filter: QueueFilter): Promise<QueuePage> {
    return queryReferralQueue(this.pool, filter);
  }

  /** The referrals naming the caller as line manager or referrer (never their own). */
  async team(actor: Actor, options: { openOnly: boolean; page: number; pageSize: number }): Promise<TeamPageView> {
    const page = await queryReferralTeam(this.pool, {
      forceId: actor.forceId,
      managerIds: managerIdsOf(actor),
      excludeSubjectId: actor.personId ?? null,
      ...options,
    });
    return { ...page, items: page.items.map((item) => ({ ...item, statusText: describeStatus(item.status) })) };
  }

  /**
   * A line manager's view of one referral, from its stream. A referral that does not name
   * the caller as line manager or referrer is a 404, exactly like a missing one; their own
   * referral is refused (AUTH.OWN_CASE) like every staff route.
   */
  async managerView(referralId: string, actor: Actor): Promise<ReferralManagerView> {
    const { state, events } = await this.load(referralId, actor.forceId);
    const decoded = events.map((recorded) => referralCodec.decode(recorded));
    const submitted = decoded.find((event) => event.type === 'ReferralSubmitted');
    if (state.status === 'none' || submitted?.type !== 'ReferralSubmitted' || !isManagerOf(submitted.data, managerIdsOf(actor))) {
      throw notFound();
    }
    assertNotOwnCase(actor, state.subject.subjectId);
    const last = events[events.length - 1];
    const lastChangedAt = last ? new Date(last.metadata.occurredAt).toISOString() : state.submittedAt;
    return referralManagerView(state, decoded, lastChangedAt);
  }
}


export function toView(state: ExistingReferral): ReferralDto {
  const { deadlines, ...rest } = state;
  return { ...rest, deadlines: Object.values(deadlines) };
}
