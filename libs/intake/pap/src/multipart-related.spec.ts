import { buildMultipartRelated } from './multipart-related-builder';
import { MultipartError, MultipartErrorReason } from './multipart-error';
import { parseMultipartRelated } from './multipart-related';

const CT = 'multipart/related; boundary=asdf; type="application/xml"';
const CONTROL = '<?xml version="1.0"?><pap/>';

function body(...lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

function submission(): Buffer {
  return body(
    '--asdf',
    'Content-Type: application/xml; charset=UTF-8',
    '',
    CONTROL,
    '--asdf',
    'Content-Type: text/vnd.wap.si',
    'X-Wap-Application-Id: x-wap-application:wml.ua',
    '',
    '<si/>',
    '--asdf--',
    '',
  );
}

function reasonOf(run: () => unknown): MultipartErrorReason | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof MultipartError) return e.reason;
    throw e;
  }
  return undefined;
}

describe('parseMultipartRelated', () => {
  it('reads the pap.md §8 push submission: control part first, content part second', () => {
    const result = parseMultipartRelated(submission(), CT);
    expect(result.type).toBe('application/xml');
    expect(result.parts).toHaveLength(2);
    expect(result.parts[0]).toMatchObject({ mediaType: 'application/xml', contentType: 'application/xml; charset=UTF-8' });
    expect(result.parts[0].body.toString()).toBe(CONTROL);
    expect(result.parts[1].headers['x-wap-application-id']).toBe('x-wap-application:wml.ua');
    expect(result.parts[1].body.toString()).toBe('<si/>');
  });

  it('accepts a preamble, an epilogue, transport padding, bare LF line breaks and a quoted boundary', () => {
    const text = 'preamble\n--a b:c  \nContent-Type: application/xml\n\n<pap/>\n--a b:c--\nepilogue';
    const result = parseMultipartRelated(Buffer.from(text), 'Multipart/Related; boundary="a b:c"');
    expect(result.parts.map((p) => p.body.toString())).toEqual(['<pap/>']);
  });

  it('defaults a part without Content-Type to text/plain and keeps an empty body', () => {
    const result = parseMultipartRelated(body('--b', '', '--b', 'Content-Type: text/plain', '', '--b--'), 'multipart/related; boundary=b');
    expect(result.parts.map((p) => [p.mediaType, p.body.length])).toEqual([
      ['text/plain', 0],
      ['text/plain', 0],
    ]);
  });

  it('does not take a longer boundary-like line for the delimiter', () => {
    const result = parseMultipartRelated(body('--b', '', '--bb', 'x', '--b--'), 'multipart/related; boundary=b');
    expect(result.parts[0].body.toString()).toBe('--bb\r\nx');
  });

  it.each<[string, string, Buffer | string, MultipartErrorReason]>([
    ['#8 missing boundary', 'multipart/related; type="application/xml"', submission(), 'missing-boundary'],
    ['#8 boundary > 70 chars', `multipart/related; boundary=${'a'.repeat(71)}`, submission(), 'boundary-too-long'],
    ['#8 boundary with invalid characters', 'multipart/related; boundary="a<b"', submission(), 'invalid-boundary'],
    ['#8 boundary ending in a space', 'multipart/related; boundary="ab "', submission(), 'invalid-boundary'],
    ['#8 no closing delimiter', CT, body('--asdf', 'Content-Type: application/xml', '', CONTROL), 'missing-closing-delimiter'],
    ['#8 no delimiter at all', CT, 'hello', 'missing-opening-delimiter'],
    ['#9 header line folded with a space', CT, body('--asdf', 'Content-Type: application/xml', ' ; x=y', '', CONTROL, '--asdf--'), 'obsolete-header-folding'],
    ['#9 header line folded with a tab', CT, body('--asdf', '\tContent-Type: application/xml', '', CONTROL, '--asdf--'), 'obsolete-header-folding'],
    ['#11 wrong root part type', CT, body('--asdf', 'Content-Type: text/plain', '', 'x', '--asdf--'), 'root-type-mismatch'],
    ['#11 root part charset other than UTF-8', CT, body('--asdf', 'Content-Type: application/xml; charset=ISO-8859-1', '', 'x', '--asdf--'), 'unsupported-charset'],
    ['not multipart/related', 'multipart/form-data; boundary=asdf', submission(), 'not-multipart-related'],
    ['garbage Content-Type', 'multipart/related; boundary', submission(), 'bad-content-type'],
    ['closing delimiter first', CT, body('--asdf--'), 'no-parts'],
    ['header without a colon', CT, body('--asdf', 'Content-Type application/xml', '', CONTROL, '--asdf--'), 'malformed-header'],
    ['duplicate Content-Type', CT, body('--asdf', 'Content-Type: application/xml', 'content-type: text/plain', '', CONTROL, '--asdf--'), 'duplicate-header'],
    ['headers never end', CT, '--asdf\r\nContent-Type: application/xml', 'unterminated-headers'],
    ['unparseable part Content-Type', CT, body('--asdf', 'Content-Type: xml', '', CONTROL, '--asdf--'), 'malformed-header'],
  ])('refuses %s', (_name, contentType, input, reason) => {
    const buf = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
    expect(reasonOf(() => parseMultipartRelated(buf, contentType))).toBe(reason);
  });

  it('#11 refuses invalid UTF-8 in the control part', () => {
    const bad = Buffer.concat([body('--asdf', 'Content-Type: application/xml', '', ''), Buffer.from([0xc3, 0x28]), body('', '--asdf--')]);
    expect(reasonOf(() => parseMultipartRelated(bad, CT))).toBe('invalid-utf8');
  });

  it('#10 refuses 10,000 parts above 3, and 10,000 headers above 50', () => {
    const parts = Buffer.from(`${'--b\r\n\r\nx\r\n'.repeat(10_000)}--b--`);
    expect(reasonOf(() => parseMultipartRelated(parts, 'multipart/related; boundary=b'))).toBe('too-many-parts');
    const lines = Array.from({ length: 10_000 }, (_, i) => `X-${i}: 1\r\n`).join('');
    const headers = Buffer.from(`--b\r\n${lines}\r\nx\r\n--b--`);
    expect(reasonOf(() => parseMultipartRelated(headers, 'multipart/related; boundary=b'))).toBe('too-many-headers');
  });

  it('accepts exactly 3 parts and 50 headers', () => {
    const ok = Buffer.from(`--b\r\n${Array.from({ length: 50 }, (_, i) => `X-${i}: v\r\n`).join('')}\r\nx\r\n--b\r\n\r\ny\r\n--b\r\n\r\nz\r\n--b--`);
    expect(parseMultipartRelated(ok, 'multipart/related; boundary=b').parts).toHaveLength(3);
  });

  it('#6 refuses a body over the size cap before reading it, with HTTP 413', () => {
    const error = (() => {
      try {
        parseMultipartRelated(Buffer.alloc(2 * 1024 * 1024), CT);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MultipartError);
    expect((error as MultipartError).httpStatus).toBe(413);
    expect((error as MultipartError).papCode).toBe(2000);
  });

  it('refuses a header line over the cap, however long the rest of the body', () => {
    const long = Buffer.from(`--b\r\nX-A: ${'a'.repeat(5000)}\r\n\r\nx\r\n--b--`);
    expect(reasonOf(() => parseMultipartRelated(long, 'multipart/related; boundary=b'))).toBe('header-line-too-long');
    expect(reasonOf(() => parseMultipartRelated(long, 'multipart/related; boundary=b', { maxHeaderLineLength: 6000 }))).toBeUndefined();
  });
});

describe('buildMultipartRelated', () => {
  it('builds what the parser reads back, with the root type as the type parameter', () => {
    const built = buildMultipartRelated(
      [
        { contentType: 'application/xml; charset=UTF-8', body: Buffer.from(CONTROL) },
        { contentType: 'application/rdf+xml', headers: { 'Content-Location': 'caps' }, body: Buffer.from('<rdf/>') },
      ],
      'frontier',
    );
    expect(built.contentType).toBe('multipart/related; boundary=frontier; type="application/xml"');
    expect(built.body.toString()).toContain('--frontier\r\nContent-Type: application/xml; charset=UTF-8\r\n\r\n');
    const parsed = parseMultipartRelated(built.body, built.contentType);
    expect(parsed.parts.map((p) => p.body.toString())).toEqual([CONTROL, '<rdf/>']);
    expect(parsed.parts[1].headers['content-location']).toBe('caps');
  });

  it('refuses a boundary that occurs in a body, a bad boundary, bad headers and no parts', () => {
    const part = { contentType: 'text/plain', body: Buffer.from('a\r\n--zz\r\n') };
    expect(reasonOf(() => buildMultipartRelated([part], 'zz'))).toBe('boundary-in-body');
    expect(reasonOf(() => buildMultipartRelated([part], 'z\r\n'))).toBe('invalid-boundary');
    expect(reasonOf(() => buildMultipartRelated([{ ...part, headers: { 'X-A': 'a\r\nb' } }], 'q'))).toBe('malformed-header');
    expect(reasonOf(() => buildMultipartRelated([], 'q'))).toBe('no-parts');
    expect(reasonOf(() => buildMultipartRelated([{ ...part, headers: { 'content-TYPE': 'x/y' } }], 'q'))).toBe('duplicate-header');
  });

  it('makes a random boundary when none is given', () => {
    const a = buildMultipartRelated([{ contentType: 'text/plain', body: Buffer.from('x') }]);
    const b = buildMultipartRelated([{ contentType: 'text/plain', body: Buffer.from('x') }]);
    expect(a.contentType).not.toBe(b.contentType);
  });
});
