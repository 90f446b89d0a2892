import { parseSipMessage, type SipResponse } from '@waken/bearer-sip';
import { readGruuBinding } from './gruu-binding';

const UUID1 = 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6';
const UUID2 = 'urn:uuid:0a1b2c3d-7dec-11d0-a765-00a0c91e6bf6';

const ok = (contacts: string[], extra: string[] = []): SipResponse =>
  parseSipMessage(
    [
      'SIP/2.0 200 OK', 'Via: SIP/2.0/UDP 127.0.0.2:5070;branch=z9hG4bK1', 'From: <sip:a@example.com>;tag=1',
      'To: <sip:a@example.com>;tag=2', 'Call-ID: c', 'CSeq: 1 REGISTER', ...contacts.map((c) => `Contact: ${c}`), ...extra,
      'Content-Length: 0', '', '',
    ].join('\r\n'),
  ) as SipResponse;

describe('readGruuBinding (RFC 5627 §5.1)', () => {
  it('picks our instance among all bindings of the AOR and unquotes the GRUUs', () => {
    const res = ok([
      `<sip:a@127.0.0.3:5070>;expires=600;+sip.instance="<${UUID2}>";pub-gruu="sip:a@example.com;gr=${UUID2}"`,
      `<sip:a@127.0.0.2:5070>;expires=300;pub-gruu="sip:a@example.com;gr=${UUID1}";temp-gruu="sip:uloc-1@example.com;gr";+sip.instance="<${UUID1.toUpperCase()}>";reg-id=1`,
    ]);
    expect(readGruuBinding(res, UUID1, 'sip:a@127.0.0.2:5070')).toEqual({
      contact: 'sip:a@127.0.0.2:5070', expires: 300, pubGruu: `sip:a@example.com;gr=${UUID1}`, tempGruu: 'sip:uloc-1@example.com;gr',
    });
  });

  it('falls back to the Expires header, omits GRUUs a registrar did not give, and returns undefined when absent', () => {
    const res = ok([`<sip:a@127.0.0.2:5070>;+sip.instance="<${UUID1}>"`], ['Expires: 120']);
    expect(readGruuBinding(res, UUID1, 'sip:a@127.0.0.2:5070')).toEqual({ contact: 'sip:a@127.0.0.2:5070', expires: 120 });
    expect(readGruuBinding(res, UUID2, 'sip:a@127.0.0.2:5070')).toBeUndefined();
    expect(readGruuBinding(ok(['garbage <']), UUID1, 'sip:x@y')).toBeUndefined();
  });
});
