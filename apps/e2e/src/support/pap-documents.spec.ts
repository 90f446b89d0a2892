// The suite's PAP side against Waken's own PAP library (pap.md §1, §6): what the PI sends is read
// back as the intended push-message, and the PPG's result notification is read as written.
import { readPushSubmission, writeResultNotificationMessage } from '@waken/intake-pap';
import { papPushMessage, readPapResult } from './pap-documents';

describe('pap-documents', () => {
  it('builds a push-message that the PAP reader takes apart into the same push', () => {
    const deliverBefore = new Date('2030-01-02T03:04:05.678Z');
    const { body, contentType } = papPushMessage({
      pushId: 'e1-abc@pi.example.com', publicUserIdentity: 'sip:+43-e1@example.com', notifyUrl: 'http://127.0.0.1:9/notify',
      applicationId: 'x-wap-application:waken.e2e', text: 'hello e1', deliverBefore,
    });
    const read = readPushSubmission(Buffer.from(body), contentType, { trusted: false, pap: { now: new Date('2029-12-31T00:00:00Z') } });
    expect(read.message).toMatchObject({
      pushId: 'e1-abc@pi.example.com', ppgNotifyRequestedTo: 'http://127.0.0.1:9/notify', applicationId: 'x-wap-application:waken.e2e',
      addresses: [expect.objectContaining({ type: 'USER', value: 'sip:+43-e1@example.com' })],
    });
    expect(read.message.deliverBefore).toContain('2030-01-02T03:04:05');
    expect(Buffer.from(read.content.body).toString()).toBe('hello e1');
  });

  it('reads message-state, code and the wake report of a resultnotification-message', () => {
    const xml = writeResultNotificationMessage({
      pushId: 'e4@pi', address: 'WAPPUSH=x/TYPE=USER@ppg', messageState: 'delivered', result: { code: 1000, desc: 'Delivered' },
      wake: { devicesWoken: 1, devicesConnected: 1, wakeMode: 'broadcast-identity', bearers: ['sip'] },
    });
    expect(readPapResult(xml)).toEqual({ pushId: 'e4@pi', messageState: 'delivered', code: '1000', devicesWoken: 1, devicesConnected: 1, wakeMode: 'broadcast-identity' });
  });

  it('is not fooled by a body that is no result notification', () => {
    expect(readPapResult('{"type":"push.outcome"}')).toBeUndefined();
  });
});
