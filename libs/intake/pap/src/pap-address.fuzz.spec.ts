import fc from 'fast-check';
import { formatPapAddress, PapAddress, parsePapAddress } from './pap-address';
import { PapError } from './pap-error';
import { fuzzRuns, valueOrTypedError } from './testing/fuzz-oracle';

const RUNS = fuzzRuns(3500);
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const domain = fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.'));
const user = fc.stringMatching(/^[A-Za-z0-9\-_.!~*'()&=+$,/]{1,30}$/);

const addressArb: fc.Arbitrary<PapAddress> = fc.oneof(
  fc.stringMatching(/^[0-9]{1,15}$/).map((d) => ({ type: 'PLMN' as const, value: `+${d}` })),
  fc.ipV4().filter((ip) => !/(^|\.)0\d/.test(ip)).map((value) => ({ type: 'IPv4' as const, value })),
  fc.ipV6().filter((ip) => !ip.includes('.')).map((value) => ({ type: 'IPv6' as const, value: value.toLowerCase() })),
  fc.tuple(fc.constantFrom('sip', 'sips'), user, domain).map(([s, u, d]) => ({ type: 'USER' as const, value: `${s}:${u}@${d}` })),
  fc.stringMatching(/^[0-9]{1,15}$/).map((d) => ({ type: 'USER' as const, value: `tel:+${d}` })),
);
const withPpg = fc.tuple(addressArb, fc.option(domain, { nil: undefined })).map(([a, ppg]) => (ppg === undefined ? a : { ...a, ppg }));

describe('parsePapAddress fuzz (reliability.md S3)', () => {
  it('round-trips structured addresses: format → parse → equal', () => {
    fc.assert(
      fc.property(withPpg, (address) => {
        expect(parsePapAddress(formatPapAddress(address))).toEqual(address);
      }),
      RUNS,
    );
  });

  it('arbitrary strings give an address or PapError 2002, fast', () => {
    const chars = fc.constantFrom(...'WAPPUSH=/TYPE@%+:.0123456789abcdefplmnuserIPv46sip;\u0130\uff11 \r'.split(''));
    const structured = fc.array(chars, { maxLength: 80 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 700 }), fc.string({ unit: 'grapheme', maxLength: 100 }), structured), (input) => {
        const { error } = valueOrTypedError(() => parsePapAddress(input), PapError);
        if (error) expect((error as PapError).code).toBe(2002);
      }),
      RUNS,
    );
  });

  it('mutated valid addresses give an address or PapError 2002', () => {
    fc.assert(
      fc.property(withPpg, fc.nat(), fc.string({ maxLength: 3 }), (address, at, insert) => {
        const text = formatPapAddress(address);
        const pos = at % (text.length + 1);
        valueOrTypedError(() => parsePapAddress(text.slice(0, pos) + insert + text.slice(pos + 1)), PapError);
      }),
      RUNS,
    );
  });
});
