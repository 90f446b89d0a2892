import fc from 'fast-check';
import { fromHex } from '@waken/wire';
import { SmppDecodeError } from './smpp-decode-error';
import { SmppPduCodec } from './smpp-pdu-codec';
import { SmppStreamFramer } from './smpp-stream-framer';
import { smppPduArbitrary } from './test-support/smpp-arbitraries';

describe('SmppStreamFramer', () => {
  it('yields the same PDUs however the TCP stream is cut', () => {
    fc.assert(
      fc.property(fc.array(smppPduArbitrary, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 8 }), (pdus, cuts) => {
        const stream = Buffer.concat(pdus.map((p) => SmppPduCodec.encode(p)));
        const points = [...new Set(cuts.map((c) => c % stream.length))].sort((a, b) => a - b);
        const framer = new SmppStreamFramer();
        const frames = [0, ...points].flatMap((start, i) => framer.push(stream.subarray(start, points[i] ?? stream.length)));
        expect(frames.map((f) => SmppPduCodec.decode(f))).toEqual(pdus);
        expect(framer.buffered).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a hostile command_length as soon as its 4 octets arrive (reliability #26)', () => {
    for (const hex of ['ffffffff', '0000000f', '00010001', '00000000']) {
      expect(() => new SmppStreamFramer().push(fromHex(hex))).toThrow(SmppDecodeError);
    }
  });

  it('reports the sequence number when the header is complete, and stays broken afterwards', () => {
    const framer = new SmppStreamFramer();
    const bad = fromHex('00000008 00000015 00000000 0000002a');
    expect(() => framer.push(bad)).toThrow(expect.objectContaining({ sequenceNumber: 42, commandStatus: 2 }));
    expect(() => framer.push(SmppPduCodec.encode({ command: 'enquire_link', commandStatus: 0, sequenceNumber: 1 }))).toThrow(SmppDecodeError);
  });

  it('accepts exactly 64 KiB and waits for the rest of it', () => {
    const framer = new SmppStreamFramer();
    expect(framer.push(fromHex('00010000 00000115 00000000 00000001'))).toEqual([]);
    expect(framer.push(new Uint8Array(0x10000 - 16))).toHaveLength(1);
  });
});
