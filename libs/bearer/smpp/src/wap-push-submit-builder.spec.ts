import { WapPushSubmitBuilder } from './wap-push-submit-builder';
import { wapSegments } from './test-support/wap-segments';

describe('WapPushSubmitBuilder', () => {
  it('addresses the MSISDN internationally and carries the TTL as absolute validity_period', () => {
    const [body] = WapPushSubmitBuilder.build({
      destination: '+438323546',
      segments: wapSegments(1),
      registeredDelivery: false,
      sourceAddr: '+4366412345',
      expiresAt: new Date('2026-11-26T10:05:07.250Z'),
    });
    expect(body).toMatchObject({ destAddrTon: 1, destAddrNpi: 1, destinationAddr: '438323546', sourceAddrTon: 1, sourceAddr: '4366412345' });
    expect(body.validityPeriod).toBe('261126100507200+');
    expect(body).toMatchObject({ esmClass: 0x40, dataCoding: 0x04, registeredDelivery: 0 });
  });

  it.each([
    ['no segments', { segments: [] }],
    ['256 segments', { segments: Array.from({ length: 256 }, () => wapSegments(1)[0]) }],
    ['a UDHL beyond the segment', { segments: [Uint8Array.from([0x0b, 0x00])] }],
    ['a source that fits no address type', { segments: wapSegments(1), sourceAddr: 'Much too long sender' }],
  ])('refuses %s', (_why, part: { segments: Uint8Array[]; sourceAddr?: string }) => {
    expect(() => WapPushSubmitBuilder.build({ destination: '+438323546', registeredDelivery: false, ...part })).toThrow(RangeError);
  });
});
