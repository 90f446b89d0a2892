import { fromHex, toHex } from '@waken/wire';
import { XmlError } from '@waken/xml';
import { compileCo, compileSi, compileSl, compileWbxml, decompileWbxml, WbxmlCompileError } from './index';

// si-sl-wbxml.md §5, verified with wbxml2xml, xml2wbxml and TShark.
const SI_XML = `<?xml version="1.0"?>
<!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">
<si>
<indication href="http://www.example.org/inbox" si-id="msg-42" action="signal-high"
  created="2024-05-01T12:30:00Z" si-expires="2024-05-08T00:00:00Z">You have mail</indication>
</si>`;
const SI_WBXML =
  '02056a0045c60d036578616d706c65008803696e626f780011036d73672d343200080ac30620240501123010c304202405080103596f752068617665206d61696c000101';

const SL_XML = `<?xml version="1.0"?>
<!DOCTYPE sl PUBLIC "-//WAPFORUM//DTD SL 1.0//EN" "http://www.wapforum.org/DTD/sl.dtd">
<sl href="https://www.example.com/app" action="execute-high"/>`;
const SL_WBXML = '02066a00850c036578616d706c6500850361707000' + '0601';

describe('compileWbxml: verified vectors (si-sl-wbxml.md §5)', () => {
  it('compiles the SI example to the 68 verified octets', () => {
    const bytes = compileWbxml(SI_XML);
    expect(bytes).toHaveLength(68);
    expect(toHex(bytes)).toBe(SI_WBXML);
    expect(toHex(compileSi(SI_XML))).toBe(SI_WBXML);
  });

  it('compiles the SL example byte-exact', () => {
    expect(toHex(compileWbxml(SL_XML))).toBe(SL_WBXML);
    expect(toHex(compileSl(SL_XML))).toBe(SL_WBXML);
  });

  it('writes version 1.3 on request and dispatches on the root without a DOCTYPE', () => {
    expect(toHex(compileWbxml('<sl href="http://a.net/x"/>', { version: 0x03 }))).toBe('03066a00' + '8509' + '036100' + '87' + '037800' + '01');
  });

  it('compiles CO with its uri prefixes', () => {
    const co = '<co><invalidate-object uri="https://www.example.edu/a"/><invalidate-service uri="http://b/"/></co>';
    expect(toHex(compileCo(co))).toBe('02076a00' + '45' + '86' + '09' + '036578616d706c6500' + '86' + '036100' + '01' + '87' + '06' + '03622f00' + '01' + '01');
  });
});

describe('compileWbxml: encoding rules', () => {
  it('takes the longest href prefix and every value token', () => {
    const hex = toHex(compileSi('<si><indication href="https://www.a.com/b.net/c.edu/">x</indication></si>'));
    expect(hex).toContain('0f' + '036100' + '85' + '036200' + '87' + '036300' + '86' + '01');
  });

  it('packs dates as BCD, dropping trailing zero octets (SI §9.2.2)', () => {
    const hex = toHex(compileSi('<si><indication created="2024-12-31T23:59:59Z" si-expires="2030-01-01T00:00:00Z"/></si>'));
    expect(hex).toContain('0ac3072024123123595910c30420300101' + '01');
  });

  it('collapses whitespace in text and drops whitespace-only text', () => {
    const doc = decompileWbxml(compileSi('<si>\n  <indication>\n  You   have\n mail </indication>\n</si>'));
    expect(doc.root.children[0].text).toBe('You have mail');
    expect(doc.root.text).toBe('');
  });

  it('encodes info/item and class (SI §8)', () => {
    const xml = '<si><indication href="http://x/">t</indication><info><item class="c1">i</item></info></si>';
    const doc = decompileWbxml(compileSi(xml));
    expect(doc.root.children[1]).toEqual({
      name: 'info',
      attributes: {},
      children: [{ name: 'item', attributes: { class: 'c1' }, children: [], text: 'i' }],
      text: '',
    });
  });

  it.each([
    ['an unknown element', '<si><bogus/></si>', 'unknown-element'],
    ['an unknown attribute', '<si><indication foo="1"/></si>', 'unknown-attribute'],
    ['a non-enumerated action', '<si><indication action="signal-highest"/></si>', 'invalid-value'],
    ['a bad date', '<si><indication created="2024-13-01T00:00:00Z"/></si>', 'invalid-value'],
    ['a date without Z', '<si><indication created="2024-01-01T00:00:00"/></si>', 'invalid-value'],
    ['an unknown document', '<pap/>', 'unsupported-document'],
    ['a mismatched DOCTYPE', '<!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SL 1.0//EN" "x"><si/>', 'unsupported-document'],
  ])('refuses %s', (_, xml, reason) => {
    expect(() => compileWbxml(xml)).toThrow(WbxmlCompileError);
    expect(() => compileWbxml(xml)).toThrow(new RegExp(`^${reason}`));
  });

  it('refuses SL passed to compileSi, and unsafe XML with XmlError', () => {
    expect(() => compileSi(SL_XML)).toThrow(WbxmlCompileError);
    expect(() => compileWbxml('<!DOCTYPE si [<!ENTITY x "y">]><si>&x;</si>')).toThrow(XmlError);
  });
});

describe('decompileWbxml', () => {
  it('decodes the SI example back to the source document', () => {
    const doc = decompileWbxml(fromHex(SI_WBXML));
    expect(doc.publicId).toBe('-//WAPFORUM//DTD SI 1.0//EN');
    expect(doc.version).toBe(2);
    expect(doc.root.children[0].attributes).toEqual({
      href: 'http://www.example.org/inbox',
      'si-id': 'msg-42',
      action: 'signal-high',
      created: '2024-05-01T12:30:00Z',
      'si-expires': '2024-05-08T00:00:00Z',
    });
    expect(doc.xml).toContain('<!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">');
    expect(doc.xml).toContain('>You have mail</indication></si>');
  });

  it('reads the string table, literal public ids, STR_T, ENTITY and SWITCH_PAGE 0', () => {
    const fpi = '2d2f2f574150464f52554d2f2f44544420534c20312e302f2f454e00'; // -//WAPFORUM//DTD SL 1.0//EN
    const bytes = fromHex(`03 00 00 6a 1e ${fpi} 6100 00 00 85 08 83 1c 02 81 69 00 00 01`);
    const doc = decompileWbxml(bytes);
    expect(doc.publicId).toBe('-//WAPFORUM//DTD SL 1.0//EN');
    expect(doc.root.attributes).toEqual({ href: 'aé' });
  });
});
