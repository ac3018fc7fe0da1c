import { effectiveLease } from './job-status';

describe('job leases', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const held = { status: 'claimed' as const, assigneeId: 'u1', claimedUntil: new Date('2026-11-25T13:00:00Z') };
  const expired = { ...held, claimedUntil: new Date('2026-11-25T11:59:59Z') };

  it('reads a claim whose lease ran out as open, with nobody holding it', () => {
    expect(effectiveLease(held, now)).toBe(held);
    expect(effectiveLease(expired, now)).toEqual({ status: 'open', assigneeId: null, claimedUntil: null });
    expect(effectiveLease({ ...expired, status: 'in_review' }, now).status).toBe('in_review');
  });
});
