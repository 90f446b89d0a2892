import type { DeviceIdentity } from '@waken/contracts';
import { gruuInstance, sameDeviceIdentity } from './device-identity-matcher';

const id = (kind: DeviceIdentity['kind'], value: string): DeviceIdentity => ({ kind, value });
const UUID = 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6';

describe('sameDeviceIdentity (seed §C2, unit 220)', () => {
  it.each([
    [id('uuid', `urn:uuid:${UUID}`), id('uuid', `URN:UUID:${UUID.toUpperCase()}`)],
    [id('uuid', UUID), id('urn', `urn:uuid:${UUID}`)],
    [id('gruu', `sip:+43-8323546@mobilkom.at;gr=urn:uuid:${UUID}`), id('uuid', `urn:uuid:${UUID}`)],
    [id('gruu', `sip:+43-8323546@MOBILKOM.at;gr="urn:uuid:${UUID.toUpperCase()}"`), id('gruu', `sip:+43-8323546@mobilkom.at;gr=urn:uuid:${UUID}`)],
    [id('gruu', 'sip:tgruu.7hs==jd7vnzga5w7fajsc7-ajd6fabz0f8g5@example.com;gr'), id('gruu', 'SIP:tgruu.7hs==jd7vnzga5w7fajsc7-ajd6fabz0f8g5@Example.COM;gr')],
    [id('imei', '35-209900-176148-1'), id('urn', 'urn:gsma:imei:35209900-176148-23')],
    [id('mac', '00:1A:2B:3C:4D:5E'), id('mac', '001a.2b3c.4d5e')],
    [id('fingerprint', 'AB:CD'), id('fingerprint', 'ab:cd')],
  ])('%j is the same device as %j', (a, b) => {
    expect(sameDeviceIdentity(a, b)).toBe(true);
    expect(sameDeviceIdentity(b, a)).toBe(true);
  });

  it.each([
    [id('uuid', `urn:uuid:${UUID}`), id('uuid', 'urn:uuid:00000000-0000-0000-0000-000000000000')],
    [id('gruu', `sip:a@x.org;gr=urn:uuid:${UUID}`), id('gruu', 'sip:a@x.org;gr=urn:uuid:00000000-0000-0000-0000-000000000000')],
    [id('gruu', 'sip:tgruu.abc@example.com;gr'), id('gruu', 'sip:tgruu.ABC@example.com;gr')],
    [id('imei', 'foo'), id('imei', 'bar')],
    [id('esn', 'abc'), id('rfid', 'abc')],
    [id('uri', 'https://a.example/x'), id('uri', 'https://a.example/X')],
  ])('%j is not %j', (a, b) => {
    expect(sameDeviceIdentity(a, b)).toBe(false);
  });

  it('reads the gr parameter of a SIP URI', () => {
    expect(gruuInstance(`sip:a@x;transport=tcp;gr=urn:uuid:${UUID}`)).toBe(`urn:uuid:${UUID}`);
    expect(gruuInstance('sip:a@x;gr')).toBe('');
    expect(gruuInstance('sip:a@x;grx=1')).toBeUndefined();
  });
});
