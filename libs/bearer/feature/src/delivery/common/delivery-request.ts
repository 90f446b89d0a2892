import { Bearer, DeliverySipRequestedV1, EnvelopeHeaders } from '@waken/contracts';

/** The fields every per-bearer delivery request shares (contracts: `deliveryCommon`). */
export type DeliveryRequest = Pick<
  DeliverySipRequestedV1,
  'tenantId' | 'pushId' | 'sirId' | 'kind' | 'targetClientIds' | 'expiresAt' | 'fallbacks' | 'acceptedAt'
>;

/** How an adapter's transmission ended; `transient` may be retried, the others are answers. */
export type TransmissionKind = 'delivered' | 'sent' | 'undeliverable' | 'transient' | 'expired';

export interface TransmissionOutcome {
  kind: TransmissionKind;
  /** Human-readable and short: the SIP/HTTP status line, the SMPP status, the socket error. */
  detail: string;
  /** When the payload was handed to the socket, if it was. */
  onWireAt?: Date;
}

/** The consumed record a transmission comes from: what a report published later must carry. */
export interface DeliveryOrigin {
  key: string;
  headers: EnvelopeHeaders;
}

export interface TransmitContext {
  /** 1 for the first transmission of this request, then 2, 3... on retries. */
  attempt: number;
  origin: DeliveryOrigin;
  /** The request's expiresAt: an adapter stops waiting for an answer at this instant (seed TTL). */
  deadline: Date;
}

/**
 * One bearer as the delivery machinery sees it (seed §S7: send according to the device
 * identity). Adapters never throw for a peer's behaviour; an unexpected throw counts as transient.
 */
export interface BearerAdapter<R extends DeliveryRequest> {
  readonly bearer: Bearer;
  /** What the report names as the destination: GRUU/AOR, MSISDN, host:port, URL. */
  destination(request: R): string;
  transmit(request: R, context: TransmitContext): Promise<TransmissionOutcome>;
}

/** Nest token for the bearer adapter a delivery handler uses (a fake one in unit specs). */
export const BEARER_ADAPTER = Symbol('BEARER_ADAPTER');
