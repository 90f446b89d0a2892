import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toHex } from '@waken/wire';
import { parseXml, type XmlElement } from '@waken/xml';
import { compileWbxml, decompileWbxml } from './index';

// Cross-checks against libwbxml 0.11.8 (installed by scripts/infra/tools.sh), si-sl-wbxml.md §5.
const DOCS: Record<string, string> = {
  'si-example': `<?xml version="1.0"?>
<!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">
<si>
<indication href="http://www.example.org/inbox" si-id="msg-42" action="signal-high"
  created="2024-05-01T12:30:00Z" si-expires="2024-05-08T00:00:00Z">You have mail</indication>
</si>`,
  'sl-example': `<?xml version="1.0"?>
<!DOCTYPE sl PUBLIC "-//WAPFORUM//DTD SL 1.0//EN" "http://www.wapforum.org/DTD/sl.dtd">
<sl href="https://www.example.com/app" action="execute-high"/>`,
  'si-rich': `<!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">
<si><indication href="https://shop.example.net/a?b=1&amp;c=2" created="2025-12-31T23:59:59Z" action="signal-low">Caf\u00e9 &lt;sale&gt; "now"</indication>
<info><item class="promo">50% off</item><item class="x">second</item></info></si>`,
  'co-example': `<!DOCTYPE co PUBLIC "-//WAPFORUM//DTD CO 1.0//EN" "http://www.wapforum.org/DTD/co_1.0.dtd">
<co><invalidate-object uri="http://www.example.com/news.wml"/><invalidate-service uri="https://example.edu/"/></co>`,
};

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'waken-wbxml-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(tool: string, args: string[]): void {
  execFileSync(tool, args, { timeout: 10_000, stdio: 'pipe' });
}

/** Element names, attributes and whitespace-normalised text, which is what both sides must agree on. */
function normalise(element: XmlElement): XmlElement {
  return {
    name: element.name,
    attributes: element.attributes,
    children: element.children.map(normalise),
    text: element.text.replace(/\s+/g, ' ').trim(),
  };
}

describe.each(Object.keys(DOCS))('libwbxml agrees on %s', (name) => {
  const xml = DOCS[name];

  it('wbxml2xml decodes our WBXML back to the original XML', () => {
    const input = join(dir, `${name}.wbxml`);
    const output = join(dir, `${name}.out.xml`);
    writeFileSync(input, compileWbxml(xml));
    run('wbxml2xml', ['-o', output, input]);
    const decoded = parseXml(readFileSync(output, 'utf8'));
    expect(decoded.doctype?.publicId).toBe(parseXml(xml).doctype?.publicId);
    expect(normalise(decoded.root)).toEqual(normalise(parseXml(xml).root));
  });

  it('our decompiler reads what xml2wbxml writes', () => {
    const input = join(dir, `${name}.in.xml`);
    const output = join(dir, `${name}.lib.wbxml`);
    writeFileSync(input, xml);
    run('xml2wbxml', ['-v', '1.2', '-n', '-o', output, input]);
    const theirs = new Uint8Array(readFileSync(output));
    expect(normalise(decompileWbxml(theirs).root)).toEqual(normalise(parseXml(xml).root));
  });
});

describe('byte-exact agreement with xml2wbxml -v 1.2 -n', () => {
  it.each(['si-example', 'sl-example'])('%s', (name) => {
    const input = join(dir, `${name}.exact.xml`);
    const output = join(dir, `${name}.exact.wbxml`);
    writeFileSync(input, DOCS[name]);
    run('xml2wbxml', ['-v', '1.2', '-n', '-o', output, input]);
    expect(toHex(compileWbxml(DOCS[name]))).toBe(toHex(new Uint8Array(readFileSync(output))));
  });
});
