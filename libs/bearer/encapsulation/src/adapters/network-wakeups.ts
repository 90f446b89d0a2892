import { createHash } from 'node:crypto';
import { WAP_PUSH_PORTS } from '@waken/bearer-wsp';
import type { SirPayload } from '../sir-payload';
import { sirWspPush } from '../wsp-sir-push';
import { gtpuGpdu } from './gtpu-gpdu';
import { ipv4UdpPacket } from './ipv4-udp-packet';
import { pppFrame } from './ppp-frame';

export interface IpWakeupSpec {
  /** The PPG's address on the link (source of the push, port 9200). */
  ppgAddress: string;
  /** The terminal's IPv4 address: negotiated by IPCP (CS) or the PDP address (PS). */
  terminalAddress: string;
  /** Terminal port; default 2948 (connectionless WSP push). */
  terminalPort?: number;
}

/** The SIR's WSP Push in UDP 9200 → 2948 in IPv4, the same datagram the UDP bearer sends. */
export function sirIpPacket(payload: SirPayload, spec: IpWakeupSpec): Uint8Array {
  return ipv4UdpPacket({
    source: { address: spec.ppgAddress, port: WAP_PUSH_PORTS.source },
    destination: { address: spec.terminalAddress, port: spec.terminalPort ?? WAP_PUSH_PORTS.destination },
    payload: sirWspPush(payload),
    identification: createHash('sha256').update(`ip-id\u0000${payload.sir.sirId}`).digest().readUInt16BE(0),
  });
}

/**
 * seed §S6 "circuit-switched domain message": WSP over a CSD data call. The call carries PPP, so
 * the SIR is the IP packet of sirIpPacket in one RFC 1662 frame, ready for the modem pool / IWF.
 */
export function csdWakeupFrame(payload: SirPayload, spec: IpWakeupSpec & { accm?: number }): Uint8Array {
  return pppFrame(sirIpPacket(payload, spec), spec.accm);
}

/**
 * seed §S6 "packet-switched domain message": the IP packet of sirIpPacket on the terminal's PDP
 * context, i.e. a GTP-U G-PDU with the context's downlink TEID, for the SGSN/SGW on UDP 2152.
 */
export function psWakeupGpdu(payload: SirPayload, spec: IpWakeupSpec & { teid: number }): Uint8Array {
  return gtpuGpdu({ teid: spec.teid, tpdu: sirIpPacket(payload, spec) });
}
