import type { SipPeer } from '@waken/bearer-sip-transport';

/** Test-only: the shared Kamailio of the integration specs (KAMAILIO_HOST / KAMAILIO_PORT). */
export function kamailioProxy(): SipPeer {
  return { transport: 'udp', host: process.env.KAMAILIO_HOST ?? '127.0.0.1', port: Number(process.env.KAMAILIO_PORT ?? 15060) };
}
