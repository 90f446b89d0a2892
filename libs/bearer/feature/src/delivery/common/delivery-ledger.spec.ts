import { DeliveryReportedV1 } from '@waken/contracts';
import { DeliveryLedger } from './delivery-ledger';

const report = DeliveryReportedV1.example as DeliveryReportedV1;

describe('DeliveryLedger', () => {
  it('claims a key once: fresh, then in flight, then done with its reports', () => {
    const ledger = new DeliveryLedger(10);
    expect(ledger.claim('a')).toEqual({ state: 'fresh' });
    expect(ledger.claim('a')).toEqual({ state: 'in-flight' });
    ledger.complete('a', [report]);
    expect(ledger.claim('a')).toEqual({ state: 'done', reports: [report] });
  });

  it('stays bounded, forgetting the oldest keys first', () => {
    const ledger = new DeliveryLedger(3);
    for (const k of ['a', 'b', 'c', 'd']) ledger.claim(k);
    expect(ledger.size).toBe(3);
    expect(ledger.claim('a')).toEqual({ state: 'fresh' });
    expect(ledger.claim('d')).toEqual({ state: 'in-flight' });
  });

  it('lets a forgotten key be claimed again', () => {
    const ledger = new DeliveryLedger(3);
    ledger.claim('a');
    ledger.forget('a');
    expect(ledger.claim('a')).toEqual({ state: 'fresh' });
  });
});
