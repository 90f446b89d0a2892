import { percentiles } from '../lib/stats';
import { PushWire, Stage } from './pipeline-tap';

export interface HopLatency {
  hop: string;
  p50: number;
  p99: number;
  samples: number;
}

/**
 * Where the accept → wire time goes: per hop, the time from the previous stage's Kafka record (or
 * the bench's request) to the next one's, i.e. consume + handle + publish of one service. Record
 * timestamps are the producers' send times, on the same clock as the services' onWireAt.
 */
export function stageBreakdown(pushes: ReadonlyArray<{ sentAt: number; wire?: PushWire }>, bearer: 'udp' | 'sip'): HopLatency[] {
  const order: Array<[string, (w: PushWire, sentAt: number) => number | undefined, (w: PushWire) => number | undefined]> = [
    ['push-intake: request → PushAcceptedV1 published (HTTP, accept transaction, outbox relay)', (_w, sentAt) => sentAt, at('push-intake (outbox relay)')],
    ['registry: → PushResolvedV1', at('push-intake (outbox relay)'), at('registry')],
    ['id-check: → SirRequestedV1', at('registry'), at('id-check')],
    ['sir-composer: → SirComposedV1', at('id-check'), at('sir-composer')],
    [`encapsulator: → Delivery${bearer === 'udp' ? 'Udp' : 'Sip'}RequestedV1`, at('sir-composer'), at(bearer === 'udp' ? 'encapsulator (udp)' : 'encapsulator (sip)')],
    [`delivery-${bearer}: → on the wire`, at(bearer === 'udp' ? 'encapsulator (udp)' : 'encapsulator (sip)'), (w) => w.onWireAt],
  ];
  return order.map(([hop, from, to]) => {
    const deltas = pushes.flatMap(({ sentAt, wire }) => {
      const [a, b] = wire ? [from(wire, sentAt), to(wire)] : [undefined, undefined];
      return a === undefined || b === undefined ? [] : [b - a];
    });
    const p = percentiles(deltas);
    return { hop, p50: p.p50, p99: p.p99, samples: p.count };
  });
}

function at(stage: Stage): (w: PushWire) => number | undefined {
  return (w) => w.stages[stage];
}
