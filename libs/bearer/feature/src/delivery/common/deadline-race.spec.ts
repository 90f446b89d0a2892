import { raceDeadline } from './deadline-race';

describe('raceDeadline', () => {
  it('returns the value when the work settles first', async () => {
    expect(await raceDeadline(Promise.resolve(7), new Date(Date.now() + 1000))).toEqual({ settled: true, value: 7 });
  });

  it('gives up at the deadline and swallows the late rejection', async () => {
    let reject: (e: Error) => void = () => undefined;
    const work = new Promise<number>((_, r) => (reject = r));
    expect(await raceDeadline(work, new Date(Date.now() + 20))).toEqual({ settled: false });
    reject(new Error('late'));
  });

  it('passes an early rejection on', async () => {
    await expect(raceDeadline(Promise.reject(new Error('408')), new Date(Date.now() + 1000))).rejects.toThrow('408');
  });

  it('does not fire early for a deadline beyond the 24.8-day timer limit', async () => {
    const result = await raceDeadline(new Promise((r) => setTimeout(() => r('ok'), 30)), new Date('2099-01-01T00:00:00Z'));
    expect(result).toEqual({ settled: true, value: 'ok' });
  });
});
