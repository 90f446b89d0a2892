import {
  isPapVersionSubset,
  negotiatePapVersion,
  papDoctype,
  supportedVersionsOf,
  versionOfPublicId,
} from './pap-version';
import { formatPapTimestamp, parsePapTimestamp } from './pap-timestamp';

describe('PAP versions (pap.md §2)', () => {
  it.each([
    ['-//WAPFORUM//DTD PAP 1.0//EN', '1.0'],
    ['-//WAPFORUM//DTD PAP 2.0//EN', '2.0'],
    ['-//WAPFORUM//DTD PAP 2.1//EN', '2.1'],
    ['-//OMA//DTD PAP 2.2//EN', '2.2'],
    ['-//WAPFORUM//DTD PAP 2.3//EN', '2.3'],
    ['-//WAPFORUM//DTD PAP 3.0//EN', 'unsupported'],
    ['-//WAPFORUM//DTD PAP 1.1//EN', 'unsupported'],
    ['-//WAPFORUM//DTD SI 1.0//EN', undefined],
    ['-//WAPFORUM//DTD PAP 2.0//EN ', undefined],
  ])('%s → %s', (publicId, expected) => {
    expect(versionOfPublicId(publicId)).toBe(expected);
  });

  it('writes the system identifiers of the digest', () => {
    expect(papDoctype('1.0').systemId).toBe('http://www.wapforum.org/DTD/pap_1.0.dtd');
    expect(papDoctype('2.0').systemId).toBe('http://www.wapforum.org/DTD/pap_2.0.dtd');
    expect(papDoctype('2.1').systemId).toBe('http://www.openmobilealliance.org/tech/DTD/pap_2.1.dtd');
  });

  it('accepts only the wap-pap-ver processing instruction as internal subset', () => {
    expect(isPapVersionSubset('<?wap-pap-ver supported-versions="2.0,1.*"?>')).toBe(true);
    expect(isPapVersionSubset(" <?wap-pap-ver supported-versions='2.0'?>\n")).toBe(true);
    expect(isPapVersionSubset('<?wap-pap-ver supported-versions="2.0"?><!ELEMENT a ANY>')).toBe(false);
    expect(isPapVersionSubset('<!ENTITY a "b">')).toBe(false);
    expect(isPapVersionSubset('')).toBe(false);
    expect(supportedVersionsOf('<?wap-pap-ver supported-versions="2.0, 1.*"?>')).toEqual(['2.0', '1.*']);
  });

  it('negotiates the highest version both sides speak', () => {
    expect(negotiatePapVersion(['2.0', '1.*'])).toBe('2.0');
    expect(negotiatePapVersion(['2.*'])).toBe('2.3');
    expect(negotiatePapVersion(['1.*'])).toBe('1.0');
    expect(negotiatePapVersion(['3.0'])).toBeUndefined();
  });
});

describe('PAP timestamps (pap.md §4)', () => {
  it('reads YYYY-MM-DDThh:mm:ssZ and nothing else', () => {
    expect(parsePapTimestamp('2004-01-20T22:35:00Z')).toBe(Date.UTC(2004, 0, 20, 22, 35, 0));
    for (const bad of ['2004-01-20T22:35:00', '2004-01-20 22:35:00Z', '2004-1-20T22:35:00Z', '2023-02-29T00:00:00Z', '2004-01-20T24:00:00Z', '1969-12-31T23:59:59Z']) {
      expect(parsePapTimestamp(bad)).toBeUndefined();
    }
    expect(parsePapTimestamp('2024-02-29T23:59:59Z')).toBeDefined();
  });

  it('writes without milliseconds', () => {
    expect(formatPapTimestamp(new Date('2024-05-01T12:00:00.999Z'))).toBe('2024-05-01T12:00:00Z');
  });
});
