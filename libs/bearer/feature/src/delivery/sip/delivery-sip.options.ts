import { SipPeer } from '@waken/bearer-sip-transport';
import { DeliveryPolicy } from '../common/delivery-policy';

export const DELIVERY_SIP_OPTIONS = Symbol('DELIVERY_SIP_OPTIONS');

/** The SIP user agent delivery-sip sends from (seed §S7: MESSAGE to a GRUU through the home proxy). */
export interface SipDeliverySettings {
  /** Local address to bind; UDP and TCP share the port (0: ephemeral). */
  localHost: string;
  localPort: number;
  /** Kamailio (or the S-CSCF): every MESSAGE goes through it (RFC 3261 §8.1.2). */
  proxy: SipPeer;
  /** From of every MESSAGE: the PPG's SIP identity. */
  from: string;
  /** Timer F: a MESSAGE without a final response after this is a timeout (RFC 3261 §17.1.2.2). */
  timerFMs: number;
  t1Ms: number;
  /** Client transactions outstanding at once on the endpoint. */
  maxInflight: number;
  userAgent?: string;
}

export interface DeliverySipOptions {
  policy: DeliveryPolicy;
  sip: SipDeliverySettings;
}
