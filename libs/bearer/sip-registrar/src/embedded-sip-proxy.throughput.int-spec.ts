import { randomUUID } from 'node:crypto';
import { SipEndpoint } from '@waken/bearer-sip-transport';
import { waitFor } from '@waken/testing';
import { EmbeddedSipProxy } from './embedded-sip-proxy';

// How many MESSAGE/s the embedded proxy relays to one GRUU with 32 in flight (the same
// measurement as sip-endpoint.throughput.int-spec.ts through Kamailio). Logged, not
// asserted: a shared box is noisy; the assertions are on delivery.
const TOTAL = Number(process.env.SIP_BENCH_MESSAGES ?? 2000);
const INFLIGHT = 32;

describe('EmbeddedSipProxy throughput', () => {
  it(`relays ${TOTAL} MESSAGEs to a GRUU with ${INFLIGHT} in flight`, async () => {
    const proxy = await EmbeddedSipProxy.start({ host: '127.0.0.1' });
    const ppg = await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: proxy.outboundProxy(), maxInflight: INFLIGHT, maxWaiting: TOTAL });
    const device = await SipEndpoint.open({ host: '127.0.0.13' });
    try {
      let delivered = 0;
      device.onRequest(({ respond }) => {
        delivered += 1;
        respond(200, 'OK');
      });
      const aor = 'sip:+43-bench@example.com';
      // the device has no outbound proxy; it registers with the proxy address as AOR host
      const { pubGruu } = await device.register({ aor: `sip:+43-bench@${proxy.address.host}:${proxy.address.port}`, instanceId: `urn:uuid:${randomUUID()}`, expires: 120 });
      expect(pubGruu?.startsWith(`${aor};gr=`)).toBe(true);
      const latencies: number[] = [];
      const started = performance.now();
      const statuses = await Promise.all(
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
        `embedded proxy: ${TOTAL} MESSAGE to a GRUU in ${seconds.toFixed(2)} s = ${(TOTAL / seconds).toFixed(0)}/s ` +
          `(inflight ${INFLIGHT}); latency p50 ${p(0.5)} ms, p99 ${p(0.99)} ms; retransmissions ${ppg.stats.retransmissions}`,
      );
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      await waitFor(() => delivered >= TOTAL, { what: 'every MESSAGE delivered' });
      expect(delivered).toBe(TOTAL);
    } finally {
      await Promise.all([ppg.close(), device.close()]);
      await proxy.close();
    }
  });
});
