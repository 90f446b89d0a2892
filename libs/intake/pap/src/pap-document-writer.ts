import type { XmlWriter } from '@waken/xml';
import type {
  PapBadMessageResponse,
  PapCancelResponse,
  PapCcqResponse,
  PapPushResponse,
  PapResultNotificationMessage,
  PapStatusQueryResponse,
  PapWakeReport,
} from './pap-response.model';
import {
  PapWriteOptions,
  resultAttributes,
  senderAttributes,
  time,
  writeAddresses,
  writePap,
  writeQos,
  xmlSafe,
} from './pap-writer-base';
import { MAX_BAD_MESSAGE_FRAGMENT } from './pap-error';

/** Namespace of the wake report attributes on resultnotification-message (README "Wake report"). */
export const WAKEN_PAP_NAMESPACE = 'urn:waken:pap:wake-report:1';

/** `push-response` (pap.md §3): progress notes, then the response-result. */
export function writePushResponse(response: PapPushResponse, options: PapWriteOptions = {}): string {
  return writePap(options, (w) => {
    w.start('push-response', { 'push-id': response.pushId, ...senderAttributes(response) });
    for (const note of response.progressNotes ?? []) {
      w.leaf('progress-note', { stage: note.stage, note: note.note, time: time(note.time) });
    }
    w.leaf('response-result', resultAttributes(response.result)).end();
  });
}

/** `cancel-response` with one `cancel-result` per outcome. */
export function writeCancelResponse(response: PapCancelResponse, options: PapWriteOptions = {}): string {
  return writePap(options, (w) => {
    w.start('cancel-response', { 'push-id': response.pushId });
    for (const result of response.results) {
      w.start('cancel-result', resultAttributes(result));
      writeAddresses(w, result.addresses);
      w.end();
    }
    w.end();
  });
}

/** `statusquery-response` with one `statusquery-result` per recipient group (pap.md §7 states). */
export function writeStatusQueryResponse(response: PapStatusQueryResponse, options: PapWriteOptions = {}): string {
  return writePap(options, (w) => {
    w.start('statusquery-response', { 'push-id': response.pushId });
    for (const result of response.results) {
      w.start('statusquery-result', {
        'event-time': time(result.eventTime),
        'message-state': result.messageState,
        ...resultAttributes(result),
      });
      writeAddresses(w, result.addresses);
      writeQos(w, result.qos);
      w.end();
    }
    w.end();
  });
}

/** The XML part of a ccq-response; the RDF part follows it in multipart/related (pap.md §1). */
export function writeCcqResponse(response: PapCcqResponse, options: PapWriteOptions = {}): string {
  return writePap(options, (w) => {
    w.start('ccq-response', { 'query-id': response.queryId, ...resultAttributes(response.result) });
    writeAddresses(w, response.address === undefined ? [] : [response.address]);
    w.end();
  });
}

/** `resultnotification-message`, POSTed to ppg-notify-requested-to (seed §S12). */
export function writeResultNotificationMessage(message: PapResultNotificationMessage, options: PapWriteOptions = {}): string {
  return writePap(options, (w) => {
    w.start('resultnotification-message', {
      'push-id': message.pushId,
      ...senderAttributes(message),
      'received-time': time(message.receivedTime),
      'event-time': time(message.eventTime),
      'message-state': message.messageState,
      ...resultAttributes(message.result),
      ...wakeAttributes(message.wake),
    });
    writeAddresses(w, [message.address]);
    writeQos(w, message.qos);
    w.end();
  });
}

/**
 * The wake report as attributes in our own namespace: a PI that does not know them ignores
 * them, and PAP has no namespace of its own to clash with (pap.md §2).
 */
function wakeAttributes(wake: PapWakeReport | undefined): Record<string, string | number | undefined> {
  if (!wake) return {};
  for (const n of [wake.devicesWoken, wake.devicesConnected]) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('device counts must be non-negative integers');
  }
  return {
    'xmlns:waken': WAKEN_PAP_NAMESPACE,
    'waken:devices-woken': wake.devicesWoken,
    'waken:devices-connected': wake.devicesConnected,
    'waken:wake-mode': wake.wakeMode,
    'waken:bearers': wake.bearers?.length ? wake.bearers.join(' ') : undefined,
  };
}

/** `badmessage-response`: 2000 or 3002 with the offending fragment (pap.md §2). */
export function writeBadMessageResponse(response: PapBadMessageResponse, options: PapWriteOptions = {}): string {
  const fragment = response.badMessageFragment;
  return writePap(options, (w: XmlWriter) => {
    w.leaf('badmessage-response', {
      ...resultAttributes(response.result),
      'bad-message-fragment': fragment === undefined ? undefined : xmlSafe(fragment.slice(0, MAX_BAD_MESSAGE_FRAGMENT)),
    });
  });
}
