import { formatPapAddress, parsePapAddress } from './pap-address';
import { PapError } from './pap-error';

function codeOf(value: string): number | undefined {
  try {
    parsePapAddress(value);
  } catch (e) {
    if (e instanceof PapError) return e.code;
    throw e;
  }
  return undefined;
}

describe('parsePapAddress (pap.md §5)', () => {
  it.each([
    ['WAPPUSH=+358408676001/TYPE=PLMN@ppg.carrier.com', { type: 'PLMN', value: '+358408676001', ppg: 'ppg.carrier.com' }],
    ['wappush=15551234567/type=plmn', { type: 'PLMN', value: '+15551234567' }],
    ['WAPPUSH=%2B15551234567/TYPE=PLMN', { type: 'PLMN', value: '+15551234567' }],
    ['WAPPUSH=213.243.140.102/TYPE=IPv4@ppg.carrier.com', { type: 'IPv4', value: '213.243.140.102', ppg: 'ppg.carrier.com' }],
    ['WAPPUSH=2001:DB8::1/TYPE=IPV6', { type: 'IPv6', value: '2001:db8::1' }],
    ['WAPPUSH=2001%3Adb8%3A%3A1/TYPE=IPv6', { type: 'IPv6', value: '2001:db8::1' }],
    [
      'WAPPUSH=sip%3A%2B43-8323546%40mobilkom.at/TYPE=USER@ppg.example.com',
      { type: 'USER', value: 'sip:+43-8323546@mobilkom.at', ppg: 'ppg.example.com' },
    ],
    ['WAPPUSH=SIPS%3Aalice%40Example.COM/TYPE=user', { type: 'USER', value: 'sips:alice@example.com' }],
    ['WAPPUSH=tel%3A%2B43-1-234/TYPE=USER', { type: 'USER', value: 'tel:+43-1-234' }],
    ['WAPPUSH=john%40example.com/TYPE=USER@ppg.example.com', { type: 'USER', value: 'sip:john@example.com', ppg: 'ppg.example.com' }],
    ['WAPPUSH=john@example.com/TYPE=USER@PPG.Example.com', { type: 'USER', value: 'sip:john@example.com', ppg: 'ppg.example.com' }],
  ])('%s', (input, expected) => {
    expect(parsePapAddress(input)).toEqual(expected);
  });

  it.each([
    ['#20 MSISDN with spaces', 'WAPPUSH=+43%20664%20123/TYPE=PLMN'],
    ['#20 MSISDN with a raw space', 'WAPPUSH=+43 664/TYPE=PLMN'],
    ['#20 MSISDN > 15 digits', 'WAPPUSH=+1234567890123456/TYPE=PLMN'],
    ['#20 fullwidth homoglyph digits', 'WAPPUSH=+４３６６４/TYPE=PLMN'],
    ['#20 %-escaped Arabic-Indic digits', 'WAPPUSH=%D9%A4%D9%A3/TYPE=PLMN'],
    ['MSISDN with dashes', 'WAPPUSH=+43-664-1/TYPE=PLMN'],
    ['empty PLMN', 'WAPPUSH=/TYPE=PLMN'],
    ['#13 SQL metacharacters', "WAPPUSH=1'%20OR%201=1--/TYPE=PLMN"],
    ['#13 SQL metacharacters in USER', "WAPPUSH=x';DROP%20TABLE%20t;--%40a.b/TYPE=USER"],
    ['IPv4 out of range', 'WAPPUSH=256.1.1.1/TYPE=IPv4'],
    ['IPv4 with leading zero', 'WAPPUSH=010.1.1.1/TYPE=IPv4'],
    ['IPv4 with three octets', 'WAPPUSH=10.1.1/TYPE=IPv4'],
    ['IPv6 with a zone', 'WAPPUSH=fe80::1%25eth0/TYPE=IPv6'],
    ['IPv6 garbage', 'WAPPUSH=1:::2/TYPE=IPv6'],
    ['USER with a javascript: URI', 'WAPPUSH=javascript%3Aalert(1)/TYPE=USER'],
    ['USER without a domain', 'WAPPUSH=alice/TYPE=USER'],
    ['USER SIP URI with parameters', 'WAPPUSH=sip%3Aa%40b.c%3Bgr%3Dx/TYPE=USER'],
    ['USER with a bad host', 'WAPPUSH=a%40-bad-.com/TYPE=USER'],
    ['missing WAPPUSH=', '+15551234567/TYPE=PLMN'],
    ['semicolon separator (pap.md correction)', 'WAPPUSH=+15551234567;TYPE=PLMN'],
    ['unsupported WINA type', 'WAPPUSH=123/TYPE=GSM_MSISDN'],
    ['malformed %-escape', 'WAPPUSH=%2/TYPE=PLMN'],
    ['%-escapes that are not UTF-8', 'WAPPUSH=%C3%28%40a.b/TYPE=USER'],
    ['bad ppg specifier', 'WAPPUSH=+1555/TYPE=PLMN@bad_host'],
    ['empty ppg specifier', 'WAPPUSH=+1555/TYPE=PLMN@'],
    ['a control character', 'WAPPUSH=+1555\r\n/TYPE=PLMN'],
    ['too long', `WAPPUSH=${'1'.repeat(600)}/TYPE=PLMN`],
    ['a dotless İ that changes length when lower-cased', 'WAPPUSH=+1/TYPE=PLMNİ'],
  ])('refuses %s with 2002', (_name, input) => {
    expect(codeOf(input)).toBe(2002);
  });

  it('refuses a non-string with 2002', () => {
    expect(codeOf(42 as unknown as string)).toBe(2002);
  });

  it('formats addresses back to an address-value that parses to the same address', () => {
    const user = parsePapAddress('WAPPUSH=sip%3A%2B43-8323546%40mobilkom.at/TYPE=USER@ppg.example.com');
    expect(formatPapAddress(user)).toBe('WAPPUSH=sip%3A%2B43-8323546%40mobilkom.at/TYPE=USER@ppg.example.com');
    const plmn = { type: 'PLMN', value: '+15551234567' } as const;
    expect(formatPapAddress(plmn)).toBe('WAPPUSH=+15551234567/TYPE=PLMN');
    expect(parsePapAddress(formatPapAddress(plmn))).toEqual(plmn);
  });
});
