import fc from 'fast-check';
import { HEADER, PushAcceptedV1 } from '@waken/contracts';
import { InvalidRecord, MAX_RECORD_BYTES, decodeRecord, encodeRecord } from './record-codec';
import { backoffMs, isPermanent, PermanentError } from './failure-policy';
import { childTraceparent, deterministicEventId } from './event-ids';

const raw = (value: Buffer | null, headers: Record<string, string> = { [HEADER.eventId]: 'e1' }) => ({
  topic: 't',
  partition: 0,
  offset: '7',
  key: Buffer.from('k'),
  value,
  headers,
});

describe('record codec', () => {
  it('round-trips an event with its envelope headers', () => {
    const enc = encodeRecord(PushAcceptedV1, { key: 'sip:a@b', payload: PushAcceptedV1.example, eventId: 'e1', correlationId: 'c1' });
    const dec = decodeRecord(PushAcceptedV1, raw(Buffer.from(enc.value), enc.headers));
    expect(dec.payload).toEqual(PushAcceptedV1.example);
    expect(dec.headers).toMatchObject({ eventId: 'e1', correlationId: 'c1', eventType: 'PushAcceptedV1' });
    expect(dec.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('carries causation and trace id from the causing event', () => {
    const cause = { headers: { eventId: 'cause', eventType: 'X', correlationId: 'corr', occurredAt: '', traceparent: childTraceparent() } };
    const enc = encodeRecord(PushAcceptedV1, { key: 'k', payload: PushAcceptedV1.example, causation: cause });
    expect(enc.headers[HEADER.causationId]).toBe('cause');
    expect(enc.headers[HEADER.correlationId]).toBe('corr');
    expect(enc.headers[HEADER.traceparent].slice(3, 35)).toBe(cause.headers.traceparent.slice(3, 35));
  });

  it.each([
    ['no value', raw(null), 'not-json'],
    ['not JSON', raw(Buffer.from('{')), 'not-json'],
    ['too large', raw(Buffer.alloc(MAX_RECORD_BYTES + 1, 32)), 'too-large'],
    ['contract violation', raw(Buffer.from('{"pushId":1}')), 'contract'],
    ['missing event id', raw(Buffer.from(JSON.stringify(PushAcceptedV1.example)), {}), 'missing-header'],
  ])('refuses %s with a typed reason', (_n, record, reason) => {
    expect(() => decodeRecord(PushAcceptedV1, record)).toThrow(InvalidRecord);
    try {
      decodeRecord(PushAcceptedV1, record);
    } catch (e) {
      expect((e as InvalidRecord).reason).toBe(reason);
    }
  });

  it('never throws anything but InvalidRecord for arbitrary bytes (Kafka records are untrusted)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)), fc.json().map((j) => Buffer.from(j))), (value) => {
        try {
          decodeRecord(PushAcceptedV1, raw(value));
          return true;
        } catch (e) {
          return e instanceof InvalidRecord;
        }
      }),
    );
  });
});

describe('failure policy and ids', () => {
  it('backs off exponentially with jitter, capped', () => {
    const p = { maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 1000 };
    expect(backoffMs(p, 1, () => 1)).toBe(100);
    expect(backoffMs(p, 3, () => 1)).toBe(400);
    expect(backoffMs(p, 10, () => 1)).toBe(1000);
    expect(backoffMs(p, 3, () => 0)).toBe(200);
  });

  it('classifies permanent errors', () => {
    expect(isPermanent(new PermanentError('x'))).toBe(true);
    expect(isPermanent(new Error('x'))).toBe(false);
  });

  it('derives stable UUID-shaped event ids', () => {
    expect(deterministicEventId('a', 'b')).toBe(deterministicEventId('a', 'b'));
    expect(deterministicEventId('a', 'b')).not.toBe(deterministicEventId('ab'));
    expect(deterministicEventId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
