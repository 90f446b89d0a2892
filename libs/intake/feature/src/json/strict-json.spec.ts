import fc from 'fast-check';
import { JsonInputError } from './json-input-error';
import { MAX_JSON_DEPTH, parseStrictJson } from './strict-json';

const parse = (text: string | Buffer) => parseStrictJson(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
const reason = (text: string | Buffer) => {
  try {
    parse(text);
    return 'ok';
  } catch (e) {
    if (e instanceof JsonInputError) return e.error;
    throw e;
  }
};

describe('parseStrictJson (reliability.md #17, #19)', () => {
  it('parses ordinary JSON', () => {
    expect(parse('{"a":[1,"x",{"b":null}],"c":"\\ud83d\\ude00"}')).toEqual({ a: [1, 'x', { b: null }], c: '😀' });
  });

  it('refuses prototype keys at any depth, overflowing numbers, lone surrogates, deep nesting, bad UTF-8 and non-JSON', () => {
    expect(reason('{"__proto__":{"admin":true}}')).toBe('forbidden-key');
    expect(reason('{"a":{"constructor":{"prototype":1}}}')).toBe('forbidden-key');
    expect(reason('{"a":1e309}')).toBe('invalid-number');
    expect(reason('[-1e309]')).toBe('invalid-number');
    expect(reason('{"a":"\\ud800"}')).toBe('invalid-string');
    expect(reason('{"\\udc00":1}')).toBe('invalid-string');
    expect(reason(`${'['.repeat(10000)}${']'.repeat(10000)}`)).toBe('too-deep');
    expect(reason(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBe('ok');
    expect(reason('{"a":"[[[[[[[[[[[[[["}')).toBe('ok');
    expect(reason(Buffer.from([0x7b, 0xff, 0x7d]))).toBe('invalid-json');
    expect(reason('{"a":')).toBe('invalid-json');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('fuzz: structured JSON round-trips; raw bytes and mutations give a value or JsonInputError within bounded time', () => {
    const shallow = fc.jsonValue({ depthSize: 'small', maxDepth: 4 }).filter((v) => !/"(__proto__|constructor|prototype)":/.test(JSON.stringify(v)));
    fc.assert(
      fc.property(shallow, (v) => {
        expect(parse(JSON.stringify(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 3000 },
    );
    const sample = Buffer.from('{"recipients":["sip:a@x.example"],"content":{"contentType":"text/plain","body":"hi"},"qos":{"priority":"high"}}');
    const mutated = fc.tuple(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(sample.length)).map(([at, byte, cut]) => {
      const b = Buffer.from(sample);
      b[at] = byte;
      return b.subarray(0, Math.max(cut, at + 1));
    });
    const durations: number[] = [];
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 512 }).map((a) => Buffer.from(a)), mutated), (bytes) => {
        const started = performance.now();
        expect(['ok', 'invalid-json', 'forbidden-key', 'invalid-number', 'invalid-string', 'too-deep']).toContain(reason(bytes));
        durations.push(performance.now() - started);
      }),
      { numRuns: 10000 },
    );
    // reliability.md S3: 50 ms per case, judged on the 99th percentile (a GC pause is not the parser)
    durations.sort((a, b) => a - b);
    expect(durations[Math.floor(durations.length * 0.99)]).toBeLessThan(50);
  });
});
