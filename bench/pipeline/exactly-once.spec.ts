import { checkExactlyOnce } from './exactly-once';
import { PipelineTap, PushWire } from './pipeline-tap';

const tapOf = (wires: Record<string, Partial<PushWire>>) => ({ of: (id: string) => wires[id] as PushWire | undefined }) as unknown as PipelineTap;

describe('checkExactlyOnce', () => {
  it('counts each accepted push by what became of it', () => {
    const tap = tapOf({ a: { sirIds: ['s1'] }, b: { sirIds: ['s2', 's3'] }, c: { sirIds: ['s4'] }, d: { sirIds: ['s5'] } });
    const sink = new Map([['s1', 1], ['s5', 2]]);
    const r = checkExactlyOnce([['a', 0, 0], ['b', 0, 0], ['c', 0, 0], ['d', 0, 0], ['e', 0, 0]], tap, sink);
    expect(r).toEqual({ accepted: 5, exactlyOne: 1, noReport: 1, severalSirs: 1, noDatagram: 1, duplicateDatagrams: 1, ok: false });
  });

  it('is ok when every push has one SIR and one datagram', () => {
    const r = checkExactlyOnce([['a', 0, 0]], tapOf({ a: { sirIds: ['s1'] } }), new Map([['s1', 1]]));
    expect(r.ok).toBe(true);
  });
});
