import { DEFAULT_RETENTION_POLICY, isExpired, parseRetentionPolicy, RetentionPolicyError } from './retention-policy';

const closed = [
  { type: 'ReferralSubmitted', occurredAt: '2026-03-02T09:00:00.000Z' },
  { type: 'ReferralClosed', occurredAt: '2026-04-01T09:00:00.000Z' },
];

describe('retention policy', () => {
  it('a closed referral expires seven years after its last event, not a day before', () => {
    const rule = DEFAULT_RETENTION_POLICY.referral!;
    expect(isExpired(rule, 'referral', closed, new Date('2033-03-31T09:00:00.000Z'))).toBe(false);
    expect(isExpired(rule, 'referral', closed, new Date('2033-04-01T09:00:00.000Z'))).toBe(true);
  });

  it('an open or reopened referral never expires by closure', () => {
    const rule = DEFAULT_RETENTION_POLICY.referral!;
    const far = new Date('2090-01-01T00:00:00.000Z');
    expect(isExpired(rule, 'referral', closed.slice(0, 1), far)).toBe(false);
    expect(isExpired(rule, 'referral', [...closed, { type: 'ReferralReopened', occurredAt: '2026-05-01T09:00:00.000Z' }], far)).toBe(false);
  });

  it('a cancelled referral with a waiver after it is closed', () => {
    const events = [...closed.slice(0, 1), { type: 'ReferralCancelled', occurredAt: '2026-03-03T09:00:00.000Z' }, { type: 'DeadlineWaived', occurredAt: '2026-03-03T09:00:00.000Z' }];
    expect(isExpired(DEFAULT_RETENTION_POLICY.referral!, 'referral', events, new Date('2034-01-01T00:00:00.000Z'))).toBe(true);
  });

  it('surveillance records run forty years from the last entry, open or not', () => {
    const events = [{ type: 'SurveillanceEnrolled', occurredAt: '2026-03-02T09:00:00.000Z' }];
    const rule = DEFAULT_RETENTION_POLICY.surveillance!;
    expect(isExpired(rule, 'surveillance', events, new Date('2066-03-01T00:00:00.000Z'))).toBe(false);
    expect(isExpired(rule, 'surveillance', events, new Date('2066-03-02T09:00:00.000Z'))).toBe(true);
  });

  it('a policy file overrides some record types and keeps the defaults for the rest', () => {
    const policy = parseRetentionPolicy({ referral: { years: 10 }, exit: { years: 3, from: 'last_event' } });
    expect(policy.referral).toEqual({ years: 10, from: 'closure' });
    expect(policy.exit).toEqual({ years: 3, from: 'last_event' });
    expect(policy.trim).toEqual(DEFAULT_RETENTION_POLICY.trim);
  });

  it('a bad policy file is refused with every problem named', () => {
    let error: unknown;
    try {
      parseRetentionPolicy({ referal: { years: 7 }, trim: { years: 0 }, exit: { years: 6, from: 'opening', extra: 1 } }, 'policy.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RetentionPolicyError);
    expect((error as RetentionPolicyError).problems).toEqual([
      expect.stringContaining('referal: unknown record type'),
      'trim.years: must be a whole number of years from 1 to 100',
      'exit: unknown field(s) extra',
      'exit.from: must be "closure" or "last_event"',
    ]);
    expect(() => parseRetentionPolicy([])).toThrow(RetentionPolicyError);
  });
});
