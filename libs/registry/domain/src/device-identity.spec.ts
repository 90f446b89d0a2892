import { DeviceIdentityKind } from '@waken/contracts';
import { deviceIdentityKey, normaliseDeviceIdentity, normaliseDeviceIdentityValue } from './device-identity';
import { imeiToUrn } from './identity/imei';
import { InvalidDeviceIdentity } from './invalid-device-identity.error';

const UUID = 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6';
const GRUU = `sip:+43-8323546@mobilkom.at;gr=urn:uuid:${UUID}`;

function reasonFor(kind: DeviceIdentityKind, value: unknown): string {
  try {
    normaliseDeviceIdentityValue(kind, value as string);
  } catch (error) {
    if (error instanceof InvalidDeviceIdentity) return error.message;
    throw error;
  }
  throw new Error(`accepted ${String(value)}`);
}

/** Each row: a kind, its canonical value, and spellings that must collapse to it. */
const EQUIVALENT: Array<[DeviceIdentityKind, string, string[]]> = [
  ['gruu', GRUU, [`SIP:+43-8323546@MobilKom.AT;GR=urn:uuid:${UUID.toUpperCase()}`, `sip:+43-8323546@mobilkom.at;gr=urn%3Auuid%3A${UUID}`, ` ${GRUU} `]],
  ['gruu', `sips:alice@example.com;gr=urn:uuid:${UUID};transport=tcp`, [`sips:alice@EXAMPLE.com;transport=TCP;gr=URN:UUID:${UUID}`]],
  ['gruu', 'sip:tgruu.7hs==jd7vnzga5w7fajsc7-ajd6fabz0f8g5@example.com;gr', ['sip:tgruu.7hs==jd7vnzga5w7fajsc7-ajd6fabz0f8g5@Example.COM;GR']],
  ['gruu', 'sip:bob@[2001:db8::1]:5061;gr=urn:uuid:' + UUID, [`sip:bob@[2001:DB8:0:0:0:0:0:1]:05061;gr=urn:uuid:${UUID}`]],
  ['uuid', `urn:uuid:${UUID}`, [UUID, UUID.toUpperCase(), `URN:UUID:${UUID}`, `{${UUID}}`, `<urn:uuid:${UUID}>`, `"<urn:uuid:${UUID}>"`]],
  ['imei', '490154203237518', ['49-015420-323751-8', 'urn:gsma:imei:49015420-323751-8', 'URN:GSMA:IMEI:49015420-323751-8;vers=0', 'urn:gsma:imei:49015420-323751-8;svn=42']],
  ['uri', 'http://example.com:80/~user/%2F?q#f', ['HTTP://Example.COM:80/%7euser/%2f?q#f']],
  ['uri', `urn:uuid:${UUID}`, [`URN:UUID:${UUID.toUpperCase()}`]],
  ['uri', 'sip:alice@example.com', ['SIP:alice@EXAMPLE.COM']],
  ['uri', 'mailto:Alice@example.com', ['MAILTO:Alice@example.com']],
  ['urn', 'urn:isbn:0451450523', ['URN:ISBN:0451450523', 'urn:IsBn:0451450523']],
  ['urn', 'urn:example:a%2Fb~c', ['urn:example:a%2fb%7Ec']],
  ['urn', `urn:uuid:${UUID}`, [`urn:UUID:${UUID.toUpperCase()}`]],
  ['rfid', '3034257BF7194E4000001A85', ['3034257bf7194e4000001a85']],
  ['rfid', '3034257BF7194E4000001A853034257B', ['3034257bf7194e4000001a853034257b']],
  ['esn', 'FF3E818B', ['ff3e818b', '25504096395']],
  ['esn', '00000001', ['00000000001']],
  ['mac', '00:1a:2b:3c:4d:5e', ['00:1A:2B:3C:4D:5E', '00-1a-2b-3c-4d-5e', '001a.2b3c.4d5e', '001A2B3C4D5E']],
  ['mac', '02:00:00:00:00:01', ['020000000001']],
  ['fingerprint', 'abcdef0123456789abcdef0123456789', ['ABCDEF0123456789ABCDEF0123456789', 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89', 'q83vASNFZ4mrze8BI0VniQ', 'q83vASNFZ4mrze8BI0VniQ==']],
];

describe('device identity normalisation (seed: the idea)', () => {
  it.each(EQUIVALENT)('%s %s is canonical and its spellings collapse to it', (kind, canonical, spellings) => {
    expect(normaliseDeviceIdentityValue(kind, canonical)).toBe(canonical);
    for (const spelling of spellings) expect(normaliseDeviceIdentityValue(kind, spelling)).toBe(canonical);
    const keys = new Set([canonical, ...spellings].map((value) => deviceIdentityKey({ kind, value })));
    expect(keys.size).toBe(1);
  });

  it.each<[DeviceIdentityKind, string, RegExp]>([
    ['gruu', 'sip:alice@example.com', /needs a "gr"/],
    ['gruu', 'tel:+438323546;gr=x', /not a sip/],
    ['gruu', `sip:alice:secret@example.com;gr=urn:uuid:${UUID}`, /password/],
    ['gruu', `sip:alice@example.com;gr=urn:uuid:${UUID}?subject=x`, /headers/],
    ['gruu', `sip:alice@exa mple.com;gr=urn:uuid:${UUID}`, /bad host/],
    ['gruu', `sip:alice@example.com:70000;gr=urn:uuid:${UUID}`, /port 70000/],
    ['gruu', `sip:alice@example.com;gr=a;gr=b`, /repeated/],
    ['gruu', 'sip:alice@example.com;gr=', /bad value for URI parameter "gr"/],
    ['gruu', 'sip:alice@example.com;gr=urn:uuid:not-a-uuid', /UUID/],
    ['gruu', 'sip:alice@[::1%eth0];gr', /IPv6/],
    ['uuid', 'f81d4fae7dec11d0a76500a0c91e6bf6', /8-4-4-4-12/],
    ['uuid', `urn:uuid:${UUID}x`, /8-4-4-4-12/],
    ['uuid', '00000000-0000-0000-0000-000000000000', /nil/],
    ['imei', '490154203237517', /Luhn/],
    ['imei', '49015420323751', /15 ASCII digits/],
    ['imei', '4901542032375180', /15 ASCII digits/],
    ['imei', '49015420323751８', /ASCII digits/],
    ['imei', 'urn:gsma:imei:490154203237518', /RFC 7254/],
    ['imei', '49 015420 323751 8', /ASCII digits/],
    ['uri', 'example.com/path', /absolute URI/],
    ['uri', 'http://exa mple.com', /absolute URI/],
    ['uri', 'http://example.com/%zz', /percent-encoding/],
    ['uri', 'http://例え.jp', /absolute URI/],
    ['urn', 'urn:a:b', /NID/],
    ['urn', 'urn:isbn:', /namespace-specific/],
    ['urn', 'urn:isbn:123?=q', /r-\/q-\/f-components/],
    ['urn', 'urn:isbn:12 3', /namespace-specific/],
    ['urn', 'isbn:123', /urn:<nid>/],
    ['rfid', '3034257BF7194E4000001A8', /24 or 32/],
    ['rfid', '3034257BF7194E4000001A8G', /24 or 32/],
    ['esn', '256000000000'.slice(0, 11), /manufacturer code above 255/],
    ['esn', 'FF3E81', /8 hex digits or 11 decimal/],
    ['mac', '01:00:5e:00:00:01', /group/],
    ['mac', 'ff:ff:ff:ff:ff:ff', /group/],
    ['mac', '00:00:00:00:00:00', /all-zero/],
    ['mac', '00:1a-2b:3c:4d:5e', /6 hex octets/],
    ['mac', '00:1a:2b:3c:4d', /6 hex octets/],
    ['fingerprint', 'abcdef0123456789abcdef01234567', /shorter than 16 bytes/],
    ['fingerprint', 'q83vASNFZ4mrze8BI0VniR', /non-canonical trailing bits/],
    ['fingerprint', 'q83vASNFZ4mrze8BI0VniQ=', /padding/],
    ['fingerprint', 'not a fingerprint!', /neither hex nor base64url/],
    ['fingerprint', 'ab'.repeat(65), /longer than 64 bytes/],
  ])('%s rejects %j', (kind, value, reason) => {
    expect(reasonFor(kind, value)).toMatch(reason);
  });

  it('rejects empty, oversize, non-string values and unknown kinds with the typed error', () => {
    expect(reasonFor('uuid', '')).toMatch(/empty/);
    expect(reasonFor('uuid', '   ')).toMatch(/empty/);
    expect(reasonFor('uri', `http://e.com/${'a'.repeat(1100)}`)).toMatch(/longer than 1024/);
    expect(reasonFor('mac', 42)).toMatch(/not a string/);
    expect(reasonFor('serial' as DeviceIdentityKind, 'x')).toMatch(/unknown kind/);
  });

  it('names the kind and a short, quoted echo of the input in the message', () => {
    const message = reasonFor('imei', `1\r\n${'9'.repeat(200)}`);
    expect(message).toMatch(/^invalid imei device identity "1\\r\\n9+…": /);
    expect(message.length).toBeLessThan(200);
  });

  it('normalises a DeviceIdentity object and keeps its kind', () => {
    expect(normaliseDeviceIdentity({ kind: 'uuid', value: UUID.toUpperCase() })).toEqual({ kind: 'uuid', value: `urn:uuid:${UUID}` });
  });

  it('keys the same value under different kinds apart', () => {
    expect(deviceIdentityKey({ kind: 'uuid', value: UUID })).not.toBe(deviceIdentityKey({ kind: 'urn', value: `urn:uuid:${UUID}` }));
  });

  it('prints a canonical IMEI as its RFC 7254 URN, which normalises back to it', () => {
    expect(imeiToUrn('490154203237518')).toBe('urn:gsma:imei:49015420-323751-8');
    expect(normaliseDeviceIdentityValue('imei', imeiToUrn('490154203237518'))).toBe('490154203237518');
  });
});
