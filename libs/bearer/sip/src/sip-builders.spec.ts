import { buildRequest } from './sip-request-builder';
import { buildResponse } from './sip-response-builder';
import { SipBuildError } from './sip-build-error';
import { getHeader, getHeaders } from './sip-headers';
import { parseSipMessage } from './sip-message-parser';
import { serializeSipMessage } from './sip-message-serializer';
import { nameAddrTag } from './sip-name-addr';
import { newBranch } from './sip-ids';
import type { SipRequest } from './sip-message';

const base = {
  method: 'MESSAGE',
  requestUri: 'sip:+43-8323546@example.com;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
  from: '<sip:ppg@example.com>;tag=1',
  to: '<sip:+43-8323546@example.com;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>',
  callId: 'c1@127.0.0.1',
  cseq: 1,
  via: `SIP/2.0/UDP 127.0.0.1:5062;branch=${newBranch()};rport`,
};

describe('buildRequest', () => {
  it('builds a MESSAGE that serializes and parses back to itself', () => {
    const req = buildRequest({
      ...base,
      headers: { 'X-Wap-Application-Id': 'x-wap-application:push.sia' },
      contentType: 'application/vnd.wap.sia',
      body: 'héllo',
    });
    const wire = new TextDecoder().decode(serializeSipMessage(req));
    expect(wire).toMatch(/^MESSAGE sip:\+43-8323546@example\.com;gr=urn:uuid:.* SIP\/2\.0\r\nVia: /);
    expect(wire).toContain('\r\nCSeq: 1 MESSAGE\r\n');
    expect(wire).toContain('\r\nContent-Length: 6\r\n\r\nhéllo');
    expect(parseSipMessage(wire)).toEqual(req);
  });

  it.each([
    ['CRLF in an extra header value', { headers: { Subject: 'hi\r\nVia: SIP/2.0/UDP evil' } }],
    ['LF in an extra header value', { headers: [{ name: 'Subject', value: 'a\nb' }] }],
    ['CR in the From', { from: '<sip:ppg@example.com>\r;tag=1' }],
    ['a space in the Request-URI', { requestUri: 'sip:a@b SIP/2.0\r\n' }],
    ['a bad header name', { headers: { 'X Bad': '1' } }],
    ['a second From via headers', { headers: { f: '<sip:evil@x>' } }],
    ['a Content-Length header', { headers: { 'Content-Length': '0' } }],
    ['a body without a type', { body: 'x' }],
    ['CRLF in the content type', { contentType: 'text/plain\r\nX: y', body: 'x' }],
    ['a malformed Via', { via: 'garbage' }],
    ['CSeq out of range', { cseq: 2 ** 31 }],
  ])('refuses %s (reliability.md #25)', (_label, override) => {
    expect(() => buildRequest({ ...base, ...override })).toThrow(SipBuildError);
  });

  it('the serializer refuses CR/LF in headers given to it directly', () => {
    const req = buildRequest(base);
    const evil: SipRequest = { ...req, headers: [...req.headers, { name: 'Subject', value: 'a\r\nb' }] };
    expect(() => serializeSipMessage(evil)).toThrow(SipBuildError);
  });
});

describe('buildResponse', () => {
  const req = buildRequest({ ...base, via: [base.via, 'SIP/2.0/UDP 10.0.0.9;branch=z9hG4bKprev'] });

  it('copies Via, From, To, Call-ID, CSeq and adds a To tag (RFC 3261 §8.2.6.2)', () => {
    const res = buildResponse(req, 200, 'OK', { toTag: 'srv1' });
    expect(getHeaders(res, 'Via')).toEqual(getHeaders(req, 'Via'));
    expect(getHeader(res, 'From')).toBe(base.from);
    expect(nameAddrTag(getHeader(res, 'To') ?? '')).toBe('srv1');
    expect(getHeader(res, 'CSeq')).toBe('1 MESSAGE');
    expect(parseSipMessage(serializeSipMessage(res))).toEqual(res);
  });

  it('adds no tag to a 100 and keeps an existing one', () => {
    expect(nameAddrTag(getHeader(buildResponse(req, 100, 'Trying'), 'To') ?? '')).toBeUndefined();
    const tagged = { ...req, headers: req.headers.map((h) => (h.name === 'To' ? { ...h, value: `${h.value};tag=t0` } : h)) };
    expect(nameAddrTag(getHeader(buildResponse(tagged, 486, 'Busy'), 'To') ?? '')).toBe('t0');
  });

  it('refuses a reason phrase with CRLF and a request without Via', () => {
    expect(() => buildResponse(req, 200, 'OK\r\nX: y')).toThrow(SipBuildError);
    expect(() => buildResponse({ ...req, headers: req.headers.filter((h) => h.name !== 'Via') }, 400, 'Bad')).toThrow(SipBuildError);
  });
});
