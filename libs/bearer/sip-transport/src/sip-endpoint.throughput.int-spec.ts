import { randomUUID } from 'node:crypto';
import { SipEndpoint } from './sip-endpoint';
import { kamailioProxy } from './testing/kamailio-env';
import { waitFor } from './testing/poll';

// Task 4: how many MESSAGE/s one endpoint relays through Kamailio to one GRUU with 32 in
// flight. Logged, not asserted (a shared box is noisy); the assertions are on delivery.
const TOTAL = Number(process.env.SIP_BENCH_MESSAGES ?? 2000);
const INFLIGHT = 32;

describe('SipEndpoint throughput through Kamailio', () => {
  it(`relays ${TOTAL} MESSAGEs to a GRUU with ${INFLIGHT} in flight`, async () => {
    const aor = `sip:+43-bench-${randomUUID().slice(0, 8)}@example.com`;
    const instanceId = `urn:uuid:${randomUUID()}`;
    const ppg = await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: kamailioProxy(), maxInflight: INFLIGHT, maxWaiting: TOTAL });
    const device = await SipEndpoint.open({ host: '127.0.0.6', outboundProxy: kamailioProxy() });
    try {
      let delivered = 0;
      device.onRequest(({ respond }) => {
        delivered += 1;
        respond(200, 'OK');
      });
      const { pubGruu } = await device.register({ aor, instanceId, expires: 120 });
      const latencies: number[] = [];
      const started = performance.now();
      const results = await Promise.all(
        Array.from({ length: TOTAL }, async (_, i) => {
          const r = await ppg.sendMessage({ requestUri: pubGruu as string, from: 'sip:ppg@example.com', contentType: 'text/plain', body: `push ${i}` });
          latencies.push(Date.now() - r.onWireAt.getTime());
          return r.status;
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
      console.log(
        `SIP throughput: ${TOTAL} MESSAGE in ${seconds.toFixed(2)} s = ${(TOTAL / seconds).toFixed(0)}/s ` +
          `(inflight ${INFLIGHT}); latency p50 ${p(0.5)} ms, p99 ${p(0.99)} ms; retransmissions ${ppg.stats.retransmissions}`,
      );
      const statuses = results.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
      expect(statuses).toEqual({ 200: TOTAL });
      await waitFor('every MESSAGE delivered', () => delivered >= TOTAL);
      expect(delivered).toBe(TOTAL); // retransmissions absorbed, none delivered twice
      await device.unregister({ aor, instanceId });
    } finally {
      await Promise.all([ppg.close(), device.close()]);
    }
  });
});
