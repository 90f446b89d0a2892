import { DecodeError, encodeUintvar, fromHex, toHex } from '@waken/wire';
import { decompileWbxml } from './index';

const SI_WBXML =
  '02056a0045c60d036578616d706c65008803696e626f780011036d73672d343200080ac30620240501123010c304202405080103596f752068617665206d61696c000101';

describe('decompileWbxml: reliability.md (c) #29', () => {
  it.each([
    ['a string-table offset out of range', '02 06 6a 02 6100 05 80 08 83 05 01'],
    ['a string-table entry without NUL', '02 06 6a 02 6162 85 08 83 00 01'],
    ['a literal public id outside the table', '02 00 09 6a 00 05'],
    ['a string table longer than the buffer', '02 05 6a 8f ff ff ff 7f 45'],
    ['an unknown code page', '02 05 6a 00 00 01 45 01'],
    ['an unknown tag token', '02 05 6a 00 49 01'],
    ['an unknown attribute token', '02 05 6a 00 c6 7e 01 01 01'],
    ['an unknown attribute value token', '02 05 6a 00 c6 0b ff 01 01 01'],
    ['a missing END', '02 05 6a 00 45 c6 0b 03 6100 01 03 6200'],
    ['an OPAQUE length beyond the buffer', '02 05 6a 00 45 86 0a c3 8f ff ff ff 7f 01 01'],
    ['an OPAQUE date longer than 7 octets', '02 05 6a 00 45 86 0a c3 08 2024010112000000 01 01'],
    ['an OPAQUE date that is not BCD', '02 05 6a 00 45 86 0a c3 02 2a24 01 01'],
    ['OPAQUE on a non-date attribute', '02 05 6a 00 45 86 11 c3 01 20 01 01'],
    ['a uintvar longer than 5 octets', '02 85 85 85 85 85 05 6a 00 45 01'],
    ['an unknown public id', '02 0b 6a 00 45 01'],
    ['a charset other than UTF-8', '02 05 04 00 45 01'],
    ['a version above 1.3', '04 05 6a 00 45 01'],
    ['data after the root', '02 05 6a 00 05 05'],
    ['a root that is not the language root', '02 05 6a 00 06'],
    ['a duplicate attribute', '02 06 6a 00 85 06 06 01'],
    ['a control character in text', '02 05 6a 00 45 46 03 0700 01 01'],
    ['an ENTITY that is not a character', '02 05 6a 00 45 46 02 8f ff ff ff 7f 01 01'],
    ['extension tokens', '02 05 6a 00 45 40 01 01'],
    ['nesting deeper than 32', '02 05 6a 00' + ' 47'.repeat(40) + ' 01'.repeat(40)],
    ['empty input', ''],
  ])('%s → DecodeError', (_, hex) => {
    expect(() => decompileWbxml(fromHex(hex))).toThrow(DecodeError);
  });

  it('does not allocate a declared OPAQUE or string-table size', () => {
    const before = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < 1000; i++) {
      expect(() => decompileWbxml(fromHex('02 05 6a 00 45 86 0a c3 8f ff ff ff 7f 01 01'))).toThrow(/exceeds/);
    }
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('caps what STR_T repetition can expand to', () => {
    const entry = '61'.repeat(4000) + '00';
    const refs = ' 83 00'.repeat(300);
    const bytes = fromHex(`02 05 6a ${toHex(encodeUintvar(4001))} ${entry} 45 46 ${refs} 01 01`);
    expect(() => decompileWbxml(bytes)).toThrow(/too large/);
  });

  it('returns the SI tree for the verified example', () => {
    expect(decompileWbxml(fromHex(SI_WBXML)).root.children[0].text).toBe('You have mail');
  });
});
