import type { PushRecord } from '@waken/intake-data-access';
import { applyOutcome } from './push-outcome';
import { initialProgress } from './push-progress';
import { papResultOf, resultNotificationOf, WebhookBody } from './result-notification';

const push = (over: Partial<PushRecord> = {}): PushRecord => ({
  id: '00000000-0000-4000-8000-000000000001',
  tenantId: 'ta',
  piId: 'pi',
  pushId: '42@pi.example.com',
  origin: 'pap',
  papVersion: '1.0',
  state: 'pending',
  qos: { priority: 'medium', deliveryMethod: 'notspecified' },
  notifyUrl: 'https://pi.example.com/notify',
  progressNotesRequested: false,
  contentType: 'text/plain',
  targetDevices: [],
  receivedAt: new Date('2026-01-01T00:00:00Z'),
  progress: {},
  recipients: [{ index: 0, addressValue: 'WAPPUSH=%2B4312345/TYPE=PLMN', addressType: 'PLMN', publicUserIdentity: 'tel:+4312345', state: 'pending' }],
  ...over,
});
const delivered = [
  { kind: 'planned', recipientIndex: 0, targets: ['c1'], sirCount: 1, directCount: 0 },
  { kind: 'reported', sirId: 's1', requestKind: 'sir', bearer: 'sms', outcome: 'sent', final: false, targetClientIds: ['c1'] },
  { kind: 'delivered', recipientIndex: 0, clientId: 'c1', wake: 'sir' },
] as const;
const progress = delivered.reduce(applyOutcome, initialProgress(1));
const sender = { senderAddress: 'ppg.example', senderName: 'PPG' };
const now = new Date('2026-01-01T00:00:05Z');

describe('result notifications (seed §S12)', () => {
  it('PAP: a resultnotification-message in the push’s PAP version with the wake report', () => {
    const n = resultNotificationOf(push(), progress, now, sender);
    expect(n).toMatchObject({ kind: 'pap', url: 'https://pi.example.com/notify', push: push().id });
    expect(n?.body).toContain('PAP 1.0');
    expect(n?.body).toMatch(/<resultnotification-message push-id="42@pi.example.com"[^>]*message-state="delivered"[^>]*code="1000"/);
    expect(n?.body).toContain('waken:devices-woken="1"');
    expect(n?.body).toContain('waken:bearers="sms"');
    expect(n?.body).toContain('received-time="2026-01-01T00:00:00Z"');
  });

  it('JSON: a webhook body with the per-recipient states and the wake counts', () => {
    const n = resultNotificationOf(push({ origin: 'json', papVersion: undefined }), progress, now, sender);
    const body = JSON.parse(n?.body ?? '') as WebhookBody;
    expect(n?.contentType).toBe('application/json');
    expect(body).toMatchObject({ type: 'push.outcome', pushId: '42@pi.example.com', state: 'delivered', wake: { sirsSent: { sms: 1 }, devicesWoken: 1 } });
    expect(body.recipients).toEqual([{ address: 'WAPPUSH=%2B4312345/TYPE=PLMN', publicUserIdentity: 'tel:+4312345', state: 'delivered' }]);
  });

  it('none without a notify URL; PAP codes per final state', () => {
    expect(resultNotificationOf(push({ notifyUrl: undefined }), progress, now, sender)).toBeUndefined();
    expect(papResultOf('delivered', undefined).code).toBe(1000);
    expect(papResultOf('undeliverable', 'unknown-user').code).toBe(2003);
    expect(papResultOf('expired', 'deliver-before passed')).toEqual({ code: 4000, desc: 'deliver-before passed' });
  });
});
