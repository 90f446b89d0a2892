import { InflightLimiter } from './inflight-limiter';
import { SipTransportError } from './sip-transport-error';

describe('InflightLimiter', () => {
  it('lets `max` through, queues the rest in order and hands slots over on release', async () => {
    const limiter = new InflightLimiter(2, 10);
    const order: number[] = [];
    await limiter.acquire();
    await limiter.acquire();
    const third = limiter.acquire().then(() => order.push(3));
    const fourth = limiter.acquire().then(() => order.push(4));
    expect(limiter.queued).toBe(2);
    limiter.release();
    await third;
    expect(order).toEqual([3]);
    expect(limiter.inflight).toBe(2);
    limiter.release();
    await fourth;
    expect(order).toEqual([3, 4]);
    limiter.release();
    limiter.release();
    expect(limiter.inflight).toBe(0);
  });

  it('refuses beyond the waiting bound and rejects waiters on close', async () => {
    const limiter = new InflightLimiter(1, 1);
    await limiter.acquire();
    const waiter = limiter.acquire();
    await expect(limiter.acquire()).rejects.toBeInstanceOf(SipTransportError);
    limiter.rejectAll(new SipTransportError('closed', 'closed'));
    await expect(waiter).rejects.toMatchObject({ code: 'closed' });
  });
});
