import { formatNameAddr, nameAddrTag, parseNameAddr } from './sip-name-addr';
import { paramValue } from './sip-params';
import { SipParseError } from './sip-parse-error';
import { formatSipUri, isGruu, parseSipUri } from './sip-uri';
import { formatVia, parseVia, viaBranch } from './sip-via';
import { unquote } from './sip-text';

const UUID = 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6';

describe('SIP URI (RFC 3261 §19.1)', () => {
  it('parses a public GRUU (RFC 5627 §3.1) and formats it back', () => {
    const text = `sip:+43-8323546@example.com;gr=${UUID}`;
    const uri = parseSipUri(text);
    expect(uri).toEqual({ scheme: 'sip', user: '+43-8323546', host: 'example.com', params: [{ name: 'gr', value: UUID }] });
    expect(isGruu(uri)).toBe(true);
    expect(formatSipUri(uri)).toBe(text);
  });

  it('parses a temporary GRUU with a bare gr, a port, a password, IPv6 and headers', () => {
    expect(paramValue(parseSipUri('sip:uloc-1@example.com;gr').params, 'gr')).toBeNull();
    expect(parseSipUri('SIPS:alice:pw@[2001:db8::1]:5061;transport=tcp?subject=x')).toEqual({
      scheme: 'sips', user: 'alice', password: 'pw', host: '[2001:db8::1]', port: 5061,
      params: [{ name: 'transport', value: 'tcp' }], headers: 'subject=x',
    });
    expect(isGruu(parseSipUri('sip:alice@example.com'))).toBe(false);
  });

  it.each(['tel:+4312345', 'sip:', 'sip:a@', 'sip:a@b:99999', 'sip:a@b;;x', 'sip:a b@c', 'sip:a@b:', 'sip:a@b;x=1\r\nVia: y'])(
    'rejects %j with SipParseError',
    (text) => expect(() => parseSipUri(text)).toThrow(SipParseError),
  );
});

describe('name-addr (RFC 3261 §20.10)', () => {
  it('reads +sip.instance, pub-gruu and temp-gruu of a registrar Contact (RFC 5627 §5.1)', () => {
    const addr = parseNameAddr(
      `<sip:dev1@127.0.0.2:5070>;expires=3600;+sip.instance="<${UUID}>";pub-gruu="sip:a@example.com;gr=${UUID}";temp-gruu="sip:uloc-x@example.com;gr"`,
    );
    expect(addr.uri).toBe('sip:dev1@127.0.0.2:5070');
    expect(paramValue(addr.params, 'expires')).toBe('3600');
    expect(unquote(paramValue(addr.params, '+SIP.INSTANCE') ?? '')).toBe(`<${UUID}>`);
    expect(unquote(paramValue(addr.params, 'pub-gruu') ?? '')).toBe(`sip:a@example.com;gr=${UUID}`);
    expect(unquote(paramValue(addr.params, 'temp-gruu') ?? '')).toBe('sip:uloc-x@example.com;gr');
  });

  it('handles display names, quoted commas and the addr-spec form', () => {
    expect(parseNameAddr('"Doe, \\"J\\"" <sip:j@x>;tag=1')).toEqual({
      displayName: 'Doe, "J"', uri: 'sip:j@x', params: [{ name: 'tag', value: '1' }],
    });
    expect(parseNameAddr('Bob Smith <sip:b@x>').displayName).toBe('Bob Smith');
    // without brackets the ;tag belongs to the header, not the URI
    expect(parseNameAddr('sip:b@x;tag=9')).toEqual({ uri: 'sip:b@x', params: [{ name: 'tag', value: '9' }] });
    expect(parseNameAddr('*').uri).toBe('*');
    expect(nameAddrTag('<sip:b@x>;tag=abc')).toBe('abc');
    expect(nameAddrTag('<sip:b@x>')).toBeUndefined();
  });

  it('formats back to text that parses to the same value', () => {
    const addr = { displayName: 'A "B"', uri: 'sip:a@b;gr', params: [{ name: 'tag', value: 'x' }] };
    expect(formatNameAddr(addr)).toBe('"A \\"B\\"" <sip:a@b;gr>;tag=x');
    expect(parseNameAddr(formatNameAddr(addr))).toEqual(addr);
  });

  it.each(['<sip:a@b', '"open <sip:a@b>', '"x" sip:a@b', 'a,b <sip:a@b>', '<sip:a@b> junk', 'not a uri', '<sip:a@b>;=x', '<sip:a@b>;x=a b'])(
    'rejects %j',
    (text) => expect(() => parseNameAddr(text)).toThrow(SipParseError),
  );
});

describe('Via (RFC 3261 §20.42)', () => {
  it('parses transport, sent-by, branch and rport, and formats back', () => {
    const via = parseVia('SIP / 2.0 / tcp 127.0.0.1:15060;branch=z9hG4bKabc;rport=5070;received=10.0.0.1');
    expect(via.transport).toBe('TCP');
    expect(via.port).toBe(15060);
    expect(viaBranch(via)).toBe('z9hG4bKabc');
    expect(parseVia(formatVia(via))).toEqual(via);
    expect(parseVia('SIP/2.0/UDP host').port).toBeUndefined();
  });

  it.each(['SIP/1.0/UDP h', 'SIP/2.0/UDP', 'SIP/2.0/UDP h:70000', 'SIP/2.0/UDP h;branch="x'])('rejects %j', (text) =>
    expect(() => parseVia(text)).toThrow(SipParseError),
  );
});
