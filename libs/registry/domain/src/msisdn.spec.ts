import fc from 'fast-check';
import { InvalidAddress } from './invalid-address.error';
import { normaliseMsisdn } from './msisdn';

function reasonFor(input: unknown): string {
  try {
    normaliseMsisdn(input as string);
  } catch (error) {
    if (error instanceof InvalidAddress) return error.reason;
    throw error;
  }
  throw new Error(`accepted ${String(input)}`);
}

describe('normaliseMsisdn (E.164, reliability.md #20)', () => {
  it.each([
    ['+438323546', '+438323546'],
    ['438323546', '+438323546'],
    ['00438323546', '+438323546'],
    [' +15551234567\t', '+15551234567'],
    ['+123456789012345', '+123456789012345'],
    ['+6831234', '+6831234'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseMsisdn(input)).toBe(expected);
  });

  it.each([
    ['#20 spaces inside', '+43 664 1234567', /without spaces/],
    ['#20 a no-break space inside', '+43\u00a06641234567', /without spaces/],
    ['#20 > 15 digits', '+1234567890123456', /more than 15 digits/],
    ['#20 full-width homoglyph digits', '+４３６６４１２３４５６７', /non-ASCII digits/],
    ['#20 Arabic-Indic digit among ASCII ones', '+43664123٤567', /non-ASCII digits/],
    ['#20 Devanagari digits', '+४३६६४१२३४५६७', /non-ASCII digits/],
    ['#20 letter O for zero', '+43664O234567', /only "\+" and ASCII digits/],
    ['a full-width plus', '＋436641234567', /only "\+" and ASCII digits/],
    ['dashes', '+43-664-1234567', /without spaces or separators/],
    ['a national number', '06641234567', /national number/],
    ['+0 country code', '+0436641234', /national number/],
    ['too short', '+43664', /fewer than 7/],
    ['only a plus', '+', /only "\+" and ASCII digits/],
    ['a tel: URI', 'tel:+436641234567', /only "\+" and ASCII digits/],
    ['a huge input', '+1'.repeat(100), /too long/],
  ])('%s is rejected', (_name, input, reason) => {
    expect(reasonFor(input)).toMatch(reason);
  });

  it('rejects values of the wrong type with the typed error', () => {
    expect(reasonFor(4366412345)).toMatch(/not a string/);
    expect(reasonFor(undefined)).toMatch(/not a string/);
  });

  it('is idempotent and throws only InvalidAddress on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 24 }), fc.stringMatching(/^\+?[0-9]{0,18}$/), fc.string({ unit: 'grapheme', maxLength: 20 })), (input) => {
        let first: string;
        try {
          first = normaliseMsisdn(input);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidAddress);
          return;
        }
        expect(first).toMatch(/^\+[1-9][0-9]{6,14}$/);
        expect(normaliseMsisdn(first)).toBe(first);
      }),
      { numRuns: 3000 },
    );
  });
});
