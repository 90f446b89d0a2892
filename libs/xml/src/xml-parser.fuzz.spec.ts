import fc from 'fast-check';
import { parseXml, XmlError, XmlWriter, type XmlElement } from './index';

// reliability.md S3 oracle: a value or XmlError, within 50 ms, never another exception.
const BUDGET_MS = 50;

function timed(text: string): number {
  const started = performance.now();
  try {
    parseXml(text);
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
  }
  return performance.now() - started;
}

// An over-budget case is timed again: a GC pause is not a failure, a slow input still is.
function oracle(text: string): boolean {
  if (timed(text) <= BUDGET_MS) return true;
  const again = timed(text);
  if (again > BUDGET_MS) throw new Error(`took ${again.toFixed(1)} ms`);
  return true;
}

const SAMPLES = [
  '<?xml version="1.0"?>\n<!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">\n<si><indication href="http://www.xyz.com/email/123/abc.wml" created="1999-06-25T15:23:15Z" si-expires="1999-06-30T00:00:00Z">You have 4 new emails</indication></si>',
  '<?xml version="1.0"?>\n<!DOCTYPE sl PUBLIC "-//WAPFORUM//DTD SL 1.0//EN" "http://www.wapforum.org/DTD/sl.dtd">\n<sl href="http://www.xyz.com/ppaid/123/abc.wml" action="execute-high"/>',
  '<pap><push-message push-id="1"><address address-value="WAPPUSH=+1/TYPE=PLMN@x"/><quality-of-service priority="high"/></push-message></pap>',
  '<a x="&lt;&#65;&#x42;">t<![CDATA[<c>]]><!-- c --><?pi x?><b/></a>',
];

const FRAGMENTS = ['<', '>', '&', '&#', '&#x', ';', '"', "'", ']]>', '<!ENTITY x "y">', '<!DOCTYPE a [', ']>', '<a>', '</a>', '<![CDATA[', '&lol;', '\u0000', '\uD800', '=', ' ', '/>'];

const mutation = fc.record({
  sample: fc.constantFrom(...SAMPLES),
  edits: fc.array(
    fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 8 }),
      insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

function applyEdits({ sample, edits }: { sample: string; edits: { at: number; remove: number; insert: string }[] }): string {
  let text = sample;
  for (const { at, remove, insert } of edits) {
    const pos = at % (text.length + 1);
    text = text.slice(0, pos) + insert + text.slice(pos + remove);
  }
  return text;
}

const textChar = fc.constantFrom('a', 'Z', '0', ' ', '<', '>', '&', '"', "'", '\t', '\n', '\r', 'é', '😀', ']');
const xmlText = fc.string({ unit: textChar, maxLength: 12 });
const xmlName = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);

const tree = fc.letrec<{ element: XmlElement }>((tie) => ({
  element: fc.record({
    name: xmlName,
    attributes: fc.dictionary(xmlName, xmlText, { maxKeys: 4 }),
    children: fc.oneof({ maxDepth: 5, depthIdentifier: 'tree' }, fc.constant<XmlElement[]>([]), fc.array(tie('element'), { maxLength: 3 })),
    text: xmlText,
  }),
})).element;

describe('parseXml fuzz (reliability.md S3)', () => {
  it('random strings give a document or XmlError in bounded time', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), oracle), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...FRAGMENTS, 'a', 'b'), maxLength: 200 }), oracle), { numRuns: 3000 });
  });

  it('mutated valid documents give a document or XmlError in bounded time', () => {
    fc.assert(fc.property(mutation, (m) => oracle(applyEdits(m))), { numRuns: 5000 });
  });

  it('every written tree parses back to the same tree', () => {
    fc.assert(
      fc.property(tree, (root) => {
        expect(parseXml(new XmlWriter().element(root).toString()).root).toEqual(root);
      }),
      { numRuns: 1000 },
    );
  });
});
