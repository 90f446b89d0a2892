import { parseXml, XmlDocument, XmlDoctype, XmlElement, XmlError } from '@waken/xml';
import type { PapDocument } from './pap-document.model';
import { isPapId, PapElementReader } from './pap-element-reader';
import { PapError } from './pap-error';
import { DEFAULT_MAX_ADDRESSES, DEFAULT_MAX_DELIVER_AHEAD_MS, PapParseOptions, PapReadContext } from './pap-parse-options';
import { readPushMessage } from './pap-push-message.reader';
import { readCcqMessage, readPushIdQuery, readResultNotificationResponse } from './pap-request.readers';
import { isPapVersionSubset, negotiatePapVersion, PapVersion, supportedVersionsOf, versionOfPublicId } from './pap-version';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/** Elements of a PAP document besides the addresses: pap, the operation, qos, result. */
const FIXED_ELEMENTS = 8;

/**
 * Parses a PAP control entity (pap.md §3) into a PapDocument. Only PAP public DOCTYPEs
 * with no internal subset, or only `<?wap-pap-ver ...?>`, are accepted; entities never
 * (reliability.md #1-#5, #7). Throws only PapError: 2000 bad request (with a
 * bad-message-fragment), 2002 address error, 3002 version not supported.
 */
export function parsePapDocument(input: string | Buffer, options: PapParseOptions = {}): PapDocument {
  const text = decode(input);
  const maxAddresses = options.maxAddresses ?? DEFAULT_MAX_ADDRESSES;
  const xml = parseControlXml(text, maxAddresses, options);
  const { version, supportedVersions } = readVersion(xml.doctype, text);
  const ctx: PapReadContext = {
    nowMs: (options.now ?? new Date()).getTime(),
    maxAddresses,
    maxDeliverAheadMs: options.maxDeliverAheadMs ?? DEFAULT_MAX_DELIVER_AHEAD_MS,
    isVersion1: version === '1.0',
  };
  try {
    const base = { version, ...(supportedVersions && { supportedVersions }) };
    return readOperation(new PapElementReader(xml.root), base, ctx);
  } catch (e) {
    if (!(e instanceof PapError)) throw e;
    throw e.with({ version, ...requestOf(xml.root), badMessageFragment: e.code === 2000 ? fragmentOf(text) : undefined });
  }
}

/** The operation and its push-id/query-id, so the caller can answer in kind (e.g. push-response 2002). */
function requestOf(root: XmlElement): { operation?: string; requestId?: string } {
  const op = root.name === 'pap' && root.children.length === 1 ? root.children[0] : undefined;
  if (!op) return {};
  const id = op.attributes['push-id'] ?? op.attributes['query-id'];
  return id !== undefined && isPapId(id) ? { operation: op.name, requestId: id } : { operation: op.name };
}

function decode(input: string | Buffer): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return UTF8.decode(input);
  } catch {
    throw new PapError(2000, 'control entity is not valid UTF-8', { badMessageFragment: '' });
  }
}

function parseControlXml(text: string, maxAddresses: number, options: PapParseOptions): XmlDocument {
  try {
    return parseXml(text, {
      maxElements: maxAddresses + FIXED_ELEMENTS,
      ...options.xml,
      allowInternalSubset: isPapVersionSubset,
    });
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    // element count past the cap can only be addresses in a valid document (reliability.md #13)
    if (e.reason === 'elements') throw new PapError(2002, `more than ${maxAddresses} addresses`);
    throw new PapError(2000, `XML ${e.reason}: ${e.message}`, { badMessageFragment: fragmentOf(text, e.line) });
  }
}

/** pap.md §2: a PAP public DOCTYPE names the version; another PAP version is 3002. */
function readVersion(doctype: XmlDoctype | undefined, text: string): { version: PapVersion; supportedVersions?: string[] } {
  const fragment = { badMessageFragment: fragmentOf(text) };
  if (!doctype || doctype.name !== 'pap' || doctype.publicId === undefined) {
    throw new PapError(2000, 'a PAP public DOCTYPE is required', fragment);
  }
  const version = versionOfPublicId(doctype.publicId);
  if (version === undefined) throw new PapError(2000, 'not a PAP public identifier', fragment);
  const supportedVersions = doctype.internalSubset === undefined ? undefined : supportedVersionsOf(doctype.internalSubset);
  if (version === 'unsupported') {
    // answer in a version the PI says it also speaks, when it says so (pap.md §2)
    const answerIn = supportedVersions && negotiatePapVersion(supportedVersions);
    const desc = `unsupported PAP version in ${doctype.publicId.slice(0, 64)}`;
    throw new PapError(3002, desc, answerIn ? { ...fragment, version: answerIn } : fragment);
  }
  return supportedVersions ? { version, supportedVersions } : { version };
}

type Base = Pick<PapDocument, 'version' | 'supportedVersions'>;

function readOperation(pap: PapElementReader, base: Base, ctx: PapReadContext): PapDocument {
  if (pap.name !== 'pap') throw pap.fault('root element must be <pap>');
  const productName = pap.optional('product-name', 'text');
  const operations = pap.element.children;
  if (operations.length !== 1 || pap.element.text.trim() !== '') throw pap.fault('exactly one operation element expected');
  const op = new PapElementReader(operations[0]);
  const head = { ...base, ...(productName !== undefined && { productName }) };
  switch (op.name) {
    case 'push-message':
      return { kind: 'push-message', ...head, ...readPushMessage(op, ctx) };
    case 'cancel-message':
      return { kind: 'cancel-message', ...head, ...readPushIdQuery(op, ctx) };
    case 'statusquery-message':
      return { kind: 'statusquery-message', ...head, ...readPushIdQuery(op, ctx) };
    case 'ccq-message':
      return { kind: 'ccq-message', ...head, ...readCcqMessage(op) };
    case 'resultnotification-response':
      return { kind: 'resultnotification-response', ...head, ...readResultNotificationResponse(op) };
    default:
      throw op.fault('not a PAP request this PPG accepts');
  }
}

/** The line the parser stopped at (or the start of the text), for bad-message-fragment. */
function fragmentOf(text: string, line?: number): string {
  const lines = text.split('\n', (line ?? 1) + 1);
  const at = line === undefined ? text.trimStart() : (lines[line - 1] ?? '');
  return at.slice(0, 256);
}
