import { isPapSuccess, isPapStatusCode, PAP_STATUS, papStatus, resolvePapStatus } from './pap-status';

describe('PAP status codes (pap.md §6)', () => {
  const codes = Object.keys(PAP_STATUS).map(Number);

  it('holds every code of the digest', () => {
    expect(codes).toEqual([
      1000, 1001, 2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 3000, 3001, 3002, 3003, 3004, 3005, 3006,
      3007, 3008, 3009, 3010, 3011, 4000, 4001, 5000, 5028,
    ]);
  });

  it.each(codes)('%d resolves to itself with a name, description and class', (code) => {
    const status = resolvePapStatus(code);
    expect(status?.code).toBe(code);
    expect(status?.name.length).toBeGreaterThan(1);
    expect(status?.description.length).toBeGreaterThan(1);
  });

  it.each([
    [1999, 1000, 'success'],
    [2099, 2000, 'pi-error'],
    [3999, 3000, 'ppg-error'],
    [4002, 4000, 'service-failure'],
    [5001, 5000, 'client-aborted'],
  ])('unknown %d falls back to its class x000 %d (Kannel parse_code)', (code, fallback, statusClass) => {
    expect(resolvePapStatus(code)).toMatchObject({ code: fallback, statusClass });
  });

  it.each([0, 999, 6000, 21000, 1000.5, Number.NaN])('%d is not a PAP code', (code) => {
    expect(resolvePapStatus(code)).toBeUndefined();
  });

  it('names the usual answers', () => {
    expect(papStatus(1001).name).toBe('Accepted for processing');
    expect(papStatus(2007).name).toBe('Duplicate push ID');
    expect(papStatus(3002).name).toBe('Version not supported');
    expect(isPapStatusCode(2008)).toBe(true);
    expect(isPapStatusCode(2009)).toBe(false);
    expect(isPapSuccess(1001)).toBe(true);
    expect(isPapSuccess(2000)).toBe(false);
  });
});
