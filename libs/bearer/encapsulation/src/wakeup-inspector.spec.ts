import { encodeWspPush } from '@waken/bearer-wsp';
import { DecodeError, utf8 } from '@waken/wire';
import { compilePushContent, contentWspPush } from './push-content';
import { sipMessageFor } from './sip-wire-message';
import { sipWakeupFor } from './sip-wakeup';
import { sirPayloadFromComposed } from './sir-payload';
import { smsSegmentsFor } from './sms-segments';
import { sirWspPush } from './wsp-sir-push';
import { GRUU, composedSir } from './testing/composed-sir.fixture';
import { inspectSipPush, inspectSmsPush, inspectUdpPush } from './wakeup-inspector';

const SL = '<sl href="https://www.example.com/app" action="execute-high"/>';

describe('wakeup inspectors (the terminal side of seed §S6, §C1)', () => {
  const composed = composedSir();
  const payload = sirPayloadFromComposed(composed);

  it('SMS: ports, segment count, WSP headers and the SIR with its identity restored', () => {
    const view = inspectSmsPush(smsSegmentsFor(sirWspPush(payload), composed.sir.sirId));
    expect(view.ports).toEqual({ source: 9200, destination: 2948 });
    expect(view.segments).toBeGreaterThan(1);
    expect(view.wsp).toMatchObject({ pduType: 'push', contentType: 'application/vnd.wap.sia', applicationId: 'x-wap-application:push.sia' });
    expect(view.wsp.headers).toEqual([{ name: 'X-Waken-Device-Id', value: `gruu; ${GRUU}` }]);
    expect(view.content).toEqual({
      kind: 'sir',
      contentType: 'application/vnd.wap.sia',
      sir: composed.sir,
      identityFoundIn: ['body', 'header'],
      applicationIds: ['x-wap-application:wml.ua'],
      contactPoints: [{ bearerType: 0, port: 9201, address: '192.0.2.1' }],
    });
  });

  it('UDP: SL content decompiled to XML', () => {
    const view = inspectUdpPush(contentWspPush(compilePushContent(SL), { tid: 4 }));
    expect(view.wsp).toMatchObject({ tid: 4, contentType: 'application/vnd.wap.slc', applicationId: 'x-wap-application:wml.ua' });
    expect(view.content).toMatchObject({ kind: 'wbxml', publicId: '-//WAPFORUM//DTD SL 1.0//EN' });
    expect(view.content.kind === 'wbxml' && view.content.xml).toContain('href="https://www.example.com/app"');
  });

  it('unknown content is shown as hex', () => {
    const view = inspectUdpPush(encodeWspPush({ tid: 1, pduType: 'push', contentType: { type: 'text/plain' }, body: Uint8Array.of(0x68, 0x69) }));
    expect(view.content).toEqual({ kind: 'opaque', contentType: 'text/plain', hex: '6869' });
  });

  it('SIP: request line, headers and the SIR JSON body', () => {
    const raw = sipMessageFor(sipWakeupFor(payload, GRUU), { ppgUri: 'sip:ppg@127.0.0.1:5070', viaHostPort: '127.0.0.1:5070', messageId: 'm' });
    const view = inspectSipPush(raw);
    expect(view.sip).toMatchObject({ method: 'MESSAGE', requestUri: GRUU });
    expect(view.content).toMatchObject({ kind: 'sir', sir: composed.sir, contentType: 'application/vnd.waken.sir+json' });
  });

  it('refuses a SIR that names two devices, and a SIP response', () => {
    const raw = utf8(sipMessageFor(sipWakeupFor(payload, GRUU), { ppgUri: 'sip:ppg@127.0.0.1:5070', viaHostPort: '127.0.0.1:5070', messageId: 'm' }));
    const twice = raw.replace('X-Waken-Device-Id:', 'X-Waken-Device-Id: uuid; urn:uuid:00000000-0000-4000-8000-000000000000\r\nX-Waken-Device-Id:');
    expect(() => inspectSipPush(new TextEncoder().encode(twice))).toThrow(DecodeError);
    const response = 'SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\nCall-ID: x\r\nCSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n';
    expect(() => inspectSipPush(new TextEncoder().encode(response))).toThrow(DecodeError);
  });
});
