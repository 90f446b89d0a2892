import { fromHex, toHex } from '@waken/wire';
import { internetChecksum, ipv4UdpPacket } from './ipv4-udp-packet';

describe('IPv4 + UDP packet (RFC 791, RFC 768, RFC 1071)', () => {
  it('computes the well-known header checksum B861', () => {
    expect(internetChecksum([fromHex('4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7')])).toBe(0xb861);
  });

  it('builds a packet whose checksums verify to zero and whose fields are where RFC 791 puts them', () => {
    const payload = Uint8Array.of(1, 6, 3, 0xb4, 0xaf, 0x81, 0);
    const packet = ipv4UdpPacket({ source: { address: '10.0.0.1', port: 9200 }, destination: { address: '10.0.0.2', port: 2948 }, payload, identification: 0x1234 });
    expect(packet).toHaveLength(20 + 8 + payload.length);
    expect(toHex(packet.subarray(0, 10))).toBe('4500002312344000' + '4011');
    expect(toHex(packet.subarray(12, 20))).toBe('0a0000010a000002');
    expect(internetChecksum([packet.subarray(0, 20)])).toBe(0);
    const pseudo = Uint8Array.of(10, 0, 0, 1, 10, 0, 0, 2, 0, 17, 0, 15);
    expect(internetChecksum([pseudo, packet.subarray(20)])).toBe(0);
    expect(toHex(packet.subarray(20, 26))).toBe('23f00b84000f');
  });

  it('refuses a non-IPv4 address and a payload beyond one datagram', () => {
    const spec = { source: { address: '10.0.0.1', port: 1 }, destination: { address: 'x', port: 2 }, payload: new Uint8Array(1) };
    expect(() => ipv4UdpPacket(spec)).toThrow(expect.objectContaining({ reason: 'bad-address' }));
    expect(() => ipv4UdpPacket({ ...spec, destination: { address: '10.0.0.2', port: 2 }, payload: new Uint8Array(65508) })).toThrow(expect.objectContaining({ reason: 'too-large' }));
  });
});
