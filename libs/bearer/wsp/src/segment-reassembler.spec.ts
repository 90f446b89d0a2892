import fc from 'fast-check';
import { SegmentReassembler, type IncomingSegment } from './index';

const part = (index: number, total = 3, reference = 1, origin = 'a'): IncomingSegment => ({
  origin,
  reference,
  total,
  index,
  data: Uint8Array.of(index),
});

describe('SegmentReassembler (reliability.md (c) #27)', () => {
  it('joins parts in index order whatever the arrival order', () => {
    const r = new SegmentReassembler();
    expect(r.add(part(3))).toEqual({ status: 'pending', received: 1, total: 3 });
    expect(r.add(part(1)).status).toBe('pending');
    expect(r.add(part(2))).toEqual({ status: 'complete', data: Uint8Array.of(1, 2, 3), parts: 3 });
    expect(r.size).toBe(0);
  });

  it('rejects seq=0, seq > total, total 0 and more than 255 parts', () => {
    const r = new SegmentReassembler();
    expect(r.add(part(0))).toEqual({ status: 'rejected', reason: 'invalid-sequence' });
    expect(r.add(part(4))).toEqual({ status: 'rejected', reason: 'invalid-sequence' });
    expect(r.add(part(1, 0))).toEqual({ status: 'rejected', reason: 'invalid-sequence' });
    expect(r.add(part(1, 256))).toEqual({ status: 'rejected', reason: 'invalid-sequence' });
    expect(r.add({ ...part(1), data: new Uint8Array(141) })).toEqual({ status: 'rejected', reason: 'oversized' });
    expect(r.size).toBe(0);
  });

  it('drops a message whose reference is reused with a different total or different data', () => {
    const r = new SegmentReassembler();
    r.add(part(1));
    expect(r.add(part(2, 4))).toEqual({ status: 'rejected', reason: 'mismatched-total' });
    expect(r.size).toBe(0);
    r.add(part(1));
    expect(r.add(part(1))).toEqual({ status: 'duplicate' });
    expect(r.add({ ...part(1), data: Uint8Array.of(9) })).toEqual({ status: 'rejected', reason: 'conflicting-data' });
    expect(r.size).toBe(0);
  });

  it('keeps the same reference from different origins apart', () => {
    const r = new SegmentReassembler();
    r.add(part(1, 2, 7, 'x'));
    r.add(part(1, 2, 7, 'y'));
    expect(r.add(part(2, 2, 7, 'x')).status).toBe('complete');
    expect(r.size).toBe(1);
  });

  it('drops incomplete messages after 60 s of the injected clock', () => {
    let now = 1_000;
    const r = new SegmentReassembler({ now: () => now });
    r.add(part(1));
    now += 59_999;
    expect(r.expire()).toBe(0);
    now += 1;
    expect(r.expire()).toBe(1);
    r.add(part(2));
    now += 60_000;
    expect(r.add(part(3))).toEqual({ status: 'pending', received: 1, total: 3 });
  });

  it('holds at most maxPending messages, dropping the oldest', () => {
    const r = new SegmentReassembler({ maxPending: 2 });
    r.add(part(1, 2, 1));
    r.add(part(1, 2, 2));
    r.add(part(1, 2, 3));
    expect(r.size).toBe(2);
    expect(r.add(part(2, 2, 1)).status).toBe('pending');
    expect(r.add(part(2, 2, 3)).status).toBe('complete');
  });

  it('fuzz: any segment stream keeps the caps and never throws', () => {
    const segment = fc.record({
      origin: fc.constantFrom('a', 'b'),
      reference: fc.integer({ min: 0, max: 3 }),
      total: fc.integer({ min: 0, max: 300 }),
      index: fc.integer({ min: 0, max: 300 }),
      data: fc.uint8Array({ maxLength: 150 }),
      advanceMs: fc.integer({ min: 0, max: 30_000 }),
    });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 60 }), (stream) => {
        let now = 0;
        const r = new SegmentReassembler({ maxPending: 4, now: () => now });
        for (const { advanceMs, ...s } of stream) {
          now += advanceMs;
          const result = r.add(s);
          if (result.status === 'complete') expect(result.parts).toBeLessThanOrEqual(255);
          expect(r.size).toBeLessThanOrEqual(4);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
