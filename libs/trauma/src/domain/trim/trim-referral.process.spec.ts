import { deterministicId } from '@casework/core/ids';
import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import { createReferralDecider } from '@casework/referral/domain/decider';
import { DEFAULT_REFERRAL_POLICY } from '@casework/referral/domain/deadline-policy';
import type { TrimReferralRequested } from './events';
import { calendar, history, REFERRAL_REASON, spec as trimSpec, T } from './testing/trim-fixtures';
import { referralCommandFor, referralLinkCommandFor, type RecordedLike } from './trim-referral.process';

const SYSTEM = { userId: 'system:trim-referral', role: 'system' };

const delivered = (id = 'evt-42'): RecordedLike<TrimReferralRequested> => ({
  ...(history.referralRequested().at(-1) as TrimReferralRequested),
  id,
  metadata: { correlationId: 'corr-1' },
});

describe('TRiM referral process manager', () => {
  it('asks for an urgent mental-health OH referral, sourced from and linked to the activation', () => {
    const referralId = deterministicId('trim-referral', 'act-1');
    expect(referralCommandFor(delivered(), { actor: SYSTEM })).toEqual({
      type: 'SubmitReferral',
      referralId,
      streamId: `referral-${referralId}`,
      commandId: deterministicId('trim-referral', 'act-1', 'submit'),
      now: new Date(T.followUp),
      actor: SYSTEM,
      correlationId: 'corr-1',
      causationId: 'evt-42',
      data: {
        referralId,
        subjectId: 'P-1234',
        subjectName: 'Alex Morgan',
        employmentType: 'police_officer',
        department: 'Response',
        role: null,
        source: 'trim',
        category: 'mental_health',
        urgency: 'urgent',
        reason: REFERRAL_REASON,
        referredBy: 'u-practitioner',
        lineManagerId: null,
        linkedCaseId: 'act-1',
      },
    });
  });

  it('an event delivered twice asks for the very same referral with the very same command', () => {
    const first = referralCommandFor(delivered('evt-42'), { actor: SYSTEM });
    const again = referralCommandFor(delivered('evt-42'), { actor: SYSTEM });
    expect(again).toEqual(first);
  });

  it('the referral decider accepts the command, and refuses a second submission of it', () => {
    const referralDecider = createReferralDecider({ policy: DEFAULT_REFERRAL_POLICY, calendar });
    const referrals = deciderSpec(referralDecider);
    const routed = referralCommandFor(delivered(), { actor: SYSTEM });
    const { referralId: _id, streamId: _stream, correlationId: _c, causationId: _cause, ...submit } = routed;
    referrals.given([]).when(submit).thenState({ status: 'awaiting_triage', source: 'trim', urgency: 'urgent' });
    const created = referralDecider.decide(submit, referralDecider.initialState);
    referrals.given(created).when(submit).thenThrows('REFERRAL.ALREADY_EXISTS');
  });

  it('links the same referral back to the activation, once', () => {
    const link = referralLinkCommandFor(delivered(), { actor: SYSTEM });
    expect(link).toEqual({
      type: 'RecordReferralOpened',
      streamId: 'trim-act-1',
      commandId: deterministicId('trim-referral', 'act-1', 'link'),
      now: new Date(T.followUp),
      actor: SYSTEM,
      correlationId: 'corr-1',
      causationId: 'evt-42',
      data: { referralId: deterministicId('trim-referral', 'act-1') },
    });
    const { streamId: _s, correlationId: _c, causationId: _cause, ...recordOpened } = link;
    trimSpec.given(history.referralRequested()).when(recordOpened).thenState({ status: 'referred' });
    trimSpec
      .given([
        ...history.referralRequested(),
        { type: 'TrimReferralOpened', data: { referralId: link.data.referralId, linkedAt: T.linked } },
      ])
      .when(recordOpened)
      .thenNothing();
  });
});
