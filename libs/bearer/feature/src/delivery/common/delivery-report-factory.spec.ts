import { DeliveryReportedV1, DeliverySipRequestedV1 } from '@waken/contracts';
import { DeliveryReportFactory } from './delivery-report-factory';

const now = Date.parse('2026-11-26T10:00:00Z');
const factory = new DeliveryReportFactory('sip', () => now);
const base = DeliverySipRequestedV1.example;
const fallback = { bearer: 'sms' as const, address: '+438323546' };

describe('DeliveryReportFactory', () => {
  it('builds a valid report that copies acceptedAt and the wire time', () => {
    const onWireAt = new Date(now - 5);
    const report = factory.build({ ...base, acceptedAt: '2026-11-26T09:59:59.900Z' }, base.requestUri, { outcome: 'delivered', attempt: 1, detail: '200 OK', onWireAt });
    expect(DeliveryReportedV1.problems(report)).toEqual([]);
    expect(report).toMatchObject({ bearer: 'sip', sirId: base.sirId, acceptedAt: '2026-11-26T09:59:59.900Z', onWireAt: onWireAt.toISOString(), reportedAt: new Date(now).toISOString() });
    expect(report.final).toBeUndefined();
  });

  it.each(['failed', 'undeliverable', 'expired'] as const)('marks %s final only when no fallback is left', (outcome) => {
    const last = factory.build(base, base.requestUri, { outcome, attempt: 2, detail: 'x' });
    const more = factory.build({ ...base, fallbacks: [fallback] }, base.requestUri, { outcome, attempt: 2, detail: 'x' });
    expect([last.final, more.final]).toEqual([true, false]);
    expect(DeliveryReportedV1.problems(last)).toEqual([]);
  });

  it('keeps detail within the contract', () => {
    const report = factory.build(base, base.requestUri, { outcome: 'failed', attempt: 1, detail: 'x'.repeat(2000) });
    expect(DeliveryReportedV1.problems(report)).toEqual([]);
  });
});
