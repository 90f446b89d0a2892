import { escapeXml, escapeXmlText, parseXml, XmlWriter } from './index';

describe('escapeXml', () => {
  it('escapes markup, quotes and CR/LF/tab as character references', () => {
    expect(escapeXml(`a<b>&"c'\t\n\r`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;&#9;&#10;&#13;');
    expect(escapeXmlText('a<b>&"\n\r')).toBe('a&lt;b&gt;&amp;"\n&#13;');
  });

  it('refuses characters XML cannot carry (reliability.md (c) #25)', () => {
    expect(() => escapeXml('a\u0000b')).toThrow(RangeError);
    expect(() => escapeXmlText('\u001b[31m')).toThrow(RangeError);
    expect(() => escapeXml('\uD800')).toThrow(RangeError);
    expect(escapeXml('😀')).toBe('😀');
  });
});

describe('XmlWriter', () => {
  it('writes a declaration, DOCTYPE and elements that parse back to the same values', () => {
    const xml = new XmlWriter()
      .declaration()
      .doctype({ name: 'pap', publicId: '-//WAPFORUM//DTD PAP 2.0//EN', systemId: 'http://www.wapforum.org/DTD/pap_2.0.dtd' })
      .start('pap')
      .start('push-response', { 'push-id': 'a"b', 'sender-name': undefined })
      .leaf('response-result', { code: 1001, desc: 'line1\nline2' })
      .end()
      .end()
      .toString();
    expect(xml).toContain('<!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP 2.0//EN" "http://www.wapforum.org/DTD/pap_2.0.dtd">');
    expect(xml).toContain('<response-result code="1001" desc="line1&#10;line2"/>');
    const doc = parseXml(xml);
    expect(doc.root.children[0].attributes).toEqual({ 'push-id': 'a"b' });
    expect(doc.root.children[0].children[0].attributes.desc).toBe('line1\nline2');
  });

  it('refuses bad names, unbalanced end() and unclosed elements', () => {
    expect(() => new XmlWriter().start('a b')).toThrow(RangeError);
    expect(() => new XmlWriter().leaf('a', { 'x="1" y': '2' })).toThrow(RangeError);
    expect(() => new XmlWriter().end()).toThrow(RangeError);
    expect(() => new XmlWriter().start('a').toString()).toThrow(/unclosed/);
  });

  it('writes a parsed element tree back out', () => {
    const source = '<si><indication href="http://a/" si-id="1">You &amp; me</indication><info><item class="x">y</item></info></si>';
    expect(new XmlWriter().element(parseXml(source).root).toString()).toBe(source);
  });
});
