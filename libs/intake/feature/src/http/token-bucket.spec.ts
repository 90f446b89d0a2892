import { TokenBuckets } from './token-bucket';

describe('TokenBuckets (per-PI quota, reliability.md S2)', () => {
  it('allows a burst of one second of quota, then refills at the quota rate; keys are independent', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    for (let i = 0; i < 5; i++) expect(buckets.take('pi', 5)).toBe(0);
    expect(buckets.take('pi', 5)).toBe(200);
    expect(buckets.take('other', 5)).toBe(0);
    now += 200;
    expect(buckets.take('pi', 5)).toBe(0);
    expect(buckets.take('pi', 5)).toBeGreaterThan(0);
    now += 10_000;
    for (let i = 0; i < 5; i++) expect(buckets.take('pi', 5)).toBe(0);
    expect(buckets.take('pi', 5)).toBeGreaterThan(0);
  });
});
