import {
  DeliveryReportedV1, PushDeliveredV1, PushPlannedV1, SessionOpenedV1, SirComposedV1, SirRequestedV1,
} from '@waken/contracts';
import { TopicTap } from '@waken/platform-messaging';

/** The topics the suite observes from outside the services. */
export const OBSERVED_EVENTS = [SirRequestedV1, SirComposedV1, DeliveryReportedV1, SessionOpenedV1, PushDeliveredV1, PushPlannedV1];

/** What the gateway did for one push, read from its topics (the push's internal id). */
export interface WireAccount {
  /** SIRs id-check asked for (seed §S4). */
  readonly sirsRequested: readonly SirRequestedV1[];
  readonly sirsComposed: readonly SirComposedV1[];
  /** Distinct SIRs reported on the wire (kind sir, sent or delivered), per bearer. */
  readonly sirsOnWire: Readonly<Record<string, number>>;
  readonly sirsOnWireTotal: number;
  /** Every kind-sir report, failures included (fallback attempts). */
  readonly sirReports: readonly DeliveryReportedV1[];
  /** Sessions opened after one of the push's SIRs (seed §C3). */
  readonly sessionsOpened: readonly SessionOpenedV1[];
  readonly delivered: readonly PushDeliveredV1[];
  readonly plans: readonly PushPlannedV1[];
}

/** Reads the account of `pushId` from what the tap has seen so far. */
export function wireAccountOf(tap: TopicTap, pushId: string): WireAccount {
  const of = <T extends { pushId: string }>(def: Parameters<TopicTap['of']>[0]) => tap.of<T>(def).map((e) => e.payload).filter((p) => p.pushId === pushId);
  const sirsRequested = of<SirRequestedV1>(SirRequestedV1);
  const sirsComposed = of<SirComposedV1>(SirComposedV1);
  const sirReports = of<DeliveryReportedV1>(DeliveryReportedV1).filter((r) => r.kind === 'sir');
  const onWire = new Map<string, Set<string>>();
  for (const r of sirReports.filter((x) => x.outcome === 'sent' || x.outcome === 'delivered')) {
    onWire.set(r.bearer, (onWire.get(r.bearer) ?? new Set()).add(r.sirId));
  }
  const sirIds = new Set(sirsComposed.map((c) => c.sir.sirId));
  return {
    sirsRequested,
    sirsComposed,
    sirsOnWire: Object.fromEntries([...onWire].map(([bearer, ids]) => [bearer, ids.size])),
    sirsOnWireTotal: [...onWire.values()].reduce((n, ids) => n + ids.size, 0),
    sirReports,
    sessionsOpened: tap.of<SessionOpenedV1>(SessionOpenedV1).map((e) => e.payload).filter((s) => s.sirId !== undefined && sirIds.has(s.sirId)),
    delivered: of<PushDeliveredV1>(PushDeliveredV1),
    plans: of<PushPlannedV1>(PushPlannedV1),
  };
}
