import { checkPushContent } from './content-policy';
import { MultipartError } from './multipart-error';
import { MultipartLimits } from './multipart-limits';
import { MultipartPart, parseMultipartRelated } from './multipart-related';
import { parsePapDocument } from './pap-document-parser';
import type { PapPushMessage } from './pap-document.model';
import { PapError } from './pap-error';
import { PapParseOptions } from './pap-parse-options';

export interface PushSubmission {
  /** The control entity, with applicationId from the content part's X-Wap-Application-Id. */
  readonly message: PapPushMessage;
  readonly content: MultipartPart;
  /** The PI's assumed client capabilities (UAProf RDF), when sent. */
  readonly capabilities?: MultipartPart;
}

export interface PushSubmissionOptions {
  /** The PI is trusted for the content policy (reliability.md #15). */
  readonly trusted: boolean;
  readonly multipart?: Partial<MultipartLimits>;
  readonly pap?: PapParseOptions;
}

const XML_TYPES = new Set(['application/xml', 'text/xml']);
// contracts PushContent.applicationId: at most 200 characters; URN form or a numeric code
const APPLICATION_ID = /^[\x21-\x7e]{1,200}$/;

/**
 * Reads a push submission (pap.md §1): control entity first (application/xml), content
 * second, capabilities optionally third. seed §S1. Throws MultipartError, PapError or
 * ContentPolicyError; each carries the PAP code to answer with.
 */
export function readPushSubmission(body: Buffer, contentTypeHeader: string, options: PushSubmissionOptions): PushSubmission {
  const { parts } = parseMultipartRelated(body, contentTypeHeader, options.multipart);
  const [control, content, capabilities] = parts;
  if (!XML_TYPES.has(control.mediaType)) throw new MultipartError('root-type-mismatch', 'control entity must be application/xml');
  if (!content) throw new PapError(2000, 'push submission without a content entity');
  if (capabilities && !capabilities.mediaType.endsWith('xml')) {
    throw new MultipartError('root-type-mismatch', 'capabilities entity must be XML (RDF)');
  }
  const doc = parsePapDocument(control.body, options.pap);
  if (doc.kind !== 'push-message') {
    throw new PapError(2000, `${doc.kind} cannot be a push submission`, { version: doc.version });
  }
  const applicationId = readApplicationId(content, doc);
  checkPushContent(content.mediaType, content.body, { trusted: options.trusted });
  const message = applicationId === undefined ? doc : { ...doc, applicationId };
  return capabilities ? { message, content, capabilities } : { message, content };
}

function readApplicationId(content: MultipartPart, doc: PapPushMessage): string | undefined {
  const id = content.headers['x-wap-application-id'];
  if (id === undefined) return undefined;
  if (!APPLICATION_ID.test(id)) {
    throw new PapError(2000, 'X-Wap-Application-Id is not a valid application id', {
      version: doc.version,
      operation: 'push-message',
      requestId: doc.pushId,
    });
  }
  return id;
}
