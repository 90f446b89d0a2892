import { randomUUID } from 'node:crypto';

/** A PAP 2.0 push-message for one user (USER address), as a PI sends it (pap.md §8). */
export function papPushRequest(opts: { pushId: string; publicUserIdentity: string; notifyUrl: string; applicationId: string; text: string }): { body: string; contentType: string } {
  const boundary = `waken-demo-${randomUUID()}`;
  const address = `WAPPUSH=${encodeURIComponent(opts.publicUserIdentity)}/TYPE=USER@ppg.waken.local`;
  const control = `<?xml version="1.0"?>
<!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP 2.0//EN" "http://www.wapforum.org/DTD/pap_2.0.dtd">
<pap>
  <push-message push-id="${opts.pushId}" ppg-notify-requested-to="${opts.notifyUrl}">
    <address address-value="${address}"/>
    <quality-of-service priority="high" delivery-method="unconfirmed"/>
  </push-message>
</pap>`;
  const body = [
    `--${boundary}`,
    'Content-Type: application/xml; charset=UTF-8',
    '',
    control,
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    `X-Wap-Application-Id: ${opts.applicationId}`,
    '',
    opts.text,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { body, contentType: `multipart/related; boundary=${boundary}; type="application/xml"` };
}

/** message-state, code and the wake report of a resultnotification-message. */
export function readResultNotification(xml: string): { messageState: string; code: string; devicesWoken?: string; wakeMode?: string } {
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1];
  return { messageState: attr('message-state') ?? 'unknown', code: attr('code') ?? 'unknown', devicesWoken: attr('waken:devices-woken'), wakeMode: attr('waken:wake-mode') };
}
