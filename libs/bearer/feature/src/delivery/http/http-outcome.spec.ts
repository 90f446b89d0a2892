import { httpErrorOutcome, httpStatusOutcome } from './http-outcome';

describe('HTTP answers as delivery outcomes', () => {
  it.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [301, 'undeliverable'],
    [307, 'undeliverable'],
    [400, 'undeliverable'],
    [404, 'undeliverable'],
    [410, 'undeliverable'],
    [408, 'transient'],
    [429, 'transient'],
    [500, 'transient'],
    [503, 'transient'],
  ])('%i is %s', (status, kind) => expect(httpStatusOutcome(status, 'Reason').kind).toBe(kind));

  it('a refused connection is retried; an SSRF refusal, an unknown host and a bad certificate are not', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(httpErrorOutcome(err('ECONNREFUSED')).kind).toBe('transient');
    expect(httpErrorOutcome(err('ECONNRESET')).kind).toBe('transient');
    expect(httpErrorOutcome(err('ESSRF')).kind).toBe('undeliverable');
    expect(httpErrorOutcome(err('ENOTFOUND')).kind).toBe('undeliverable');
    expect(httpErrorOutcome(err('CERT_HAS_EXPIRED')).kind).toBe('undeliverable');
  });
});
