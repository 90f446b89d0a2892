import type { XmlWriter } from '@waken/xml';
import type { PapDocument, PapPushMessage, PapRecipient, PapResultNotificationResponse } from './pap-document.model';
import { resultAttributes, senderAttributes, writeAddresses, writePap, writeQos } from './pap-writer-base';

/**
 * Writes a request as a PI would send it: the inverse of parsePapDocument, used by the
 * PI simulator and by the round-trip fuzz tests (reliability.md S3).
 */
export function writePapRequest(doc: PapDocument): string {
  const options = { version: doc.version, supportedVersions: doc.supportedVersions, productName: doc.productName };
  return writePap(options, (w) => {
    switch (doc.kind) {
      case 'push-message':
        return writePush(w, doc);
      case 'cancel-message':
      case 'statusquery-message':
        w.start(doc.kind, { 'push-id': doc.pushId });
        writeRecipients(w, doc.addresses);
        return w.end();
      case 'ccq-message':
        w.start('ccq-message', { 'query-id': doc.queryId, 'app-id': doc.appId });
        writeRecipients(w, [doc.address]);
        return w.end();
      case 'resultnotification-response':
        return writeNotificationResponse(w, doc);
    }
  });
}

function writePush(w: XmlWriter, push: PapPushMessage): void {
  w.start('push-message', {
    'push-id': push.pushId,
    'replace-push-id': push.replacePushId,
    'replace-method': push.replaceMethod,
    'deliver-before-timestamp': push.deliverBefore,
    'deliver-after-timestamp': push.deliverAfter,
    'source-reference': push.sourceReference,
    'ppg-notify-requested-to': push.ppgNotifyRequestedTo,
    'progress-notes-requested': push.progressNotesRequested ? 'true' : undefined,
  });
  writeRecipients(w, push.addresses);
  writeQos(w, push.qos);
  w.end();
}

function writeNotificationResponse(w: XmlWriter, response: PapResultNotificationResponse): void {
  w.start('resultnotification-response', { 'push-id': response.pushId, ...senderAttributes(response) });
  writeRecipients(w, response.address ? [response.address] : []);
  w.leaf('response-result', resultAttributes(response)).end();
}

function writeRecipients(w: XmlWriter, recipients: readonly PapRecipient[]): void {
  writeAddresses(
    w,
    recipients.map((r) => r.addressValue),
  );
}
