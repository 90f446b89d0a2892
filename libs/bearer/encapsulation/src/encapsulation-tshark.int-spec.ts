// Our wire forms dissected by TShark, a decoder nobody here wrote (seed §S6): the SIR and SI in UDP
// 9200 → 2948, the same datagram in IPv4 inside GTP-U (packet-switched) and inside PPP (circuit-switched).
import { csdWakeupFrame, psWakeupGpdu } from './adapters/network-wakeups';
import { pppUnframe } from './adapters/ppp-frame';
import { compilePushContent, contentWspPush } from './push-content';
import { sirPayloadFromComposed } from './sir-payload';
import { sirWspPush } from './wsp-sir-push';
import { GRUU, composedSir } from './testing/composed-sir.fixture';
import { dissect } from './testing/tshark';

const SI = '<si><indication href="http://www.example.org/inbox" si-id="msg-42" action="signal-high">You have mail</indication></si>';
const WSP_FIELDS = ['wsp.pdu_type', 'wsp.header.content_type', 'wsp.header.x_wap_application_id', 'wsp.address.ipv4', 'wbxml.known_tag', 'wbxml.str_i'];
const IP_FIELDS = ['gtp.teid', 'ip.checksum.status', 'udp.checksum.status', 'udp.srcport', 'udp.dstport', 'ppp.protocol', ...WSP_FIELDS];
const payload = sirPayloadFromComposed(composedSir());
const ip = { ppgAddress: '10.0.0.1', terminalAddress: '10.0.0.2' };

describe('TShark reads our bearer encodings', () => {
  it('UDP: the SIR push (push.sia, SIA contact point) and SI content (wml.ua, SI elements)', () => {
    const [sir, si] = dissect([sirWspPush(payload), contentWspPush(compilePushContent(SI), { tid: 7 })], ['-u', '9200,2948'], [...WSP_FIELDS, 'wsp.header.name_string', 'wsp.header_text_value']);
    expect(sir).toMatchObject({ 'wsp.pdu_type': ['0x06'], 'wsp.header.content_type': ['application/vnd.wap.sia'], 'wsp.address.ipv4': ['192.0.2.1'] });
    expect(sir['wsp.header.x_wap_application_id']).toEqual(['x-wap-application:push.sia', 'x-wap-application:wml.ua']);
    expect(sir['wsp.header.name_string']).toEqual(['X-Waken-Device-Id']);
    expect(sir['wsp.header_text_value']).toEqual([`gruu; ${GRUU}`]);
    expect(si).toMatchObject({ 'wsp.header.content_type': ['application/vnd.wap.sic'], 'wsp.header.x_wap_application_id': ['x-wap-application:wml.ua'], 'wbxml.known_tag': ['si', 'indication'] });
    expect(si['wbxml.str_i']).toContain('You have mail');
  });

  it('packet-switched: a G-PDU on TEID 77 whose inner IPv4/UDP checksums are good and whose payload is the SIR push', () => {
    const [row] = dissect([psWakeupGpdu(payload, { ...ip, teid: 77 })], ['-u', '2152,2152'], IP_FIELDS);
    expect(row['gtp.teid']).toEqual(['0x0000004d']);
    expect(row['udp.dstport']).toEqual(['2152', '2948']);
    expect(row['ip.checksum.status']).toEqual(['1', '1']); // 1 = good: the outer from text2pcap, the inner ours
    expect(row['udp.checksum.status']).toEqual(['1', '1']);
    expect(row['wsp.header.content_type']).toEqual(['application/vnd.wap.sia']);
  });

  it('circuit-switched: the PPP frame (FCS checked on unframing) carries IPv4 with the SIR push', () => {
    const content = pppUnframe(csdWakeupFrame(payload, ip)); // the datagram; put the PPP header back for linktype 9
    const [row] = dissect([Uint8Array.from([0xff, 0x03, 0x00, 0x21, ...content])], ['-l', '9'], IP_FIELDS);
    expect(row['ppp.protocol']).toEqual(['0x0021']);
    expect(row['ip.checksum.status']).toEqual(['1']);
    expect(row['udp.checksum.status']).toEqual(['1']);
    expect(row).toMatchObject({ 'udp.srcport': ['9200'], 'udp.dstport': ['2948'], 'wsp.pdu_type': ['0x06'], 'wsp.address.ipv4': ['192.0.2.1'] });
  });
});
