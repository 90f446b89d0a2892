import { PushWire } from './pipeline-tap';
import { stageBreakdown } from './stage-breakdown';

describe('stageBreakdown', () => {
  it('gives each hop the time between the stage before and its own record', () => {
    const wire: PushWire = {
      sirIds: ['s'], reports: 1, onWireAt: 1100,
      stages: { 'push-intake (outbox relay)': 1010, registry: 1030, 'id-check': 1040, 'sir-composer': 1070, 'encapsulator (udp)': 1090 },
    };
    const hops = stageBreakdown([{ sentAt: 1000, wire }], 'udp');
    expect(hops.map((h) => h.p50)).toEqual([10, 20, 10, 30, 20, 10]);
    expect(hops.every((h) => h.samples === 1)).toBe(true);
  });

  it('leaves out pushes that miss a stage', () => {
    const hops = stageBreakdown([{ sentAt: 0, wire: { sirIds: [], reports: 0, stages: {} } }, { sentAt: 0 }], 'sip');
    expect(hops.every((h) => h.samples === 0)).toBe(true);
    expect(hops[4].hop).toContain('DeliverySipRequestedV1');
  });
});
