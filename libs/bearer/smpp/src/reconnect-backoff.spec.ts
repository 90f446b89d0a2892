import { ReconnectBackoff } from './reconnect-backoff';

describe('ReconnectBackoff', () => {
  it('doubles up to the cap, with half of each delay random (equal jitter)', () => {
    const low = new ReconnectBackoff(100, 1_000, () => 0);
    expect(Array.from({ length: 6 }, () => low.next())).toEqual([50, 100, 200, 400, 500, 500]);
    const high = new ReconnectBackoff(100, 1_000, () => 1);
    expect(Array.from({ length: 6 }, () => high.next())).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('starts over after reset()', () => {
    const b = new ReconnectBackoff(100, 1_000, () => 1);
    b.next();
    b.next();
    b.reset();
    expect(b.next()).toBe(100);
  });
});
