import { readRecipient, readRecipients } from './pap-address.reader';
import type {
  PapCancelMessage,
  PapCcqMessage,
  PapResultNotificationResponse,
  PapStatusQueryMessage,
} from './pap-document.model';
import { PapElementReader } from './pap-element-reader';
import type { PapReadContext } from './pap-parse-options';
import { dropUndefined } from './pap-push-message.reader';
import { resolvePapStatus } from './pap-status';

type Fields<T> = Omit<T, 'kind' | 'version' | 'supportedVersions' | 'productName'>;
const MANY: readonly [number, number] = [0, Number.MAX_SAFE_INTEGER];

/** `<cancel-message>` and `<statusquery-message>`: a push-id and optionally some recipients. */
export function readPushIdQuery(
  element: PapElementReader,
  ctx: PapReadContext,
): Fields<PapCancelMessage> & Fields<PapStatusQueryMessage> {
  const children = element.children({ address: MANY });
  return { pushId: element.required('push-id', 'id'), addresses: readRecipients(children['address'], ctx.maxAddresses) };
}

/** `<ccq-message>`: client capabilities query for exactly one address. */
export function readCcqMessage(ccq: PapElementReader): Fields<PapCcqMessage> {
  const children = ccq.children({ address: [1, 1] });
  return dropUndefined({
    queryId: ccq.required('query-id', 'id'),
    appId: ccq.optional('app-id', 'text'),
    address: readRecipient(children['address'][0]),
  });
}

/** `<resultnotification-response>`: the PI acknowledges our result notification (seed §S12). */
export function readResultNotificationResponse(response: PapElementReader): Fields<PapResultNotificationResponse> {
  const children = response.children({ address: [0, 1], 'response-result': [1, 1] });
  const result = children['response-result'][0];
  result.children({});
  const codeText = result.required('code', 'token');
  const status = /^\d{4}$/.test(codeText) ? resolvePapStatus(Number(codeText)) : undefined;
  if (!status) throw result.fault('code is not a PAP status code');
  const replyTime = response.timestamp('reply-time');
  return dropUndefined({
    pushId: response.required('push-id', 'id'),
    address: children['address'].length ? readRecipient(children['address'][0]) : undefined,
    code: status.code,
    desc: result.optional('desc', 'text'),
    senderAddress: response.optional('sender-address', 'text'),
    senderName: response.optional('sender-name', 'text'),
    replyTime: replyTime?.text,
  });
}
