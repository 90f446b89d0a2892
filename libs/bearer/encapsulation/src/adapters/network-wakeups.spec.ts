import { decodeWspPush } from '@waken/bearer-wsp';
import { decodeSia } from '@waken/sir-domain';
import { sirPayloadFromComposed } from '../sir-payload';
import { sirWspPush } from '../wsp-sir-push';
import { composedSir } from '../testing/composed-sir.fixture';
import { parseGtpuGpdu } from './gtpu-gpdu';
import { csdWakeupFrame, psWakeupGpdu, sirIpPacket } from './network-wakeups';
import { pppUnframe } from './ppp-frame';

describe('circuit- and packet-switched adapters (seed §S6)', () => {
  const payload = sirPayloadFromComposed(composedSir());
  const spec = { ppgAddress: '10.0.0.1', terminalAddress: '10.0.0.2' };

  it('puts the UDP bearer datagram in IPv4 9200 → 2948, identically for the same SIR', () => {
    const packet = sirIpPacket(payload, spec);
    expect(packet.subarray(20, 24)).toEqual(Uint8Array.of(0x23, 0xf0, 0x0b, 0x84));
    expect(packet.subarray(28)).toEqual(sirWspPush(payload));
    expect(sirIpPacket(payload, spec)).toEqual(packet);
  });

  it('CSD: one PPP frame whose datagram carries the SIR', () => {
    const datagram = pppUnframe(csdWakeupFrame(payload, spec));
    expect(decodeSia(decodeWspPush(datagram.subarray(28)).body).sir).toEqual(payload.sir);
  });

  it('GPRS/UMTS: a G-PDU on the PDP context TEID whose T-PDU carries the SIR', () => {
    const { teid, tpdu } = parseGtpuGpdu(psWakeupGpdu(payload, { ...spec, teid: 0xcafe }));
    expect(teid).toBe(0xcafe);
    expect(decodeSia(decodeWspPush(tpdu.subarray(28)).body).sir).toEqual(payload.sir);
  });
});
