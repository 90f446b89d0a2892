import type { SipPeer } from '../sip-peer';

/** The Kamailio the integration specs use (the shared one on 15060 unless told otherwise). */
export function kamailioProxy(transport: SipPeer['transport'] = 'udp'): SipPeer {
  return {
    transport,
    host: process.env.KAMAILIO_HOST ?? '127.0.0.1',
    port: Number(process.env.KAMAILIO_PORT ?? 15060),
  };
}
