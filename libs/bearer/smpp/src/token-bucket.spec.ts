import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets `burst` through at once, then one every 1/rate seconds', () => {
    const bucket = new TokenBucket(20, 2, 0);
    expect([bucket.take(0), bucket.take(0)]).toEqual([0, 0]);
    expect(bucket.take(0)).toBe(50);
    expect(bucket.take(49)).toBe(1);
    expect(bucket.take(50)).toBe(0);
  });

  it('never saves more than `burst` tokens while idle', () => {
    const bucket = new TokenBucket(10, 1, 0);
    expect(bucket.take(60_000)).toBe(0);
    expect(bucket.take(60_000)).toBe(100);
  });

  it('is a no-op without a cap, and refuses nonsense limits', () => {
    const bucket = new TokenBucket(Infinity, 1, 0);
    expect(Array.from({ length: 1000 }, () => bucket.take(0)).every((w) => w === 0)).toBe(true);
    expect(() => new TokenBucket(0, 1, 0)).toThrow(RangeError);
    expect(() => new TokenBucket(10, 0, 0)).toThrow(RangeError);
  });
});
