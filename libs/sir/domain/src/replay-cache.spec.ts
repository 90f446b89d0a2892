import fc from 'fast-check';
import { ReplayCache } from './replay-cache';

describe('ReplayCache', () => {
  it('remembers keys until they expire', () => {
    const cache = new ReplayCache(10);
    expect(cache.checkAndRemember(['a'], 1_000, 0)).toBe(true);
    expect(cache.checkAndRemember(['a'], 1_000, 999)).toBe(false);
    expect(cache.checkAndRemember(['a'], 2_000, 1_000)).toBe(true);
    expect(cache.size).toBe(1);
  });

  it('treats a batch as one: any seen key is a replay and nothing new is stored', () => {
    const cache = new ReplayCache(10);
    cache.checkAndRemember(['nonce:1', 'sir:x'], 100, 0);
    expect(cache.checkAndRemember(['nonce:2', 'sir:x'], 100, 0)).toBe(false);
    expect(cache.has('nonce:2', 0)).toBe(false);
  });

  it('purges expired entries, then evicts the soonest-expiring entry at capacity', () => {
    const cache = new ReplayCache(3);
    cache.checkAndRemember(['late'], 300, 0);
    cache.checkAndRemember(['soon'], 100, 0);
    cache.checkAndRemember(['mid'], 200, 0);
    cache.checkAndRemember(['new'], 400, 0);
    expect(cache.size).toBe(3);
    expect(cache.has('soon', 0)).toBe(false);
    expect(['late', 'mid', 'new'].every((k) => cache.has(k, 0))).toBe(true);
    cache.checkAndRemember(['x'], 500, 250);
    expect(cache.has('mid', 250)).toBe(false);
    expect(cache.size).toBe(3);
  });

  it('never exceeds its capacity and keeps the latest-expiring keys', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 1, max: 1000 })), { maxLength: 200 }), (ops) => {
        const cache = new ReplayCache(16);
        for (const [key, expiry] of ops) cache.checkAndRemember([key], expiry, 0);
        return cache.size <= 16;
      }),
    );
  });

  it('rejects a nonsensical capacity', () => {
    expect(() => new ReplayCache(0)).toThrow(RangeError);
  });
});
