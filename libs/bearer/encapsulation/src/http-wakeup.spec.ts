import { decodeSia, decodeSirJson } from '@waken/sir-domain';
import { httpWakeupFor } from './http-wakeup';
import { sirPayloadFromComposed } from './sir-payload';
import { GRUU, composedSir } from './testing/composed-sir.fixture';

describe('httpWakeupFor (seed §S6 HTTP)', () => {
  const payload = sirPayloadFromComposed(composedSir());

  it('POSTs the SIR JSON with X-Wap-Application-Id push.sia and the identity header', () => {
    const wakeup = httpWakeupFor(payload, 'https://device.example.com/push');
    expect(wakeup).toMatchObject({
      url: 'https://device.example.com/push',
      contentType: 'application/vnd.waken.sir+json',
      headers: { 'X-Waken-Device-Id': `gruu; ${GRUU}`, 'X-Wap-Application-Id': 'x-wap-application:push.sia' },
    });
    expect(decodeSirJson(wakeup.body)).toEqual(payload.sir);
    expect(decodeSia(httpWakeupFor(payload, 'http://127.0.0.1:8085/push', 'sia').body).sir).toEqual(payload.sir);
  });

  it.each(['ftp://x.example/p', 'javascript:alert(1)', 'HTTP://x.example/', 'http://x.example/\r\nHost: evil', 'not a url'])('refuses %j', (url) => {
    expect(() => httpWakeupFor(payload, url)).toThrow(expect.objectContaining({ reason: 'bad-address' }));
  });
});
