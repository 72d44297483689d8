import type { DomainEvent } from '@casework/core/domain/decider';
import type { EventMetadata } from '@casework/core/event-store/types';
import { deterministicId } from '@casework/core/ids';
import type { SubmitReferral } from '@casework/referral/domain/commands';
import { referralStreamId } from '@casework/referral/domain/events';
import type { RecordReferralOpened } from './commands';
import { trimStreamId, type TrimReferralRequested } from './events';
import type { Actor } from './types';

/**
 * TRiM high risk → OH referral, as a pure process manager. It reacts to
 * TrimReferralRequested and derives every id from the activation, so an event delivered
 * twice (consumers are at-least-once) submits the same referral with the same command id:
 * exactly one OH referral per activation, on every adapter.
 *
 * The worker sends `referralCommandFor` to the referral stream (REFERRAL.ALREADY_EXISTS
 * means an earlier delivery got there first), then `referralLinkCommandFor` to the TRiM
 * stream, which links the referral back and ignores a repeat. TRIM.DECLINED or
 * TRIM.CLOSED on the link mean the person moved on meanwhile: nothing more to do.
 */

/** An event as a subscription delivers it: the stored id and metadata with the payload. */
export type RecordedLike<Event extends DomainEvent> = Event & {
  readonly id: string;
  readonly metadata: Pick<EventMetadata, 'correlationId'>;
};

export interface ProcessMeta {
  /** Who the process manager acts as, e.g. `{ userId: 'system:trim-referral', role: 'system' }`. */
  readonly actor: Actor;
}

/** Where the command goes, and the causal chain it carries into the events it causes. */
interface Routing {
  readonly streamId: string;
  readonly correlationId: string;
  /** The reacted-to event's id. */
  readonly causationId: string;
}

export type TrimReferralSubmission = SubmitReferral & Routing & { readonly referralId: string };
export type TrimReferralLink = RecordReferralOpened & Routing;

const PROCESS = 'trim-referral';

/** The OH referral's id for an activation: stable, so a repeat reaction finds the same one. */
export function trimReferralId(activationId: string): string {
  return deterministicId(PROCESS, activationId);
}

/**
 * An urgent mental-health OH referral for the person, linked to the activation. The line
 * manager is not named: TRiM records stay with TRiM staff, and OH asks the person's
 * consent before its report reaches any manager.
 */
export function referralCommandFor(
  event: RecordedLike<TrimReferralRequested>,
  meta: ProcessMeta,
): TrimReferralSubmission {
  const d = event.data;
  const referralId = trimReferralId(d.activationId);
  return {
    type: 'SubmitReferral',
    referralId,
    streamId: referralStreamId(referralId),
    commandId: deterministicId(PROCESS, d.activationId, 'submit'),
    // The request's business time, not the delivery's, so a redelivery decides the same.
    now: new Date(d.requestedAt),
    actor: meta.actor,
    correlationId: event.metadata.correlationId,
    causationId: event.id,
    data: {
      referralId,
      subjectId: d.personId,
      subjectName: d.personName,
      employmentType: d.employmentType,
      department: d.department,
      role: null,
      source: 'trim',
      category: 'mental_health',
      urgency: 'urgent',
      reason: d.reason,
      referredBy: d.practitionerId,
      lineManagerId: null,
      linkedCaseId: d.activationId,
    },
  };
}

/** Links the referral back to the activation once it is submitted. */
export function referralLinkCommandFor(
  event: RecordedLike<TrimReferralRequested>,
  meta: ProcessMeta,
): TrimReferralLink {
  const { activationId, requestedAt } = event.data;
  return {
    type: 'RecordReferralOpened',
    streamId: trimStreamId(activationId),
    commandId: deterministicId(PROCESS, activationId, 'link'),
    now: new Date(requestedAt),
    actor: meta.actor,
    correlationId: event.metadata.correlationId,
    causationId: event.id,
    data: { referralId: trimReferralId(activationId) },
  };
}
