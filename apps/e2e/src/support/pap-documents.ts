import { randomUUID } from 'node:crypto';

export interface PapPushSpec {
  readonly pushId: string;
  readonly publicUserIdentity: string;
  readonly notifyUrl: string;
  readonly applicationId: string;
  readonly text: string;
  /** PAP deliver-before-timestamp (pap.md §1): the push expires then. */
  readonly deliverBefore?: Date;
}

/** The result notification's fields the suite checks (docs/push-intake.md "Result notifications"). */
export interface PapResult {
  readonly pushId: string;
  readonly messageState: string;
  readonly code: string;
  readonly devicesWoken?: number;
  readonly devicesConnected?: number;
  readonly wakeMode?: string;
}

/** A PAP 2.0 push-message for one USER address: multipart/related, control then content (pap.md §1). */
export function papPushMessage(spec: PapPushSpec): { body: string; contentType: string } {
  const boundary = `waken-e2e-${randomUUID()}`;
  const address = `WAPPUSH=${encodeURIComponent(spec.publicUserIdentity)}/TYPE=USER@ppg.waken.local`;
  const before = spec.deliverBefore ? ` deliver-before-timestamp="${spec.deliverBefore.toISOString().replace(/\.\d{3}Z$/, 'Z')}"` : '';
  const control = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP 2.0//EN" "http://www.wapforum.org/DTD/pap_2.0.dtd">',
    '<pap>',
    `  <push-message push-id="${spec.pushId}" ppg-notify-requested-to="${spec.notifyUrl}"${before}>`,
    `    <address address-value="${address}"/>`,
    '    <quality-of-service priority="high" delivery-method="unconfirmed"/>',
    '  </push-message>',
    '</pap>',
  ].join('\n');
  const parts = [
    `--${boundary}`, 'Content-Type: application/xml; charset=UTF-8', '', control,
    `--${boundary}`, 'Content-Type: text/plain; charset=UTF-8', `X-Wap-Application-Id: ${spec.applicationId}`, '', spec.text,
    `--${boundary}--`, '',
  ];
  return { body: parts.join('\r\n'), contentType: `multipart/related; boundary=${boundary}; type="application/xml"` };
}

/** Reads a resultnotification-message; undefined when the body is not one. */
export function readPapResult(xml: string): PapResult | undefined {
  if (!xml.includes('resultnotification-message')) return undefined;
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(xml)?.[1];
  const int = (name: string) => {
    const v = attr(name);
    return v === undefined ? undefined : Number(v);
  };
  return {
    pushId: attr('push-id') ?? '',
    messageState: attr('message-state') ?? '',
    code: attr('code') ?? '',
    devicesWoken: int('waken:devices-woken'),
    devicesConnected: int('waken:devices-connected'),
    wakeMode: attr('waken:wake-mode'),
  };
}
