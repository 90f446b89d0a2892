import { AcceptedPush } from './load-plan';
import { PipelineTap } from './pipeline-tap';

export interface ExactlyOnce {
  accepted: number;
  /** Accepted pushes with exactly one SIR reported on the wire and exactly one datagram of it at the sink. */
  exactlyOne: number;
  noReport: number;
  severalSirs: number;
  noDatagram: number;
  duplicateDatagrams: number;
  ok: boolean;
}

/** Joins the accepted pushes (internal ids) with the SIR reports and the datagrams at the sink. */
export function checkExactlyOnce(accepted: readonly AcceptedPush[], tap: PipelineTap, datagramsBySir: ReadonlyMap<string, number>): ExactlyOnce {
  const r = { accepted: accepted.length, exactlyOne: 0, noReport: 0, severalSirs: 0, noDatagram: 0, duplicateDatagrams: 0 };
  for (const [id] of accepted) {
    const wire = tap.of(id);
    if (!wire) r.noReport += 1;
    else if (wire.sirIds.length > 1) r.severalSirs += 1;
    else {
      const n = datagramsBySir.get(wire.sirIds[0]) ?? 0;
      if (n === 0) r.noDatagram += 1;
      else if (n > 1) r.duplicateDatagrams += 1;
      else r.exactlyOne += 1;
    }
  }
  return { ...r, ok: r.exactlyOne === r.accepted };
}
