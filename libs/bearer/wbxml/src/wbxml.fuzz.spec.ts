import fc from 'fast-check';
import { fromHex } from '@waken/wire';
import { XmlWriter, type XmlElement } from '@waken/xml';
import { compileWbxml, decompileWbxml } from './index';
import { mutationsOf, valueOrDecodeError } from '@waken/testing';

const word = fc.stringMatching(/^[A-Za-z0-9é€&<>"'-]{1,8}$/);
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const url = fc
  .tuple(fc.constantFrom('', 'http://', 'http://www.', 'https://', 'https://www.'), fc.array(fc.oneof(word, fc.constantFrom('.com/', '.org/', '.net/', '.edu/')), { maxLength: 5 }))
  .map(([prefix, parts]) => prefix + parts.join(''));
const date = fc
  .record({
    y: fc.integer({ min: 1000, max: 9999 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ y, mo, d, h, mi, s }) => `${y}-${[mo, d].map(pad).join('-')}T${[h, mi, s].map(pad).join(':')}Z`);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function element(name: string, attributes: Record<string, string | undefined>, children: XmlElement[] = [], body = ''): XmlElement {
  const defined = Object.entries(attributes).filter((e): e is [string, string] => e[1] !== undefined);
  return { name, attributes: Object.fromEntries(defined), children, text: body };
}

const si = fc
  .record({
    href: fc.option(url, { nil: undefined }),
    siId: fc.option(word, { nil: undefined }),
    action: fc.option(fc.constantFrom('signal-none', 'signal-low', 'signal-medium', 'signal-high', 'delete'), { nil: undefined }),
    created: fc.option(date, { nil: undefined }),
    expires: fc.option(date, { nil: undefined }),
    message: fc.option(text, { nil: '' }),
    items: fc.array(fc.tuple(word, text), { maxLength: 3 }),
  })
  .map(({ href, siId, action, created, expires, message, items }) => {
    const indication = element('indication', { href, 'si-id': siId, action, created, 'si-expires': expires }, [], message);
    const info = items.length > 0 ? [element('info', {}, items.map(([c, t]) => element('item', { class: c }, [], t)))] : [];
    return element('si', {}, [indication, ...info]);
  });

const sl = fc
  .record({ href: url, action: fc.option(fc.constantFrom('execute-low', 'execute-high', 'cache'), { nil: undefined }) })
  .map(({ href, action }) => element('sl', { href, action }));

const co = fc
  .array(fc.tuple(fc.constantFrom('invalidate-object', 'invalidate-service'), url), { minLength: 1, maxLength: 4 })
  .map((ops) => element('co', {}, ops.map(([name, uri]) => element(name, { uri }))));

const SAMPLES = [
  fromHex('02056a0045c60d036578616d706c65008803696e626f780011036d73672d343200080ac30620240501123010c304202405080103596f752068617665206d61696c000101'),
  fromHex('02066a00850c036578616d706c650085036170700006 01'),
  fromHex('03066a 04 6100 6200 85 08 83 00 02 81 69 83 02 01'),
  compileWbxml('<co><invalidate-object uri="https://www.example.edu/a"/><invalidate-service uri="http://b/"/></co>'),
];

describe('WBXML fuzz (reliability.md S3, three sources)', () => {
  it('structured SI/SL/CO → XML → compile → decompile gives the same tree', () => {
    fc.assert(
      fc.property(fc.oneof(si, sl, co), (root) => {
        const decoded = decompileWbxml(compileWbxml(new XmlWriter().element(root).toString()));
        expect(decoded.root).toEqual(root);
      }),
      { numRuns: 2000 },
    );
  });

  it('the mutation samples are valid documents', () => {
    expect(SAMPLES.map((bytes) => decompileWbxml(bytes).root.name)).toEqual(['si', 'sl', 'sl', 'co']);
  });

  it('mutated valid documents (flips, truncation, lengths 0/max/max+1/2^32-1)', () => {
    fc.assert(fc.property(mutationsOf(SAMPLES), (bytes) => valueOrDecodeError(() => decompileWbxml(bytes))), { numRuns: 5000 });
  });

  it('raw bytes, alone and behind a valid SI header', () => {
    const header = fromHex('02056a00');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => valueOrDecodeError(() => decompileWbxml(bytes))), { numRuns: 3000 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (body) => valueOrDecodeError(() => decompileWbxml(Uint8Array.from([...header, ...body])))),
      { numRuns: 3000 },
    );
  });
});
