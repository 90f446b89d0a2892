import { DeliveryPolicy } from '../common/delivery-policy';

export const DELIVERY_UDP_OPTIONS = Symbol('DELIVERY_UDP_OPTIONS');

/** The datagram socket delivery-udp sends from (wsp-wdp-sms.md §1: the PPG's WSP port is 9200). */
export interface UdpSettings {
  localHost: string;
  /** 0: ephemeral; 9200 to look like a WAP gateway's connectionless WSP port. */
  localPort: number;
  /** Copies of each datagram (>= 1): UDP has no acknowledgement, repetition is the only retry. */
  transmissions: number;
  /** Backoff base between the copies (doubled each time, jittered). */
  repeatIntervalMs: number;
}

export interface DeliveryUdpOptions {
  policy: DeliveryPolicy;
  udp: UdpSettings;
}
