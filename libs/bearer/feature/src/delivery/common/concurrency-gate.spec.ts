import { ConcurrencyGate } from './concurrency-gate';

describe('ConcurrencyGate', () => {
  it('never runs more than its limit at once and runs everything', async () => {
    const gate = new ConcurrencyGate(3);
    let active = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const task = () =>
      gate.run(async () => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise<void>((r) => releases.push(r));
        active -= 1;
        return 'ok';
      });
    const all = Promise.all(Array.from({ length: 10 }, task));
    for (let turns = 0; gate.active + gate.queued > 0 && turns < 1000; turns++) {
      await new Promise((r) => setImmediate(r));
      expect(gate.active).toBeLessThanOrEqual(3);
      releases.splice(0).forEach((r) => r());
    }
    releases.forEach((r) => r());
    expect(await all).toHaveLength(10);
    expect(peak).toBe(3);
    expect(gate.active).toBe(0);
  });

  it('frees the slot when a task throws', async () => {
    const gate = new ConcurrencyGate(1);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(async () => 7)).resolves.toBe(7);
  });

  it('refuses a limit below 1', () => {
    expect(() => new ConcurrencyGate(0)).toThrow(RangeError);
  });
});
