import { parseXml, XmlError, type XmlErrorReason } from './index';

const PAP = `<?xml version="1.0"?>
<!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP 2.0//EN"
  "http://www.wapforum.org/DTD/pap_2.0.dtd"
  [<?wap-pap-ver supported-versions="2.0,1.*"?>]>
<pap><push-message push-id="42@pi.example.com"><address address-value="WAPPUSH=+15551234567/TYPE=PLMN@ppg.example.com"/></push-message></pap>`;

const SI = `<?xml version="1.0"?>
<!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">
<si><indication href="http://www.example.org/inbox" si-id="msg-42">You have mail</indication></si>`;

const papVersionOnly = (subset: string): boolean => /^<\?wap-pap-ver supported-versions="[^"]*"\?>$/.test(subset);

function reasonOf(text: string, options = {}): XmlErrorReason {
  try {
    parseXml(text, options);
  } catch (e) {
    if (e instanceof XmlError) return e.reason;
    throw e;
  }
  throw new Error('parsed without error');
}

describe('parseXml: accepted documents', () => {
  it('reads an SI document with its public DOCTYPE (si-sl-wbxml.md)', () => {
    const doc = parseXml(SI);
    expect(doc.doctype).toEqual({ name: 'si', publicId: '-//WAPFORUM//DTD SI 1.0//EN', systemId: 'http://www.wapforum.org/DTD/si.dtd' });
    expect(doc.root.name).toBe('si');
    expect(doc.root.children[0]).toEqual({
      name: 'indication',
      attributes: { href: 'http://www.example.org/inbox', 'si-id': 'msg-42' },
      children: [],
      text: 'You have mail',
    });
  });

  it('accepts the PAP version subset only through the caller predicate (pap.md §2)', () => {
    const doc = parseXml(PAP, { allowInternalSubset: papVersionOnly });
    expect(doc.doctype?.internalSubset).toBe('<?wap-pap-ver supported-versions="2.0,1.*"?>');
    expect(doc.root.children[0].children[0].attributes['address-value']).toContain('+15551234567');
    expect(reasonOf(PAP)).toBe('doctype');
    expect(reasonOf(PAP, { allowInternalSubset: () => false })).toBe('doctype');
  });

  it('expands the five predefined entities, numeric references and CDATA', () => {
    const doc = parseXml('<a t="&lt;&amp;&gt;&quot;&apos;&#65;&#x42;">x&amp;y<![CDATA[<z>]]></a>');
    expect(doc.root.attributes.t).toBe('<&>"\'AB');
    expect(doc.root.text).toBe('x&y<z>');
  });

  it('keeps an attribute named __proto__ as plain data', () => {
    const doc = parseXml('<a __proto__="x" constructor="y"/>');
    expect(Object.getPrototypeOf(doc.root.attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(doc.root.attributes, '__proto__')?.value).toBe('x');
  });

  it('accepts exactly the configured limits', () => {
    expect(parseXml('<a><b><c/></b></a>', { maxDepth: 3 }).root.children).toHaveLength(1);
    expect(parseXml('<a><b/><b/></a>', { maxElements: 3 }).root.children).toHaveLength(2);
    expect(parseXml('<a x="1" y="2">abc</a>', { maxAttributes: 2, maxTextLength: 3 }).root.text).toBe('abc');
  });
});

describe('parseXml: reliability.md (c) bad inputs', () => {
  it('#1 billion laughs is refused at the entity declaration', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;">]><lolz>&lol1;</lolz>`;
    expect(reasonOf(lol)).toBe('entity');
    expect(reasonOf(lol, { allowInternalSubset: () => true })).toBe('entity');
  });

  it('#2 XXE SYSTEM entities are refused and nothing is read', () => {
    expect(reasonOf('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>')).toBe('entity');
    expect(reasonOf('<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1/x.dtd"> %p;]><r/>')).toBe('entity');
  });

  it('#3 a 10 KB entity referenced 2,000 times fails before any expansion', () => {
    const body = '&big;'.repeat(2000);
    const started = performance.now();
    expect(reasonOf(`<!DOCTYPE r [<!ENTITY big "${'x'.repeat(10_240)}">]><r>${body}</r>`)).toBe('entity');
    expect(reasonOf(`<r>${body}</r>`)).toBe('entity');
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('#4 10^6 numeric references hit the size cap, and the reference cap below it', () => {
    expect(reasonOf(`<r>${'&#65;'.repeat(1_000_000)}</r>`)).toBe('size');
    expect(reasonOf(`<r>${'&#65;'.repeat(200_000)}</r>`)).toBe('entity');
    expect(reasonOf(`<r>${'&#65;'.repeat(4097)}</r>`)).toBe('entity');
    expect(parseXml(`<r>${'&#65;'.repeat(4096)}</r>`).root.text).toHaveLength(4096);
  });

  it('#5 nesting 100,000 deep stops at depth 33 within 50 ms', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    const started = performance.now();
    expect(reasonOf(deep)).toBe('depth');
    expect(performance.now() - started).toBeLessThan(50);
    expect(parseXml('<a>'.repeat(32) + '</a>'.repeat(32)).root.name).toBe('a');
    expect(reasonOf('<a>'.repeat(33) + '</a>'.repeat(33))).toBe('depth');
  });

  it('#6 a body over 1 MiB is refused before parsing, counting UTF-8 bytes', () => {
    expect(reasonOf(`<r>${'x'.repeat(1024 * 1024)}</r>`)).toBe('size');
    expect(reasonOf(`<r>${'é'.repeat(600_000)}</r>`)).toBe('size');
  });

  it('#7 two root elements are refused (@xmldom CVE-2022-39353)', () => {
    expect(reasonOf('<a/><b/>')).toBe('multiple-roots');
    expect(reasonOf('<a></a>\n<a></a>')).toBe('multiple-roots');
  });

  it('refuses undefined entities, too many elements, attributes or text', () => {
    expect(reasonOf('<r>&nbsp;</r>')).toBe('entity');
    expect(reasonOf('<r a="&x;"/>')).toBe('entity');
    expect(reasonOf('<a>' + '<b/>'.repeat(10_000) + '</a>')).toBe('elements');
    expect(reasonOf('<a x="1" y="2" z="3"/>', { maxAttributes: 2 })).toBe('attributes');
    expect(reasonOf('<a>abcd</a>', { maxTextLength: 3 })).toBe('text');
    expect(reasonOf('<a x="abcd"/>', { maxTextLength: 3 })).toBe('text');
  });

  it('reports malformed documents as syntax errors with a position', () => {
    for (const bad of ['', '   ', 'text', '<a>', '<a></b>', '<a b=1/>', '<a b="1" b="2"/>', '<a/>junk', '<a><!-- x --</a>']) {
      expect(reasonOf(bad)).toBe('syntax');
    }
    try {
      parseXml('<a>\n<b></c></a>');
    } catch (e) {
      expect(e).toBeInstanceOf(XmlError);
      expect((e as XmlError).line).toBe(2);
    }
    expect.assertions(11);
  });

  it('refuses a malformed DOCTYPE or one after the root', () => {
    expect(reasonOf('<!DOCTYPE si PUBLIC "unterminated><si/>')).toBe('syntax');
    expect(reasonOf('<!DOCTYPE si BOGUS "x"><si/>')).toBe('doctype');
    expect(reasonOf('<si/><!DOCTYPE si>')).toBe('doctype');
  });
});
