import { buildMultipartRelated, formatPapTimestamp } from '@waken/intake-pap';

/** PAP documents and submissions for the specs (pap.md §1, §8), written as a PI would. */
export function papDocument(operation: string, version = '2.0'): string {
  const dtd = version === '1.0' || version === '2.0' ? `http://www.wapforum.org/DTD/pap_${version}.dtd` : `http://www.openmobilealliance.org/tech/DTD/pap_${version}.dtd`;
  return `<?xml version="1.0"?>\n<!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP ${version}//EN" "${dtd}">\n<pap>${operation}</pap>`;
}

export interface PushOptions {
  readonly pushId: string;
  readonly addresses: readonly string[];
  readonly version?: string;
  readonly notifyTo?: string;
  readonly deliverAfter?: Date;
  readonly deliverBefore?: Date;
  readonly progressNotes?: boolean;
  readonly contentType?: string;
  readonly content?: string;
  readonly applicationId?: string;
}

export const SI_CONTENT = '<?xml version="1.0"?>\n<si><indication href="http://www.example.org/inbox" si-id="m-1">You have mail</indication></si>';

export function userAddress(identity: string): string {
  return `WAPPUSH=${encodeURIComponent(identity)}/TYPE=USER`;
}

export function pushControl(o: PushOptions): string {
  const attrs = [
    `push-id="${o.pushId}"`,
    o.notifyTo && `ppg-notify-requested-to="${o.notifyTo}"`,
    o.deliverAfter && `deliver-after-timestamp="${formatPapTimestamp(o.deliverAfter)}"`,
    o.deliverBefore && `deliver-before-timestamp="${formatPapTimestamp(o.deliverBefore)}"`,
    o.progressNotes && 'progress-notes-requested="true"',
  ].filter(Boolean);
  const addresses = o.addresses.map((a) => `<address address-value="${a}"/>`).join('');
  return papDocument(`<push-message ${attrs.join(' ')}>${addresses}<quality-of-service priority="high" delivery-method="unconfirmed"/></push-message>`, o.version);
}

export function pushSubmission(o: PushOptions): { contentType: string; body: Buffer } {
  return buildMultipartRelated([
    { contentType: 'application/xml; charset=utf-8', body: Buffer.from(pushControl(o), 'utf8') },
    {
      contentType: o.contentType ?? 'text/vnd.wap.si',
      headers: { 'X-Wap-Application-Id': o.applicationId ?? 'x-wap-application:wml.ua' },
      body: Buffer.from(o.content ?? SI_CONTENT, 'utf8'),
    },
  ]);
}
