import fc from 'fast-check';
import { formatPapAddress, PapAddress } from './pap-address';
import { PapDocument, PapRecipient } from './pap-document.model';
import { parsePapDocument } from './pap-document-parser';
import { PapError } from './pap-error';
import { writePapRequest } from './pap-request-writer';
import { formatPapTimestamp } from './pap-timestamp';
import { PAP_VERSIONS } from './pap-version';
import { FIXTURE_NOW, fixture } from './testing/fixtures';
import { fuzzRuns, mutate, valueOrTypedError } from './testing/fuzz-oracle';

const RUNS = fuzzRuns(2500);
const now = FIXTURE_NOW.getTime();
const HOUR = 3600_000;

const idArb = fc.stringMatching(/^[!-~]([ -~]{0,40}[!-~])?$/);
const textArb = fc.string({ unit: fc.constantFrom(...Array.from('abc XYZ<>&"\'é€漢🙂')), maxLength: 30 });
const recipientArb: fc.Arbitrary<PapRecipient> = fc
  .oneof(
    fc.integer({ min: 1, max: 999_999_999 }).map((n): PapAddress => ({ type: 'PLMN', value: `+${n}` })),
    fc.ipV4().filter((ip) => !/(^|\.)0\d/.test(ip)).map((value): PapAddress => ({ type: 'IPv4', value })),
    fc.stringMatching(/^[a-z0-9.+-]{1,12}$/).map((u): PapAddress => ({ type: 'USER', value: `sip:${u}@example.com` })),
  )
  .map((a) => ({ addressValue: formatPapAddress(a), ...a }));
const recipientsArb = (min: number) =>
  fc.uniqueArray(recipientArb, { minLength: min, maxLength: 6, selector: (r) => `${r.type}:${r.value}` });
const qosArb = fc.record(
  {
    priority: fc.constantFrom('high', 'medium', 'low'),
    deliveryMethod: fc.constantFrom('confirmed', 'preferconfirmed', 'unconfirmed', 'notspecified'),
    network: fc.constantFrom('GSM', 'IS-95 CDMA', 'Any'),
    networkRequired: fc.boolean(),
    bearer: fc.constantFrom('SMS', 'GPRS', 'Packet Data'),
    bearerRequired: fc.boolean(),
  },
  { requiredKeys: ['priority', 'deliveryMethod', 'networkRequired', 'bearerRequired'] },
);
const baseArb = fc.record(
  {
    version: fc.constantFrom(...PAP_VERSIONS),
    supportedVersions: fc.constantFrom(['2.0', '1.*'], ['2.*'], ['1.0']),
    productName: textArb,
  },
  { requiredKeys: ['version'] },
);

const pushArb = fc
  .tuple(baseArb, idArb, recipientsArb(1), qosArb, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 300 }), fc.boolean())
  .chain(([base, pushId, addresses, qos, afterHours, windowHours, notes]) =>
    fc.record(
      {
        deliverAfter: fc.constant(formatPapTimestamp(now + afterHours * HOUR)),
        deliverBefore: fc.constant(formatPapTimestamp(now + (afterHours + windowHours + 1) * HOUR)),
        sourceReference: textArb,
        ppgNotifyRequestedTo: fc.webUrl({ validSchemes: ['https'] }).filter((u) => /^[!-~]{1,1000}$/.test(u)),
        replacePushId: base.version === '1.0' ? fc.constant(undefined) : idArb,
      },
      { requiredKeys: [] },
    ).map((opt): PapDocument => {
      const { replacePushId, ...rest } = opt;
      return {
        kind: 'push-message',
        ...base,
        pushId,
        ...rest,
        ...(replacePushId === undefined ? {} : { replacePushId, replaceMethod: 'all' as const }),
        progressNotesRequested: notes,
        addresses,
        qos,
      };
    }),
  );

const otherArb: fc.Arbitrary<PapDocument> = fc.oneof(
  fc.tuple(baseArb, idArb, recipientsArb(0)).map(([b, pushId, addresses]): PapDocument => ({ kind: 'cancel-message', ...b, pushId, addresses })),
  fc.tuple(baseArb, idArb, recipientsArb(0)).map(([b, pushId, addresses]): PapDocument => ({ kind: 'statusquery-message', ...b, pushId, addresses })),
  fc.tuple(baseArb, idArb, recipientArb).map(([b, queryId, address]): PapDocument => ({ kind: 'ccq-message', ...b, queryId, address })),
  fc
    .tuple(baseArb, idArb, fc.constantFrom(1000, 2000, 3000, 4000, 5000, 2007))
    .map(([b, pushId, code]): PapDocument => ({ kind: 'resultnotification-response', ...b, pushId, code, desc: 'x' })),
);

const SAMPLES = [
  'pap-2.0-push-message.xml',
  'pap-1.0-push-message.xml',
  'pap-2.1-multi-address-push-message.xml',
  'pap-2.0-cancel-message.xml',
  'pap-1.0-ccq-message.xml',
  'pap-2.0-resultnotification-response.xml',
].map((name) => Buffer.from(fixture(name)));

const parse = (input: string | Buffer) => parsePapDocument(input, { now: FIXTURE_NOW });

describe('parsePapDocument fuzz (reliability.md S3)', () => {
  it('round-trips structured requests: write → parse → equal', () => {
    fc.assert(
      fc.property(fc.oneof(pushArb, otherArb), (doc) => {
        expect(parse(writePapRequest(doc))).toEqual(doc);
      }),
      RUNS,
    );
  });

  it('mutated fixture documents give a document or PapError, fast', () => {
    const edits = fc.array(fc.record({ kind: fc.nat(3), at: fc.nat(), byte: fc.nat(255) }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES), edits, (sample, e) => {
        valueOrTypedError(() => parse(mutate(sample, e)), PapError);
      }),
      RUNS,
    );
  });

  it('hostile snippets spliced into a valid document give PapError or a document, fast', () => {
    const snippets = ['<!ENTITY x "y">', '&x;', '&#65;', '<a>', '</pap>', ']>', '<?wap-pap-ver supported-versions="9"?>', '"', '\u0000', '<!--', '<![CDATA['];
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES), fc.nat(), fc.constantFrom(...snippets), (sample, at, snippet) => {
        const text = sample.toString();
        const pos = at % text.length;
        valueOrTypedError(() => parse(text.slice(0, pos) + snippet + text.slice(pos)), PapError);
      }),
      RUNS,
    );
  });

  it('raw bytes and raw strings give PapError, fast', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1024 }), fc.string({ maxLength: 300 }), (bytes, text) => {
        valueOrTypedError(() => parse(Buffer.from(bytes)), PapError);
        valueOrTypedError(() => parse(text), PapError);
      }),
      RUNS,
    );
  });
});
