// Contract test, producer side: what push-intake publishes validates against its contracts,
// keyed by the public user identity, with event ids that a retry reproduces.
import { PUSH_ACCEPTED_V1, PUSH_CANCELLED_V1, PushAcceptedV1, PushCancelledV1 } from '@waken/contracts';
import type { PushRecord } from '@waken/intake-data-access';
import { acceptedEvents, cancelledEvents } from './accepted-events';
import type { Submission } from './submission';

const ID = '00000000-0000-4000-8000-0000000000aa';
const submission: Submission = {
  origin: 'pap',
  papVersion: '2.0',
  pushId: '42@pi.example.com',
  recipients: [
    { addressValue: 'WAPPUSH=sip%3Aa%40x.example/TYPE=USER', addressType: 'USER', publicUserIdentity: 'sip:a@x.example' },
    { addressValue: 'WAPPUSH=+4312345/TYPE=PLMN', addressType: 'PLMN', publicUserIdentity: 'tel:+4312345' },
  ],
  content: { mediaType: 'text/vnd.wap.si', applicationId: 'x-wap-application:wml.ua', body: Buffer.from('<si/>') },
  qos: { priority: 'high', deliveryMethod: 'unconfirmed' },
  deliverAfter: new Date('2030-01-01T00:00:00Z'),
  deliverBefore: new Date('2030-01-02T00:00:00Z'),
  progressNotesRequested: false,
  targetDevices: [{ kind: 'uuid', value: 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' }],
};

describe('PushAcceptedV1 / PushCancelledV1 (contract test, producer side)', () => {
  it('one valid PushAcceptedV1 per recipient, keyed by its identity, due at deliver-after, same ids on a retry', () => {
    const now = new Date('2029-12-31T00:00:00Z');
    const events = acceptedEvents(ID, 'ta', 'pi-a', submission, now);
    expect(events).toHaveLength(2);
    for (const [i, e] of events.entries()) {
      expect(e.topic).toBe(PUSH_ACCEPTED_V1);
      expect(PushAcceptedV1.problems(e.payload)).toEqual([]);
      expect(e.key).toBe(submission.recipients[i].publicUserIdentity);
      expect(e.payload).toMatchObject({ pushId: ID, recipientIndex: i, deliverAfter: '2030-01-01T00:00:00.000Z', content: { bodyBase64: 'PHNpLz4=' } });
      expect(e.availableAt).toEqual(submission.deliverAfter);
    }
    expect(acceptedEvents(ID, 'ta', 'pi-a', submission, now).map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    expect(acceptedEvents(ID, 'ta', 'pi-a', { ...submission, deliverAfter: undefined }, now)[0].availableAt).toEqual(now);
  });

  it('one valid PushCancelledV1 per recipient', () => {
    const push = { id: ID, tenantId: 'ta', recipients: submission.recipients.map((r, index) => ({ ...r, index, state: 'pending' })) } as unknown as PushRecord;
    const events = cancelledEvents(push, new Date());
    expect(events.map((e) => e.topic)).toEqual([PUSH_CANCELLED_V1, PUSH_CANCELLED_V1]);
    expect(events.flatMap((e) => PushCancelledV1.problems(e.payload))).toEqual([]);
    expect(events.map((e) => e.key)).toEqual(['sip:a@x.example', 'tel:+4312345']);
  });
});
