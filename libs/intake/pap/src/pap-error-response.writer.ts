import { writeBadMessageResponse, writeCancelResponse, writeCcqResponse, writePushResponse } from './pap-document-writer';
import { PapError } from './pap-error';
import { PapWriteOptions } from './pap-writer-base';

/**
 * The answer to a request the parser refused: a push-response, cancel-response or
 * ccq-response carrying the code when the operation and its id were readable (e.g. 2002
 * for a bad address), else a badmessage-response (2000 unparseable, 3002 version; pap.md §2).
 * Written in the request's version when it was identified.
 */
export function writePapErrorResponse(error: PapError, options: PapWriteOptions = {}): string {
  const opts = { ...options, version: error.version ?? options.version };
  const result = { code: error.code, desc: error.desc };
  const id = error.requestId;
  if (id !== undefined && error.code !== 3002) {
    if (error.operation === 'push-message') return writePushResponse({ pushId: id, result }, opts);
    if (error.operation === 'cancel-message') return writeCancelResponse({ pushId: id, results: [result] }, opts);
    if (error.operation === 'ccq-message') return writeCcqResponse({ queryId: id, result }, opts);
  }
  return writeBadMessageResponse({ result, badMessageFragment: error.badMessageFragment ?? '' }, opts);
}
