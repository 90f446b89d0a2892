import fc from 'fast-check';
import { DeliveryReceiptParser } from './delivery-receipt-parser';

describe('DeliveryReceiptParser (SMPP 3.4 Appendix B)', () => {
  it('reads every field of the canonical receipt text', () => {
    const text = 'id:0123456789 sub:001 dlvrd:001 submit date:2611261000 done date:261126100512 stat:DELIVRD err:000 Text:\u0006\u0003hello';
    expect(DeliveryReceiptParser.parse(text)).toEqual({
      id: '0123456789',
      sub: '001',
      dlvrd: '001',
      submitDate: new Date('2026-11-26T10:00:00Z'),
      doneDate: new Date('2026-11-26T10:05:12Z'),
      stat: 'DELIVRD',
      err: '000',
      text: '\u0006\u0003hello',
    });
  });

  it('accepts keys in any case and order, and leaves out what is missing or unreadable', () => {
    expect(DeliveryReceiptParser.parse('STAT:undeliv ID:ab-12 done date:2613011200')).toEqual({ id: 'ab-12', stat: 'UNDELIV' });
  });

  it('says "not a receipt" without an id or a stat', () => {
    expect(DeliveryReceiptParser.parse('hello world')).toBeUndefined();
    expect(DeliveryReceiptParser.parse('id:1 sub:001')).toBeUndefined();
    expect(DeliveryReceiptParser.parse('stat:DELIVRD')).toBeUndefined();
  });

  it('never throws, on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = DeliveryReceiptParser.parse(text);
        return r === undefined || (r.id.length > 0 && r.stat.length > 0);
      }),
      { numRuns: 5000 },
    );
  });
});
