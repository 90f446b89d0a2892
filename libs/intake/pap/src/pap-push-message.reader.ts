import { readRecipients } from './pap-address.reader';
import {
  DEFAULT_PAP_QOS,
  PAP_DELIVERY_METHODS,
  PAP_PRIORITIES,
  PAP_REPLACE_METHODS,
  PapPushMessage,
  PapQualityOfService,
} from './pap-document.model';
import { PapElementReader } from './pap-element-reader';
import type { PapReadContext } from './pap-parse-options';

type PushFields = Omit<PapPushMessage, 'kind' | 'version' | 'supportedVersions' | 'productName'>;

/** `<push-message>` (pap.md §3, §4): seed §S1 intake. */
export function readPushMessage(push: PapElementReader, ctx: PapReadContext): PushFields {
  const children = push.children({ address: [0, Number.MAX_SAFE_INTEGER], 'quality-of-service': [0, 1] });
  if (children['address'].length === 0) throw push.fault('at least one <address> is required');
  const fields: PushFields = {
    pushId: push.required('push-id', 'id'),
    ...readTimes(push, ctx),
    sourceReference: push.optional('source-reference', 'text'),
    ppgNotifyRequestedTo: push.optional('ppg-notify-requested-to', 'url'),
    progressNotesRequested: push.bool('progress-notes-requested', false),
    ...readReplace(push, ctx),
    addresses: readRecipients(children['address'], ctx.maxAddresses),
    qos: children['quality-of-service'].length ? readQos(children['quality-of-service'][0]) : DEFAULT_PAP_QOS,
  };
  return dropUndefined(fields);
}

/** reliability.md #14: deliver-before in the past, absurdly far ahead, or not after deliver-after → 2000. */
function readTimes(push: PapElementReader, ctx: PapReadContext): Pick<PushFields, 'deliverBefore' | 'deliverAfter'> {
  const before = push.timestamp('deliver-before-timestamp');
  const after = push.timestamp('deliver-after-timestamp');
  const horizon = ctx.nowMs + ctx.maxDeliverAheadMs;
  if (before && before.ms <= ctx.nowMs) throw push.fault('deliver-before-timestamp is in the past');
  if (before && before.ms > horizon) throw push.fault('deliver-before-timestamp is too far ahead');
  if (after && after.ms > horizon) throw push.fault('deliver-after-timestamp is too far ahead');
  if (before && after && before.ms <= after.ms) throw push.fault('deliver-before-timestamp is not after deliver-after-timestamp');
  return { deliverBefore: before?.text, deliverAfter: after?.text };
}

/** PAP 2.x replace-push-id / replace-method; the method defaults to `all` (inferred, pap.md §3). */
function readReplace(push: PapElementReader, ctx: PapReadContext): Pick<PushFields, 'replacePushId' | 'replaceMethod'> {
  const replacePushId = push.optional('replace-push-id', 'id');
  const method = push.oneOf('replace-method', PAP_REPLACE_METHODS);
  if ((replacePushId !== undefined || method !== undefined) && ctx.isVersion1) {
    throw push.fault('replace-push-id and replace-method are PAP 2.x');
  }
  if (method !== undefined && replacePushId === undefined) throw push.fault('replace-method without replace-push-id');
  return replacePushId === undefined ? {} : { replacePushId, replaceMethod: method ?? 'all' };
}

function readQos(qos: PapElementReader): PapQualityOfService {
  qos.children({});
  return dropUndefined({
    priority: qos.oneOf('priority', PAP_PRIORITIES, 'medium'),
    deliveryMethod: qos.oneOf('delivery-method', PAP_DELIVERY_METHODS, 'notspecified'),
    network: qos.optional('network', 'token'),
    networkRequired: qos.bool('network-required', false),
    bearer: qos.optional('bearer', 'token'),
    bearerRequired: qos.bool('bearer-required', false),
  });
}

/** Optional fields stay absent rather than `undefined`, so results compare and serialise cleanly. */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
