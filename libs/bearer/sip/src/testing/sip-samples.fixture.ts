// Valid messages used by the specs and as the mutation corpus of the fuzz spec.
const crlf = (lines: string[]): string => lines.join('\r\n');

export const MESSAGE_REQUEST = crlf([
  'MESSAGE sip:+43-8323546@example.com;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6 SIP/2.0',
  'Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK776asdhds;rport',
  'Max-Forwards: 70',
  'From: "Waken PPG" <sip:ppg@example.com>;tag=49583',
  'To: <sip:+43-8323546@example.com;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>',
  'Call-ID: asd88asd77a@127.0.0.1',
  'CSeq: 1 MESSAGE',
  'X-Wap-Application-Id: x-wap-application:push.sia',
  'Content-Type: application/vnd.wap.sia',
  'Content-Length: 5',
  '',
  'hello',
]);

export const REGISTER_OK = crlf([
  'SIP/2.0 200 OK',
  'Via: SIP/2.0/UDP 127.0.0.2:5070;rport=5070;branch=z9hG4bKnashds7;received=127.0.0.2',
  'From: <sip:+43-8323546@example.com>;tag=a73kszlfl',
  'To: <sip:+43-8323546@example.com>;tag=b88sn',
  'Call-ID: 1j9FpLxk3uxtm8tn@127.0.0.2',
  'CSeq: 2 REGISTER',
  'Contact: <sip:dev1@127.0.0.2:5070>;expires=3600;+sip.instance="<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>";pub-gruu="sip:+43-8323546@example.com;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6";temp-gruu="sip:uloc-1-2-3@example.com;gr", <sip:dev2@127.0.0.3:5070>;expires=3600',
  'Server: waken-test-kamailio',
  'Content-Length: 0',
  '',
  '',
]);

export const COMPACT_NOTIFY = crlf([
  'NOTIFY sip:dev1@127.0.0.2:5070 SIP/2.0',
  'v: SIP/2.0/TCP proxy.example.com:5060;branch=z9hG4bK1, SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK2',
  'f: <sip:reg@example.com>;tag=1',
  't: <sip:dev1@example.com>;tag=2',
  'i: n1@example.com',
  'cseq: 7 NOTIFY',
  'o: reg',
  'k: gruu, outbound',
  'c: application/reginfo+xml',
  'l: 3',
  '',
  '<a>',
]);

export const SAMPLES = [MESSAGE_REQUEST, REGISTER_OK, COMPACT_NOTIFY];
