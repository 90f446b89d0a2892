import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/** Every service of the gateway, each started as its own process (docs/architecture.md). */
export const GATEWAY_SERVICES = [
  'push-intake', 'registry', 'id-check', 'sir-composer', 'encapsulator', 'session',
  'delivery-sip', 'delivery-sms', 'delivery-udp', 'delivery-http',
] as const;
export type GatewayService = (typeof GATEWAY_SERVICES)[number];

/** The ports one test file uses: an HTTP port per service plus the two SIP sockets. */
export interface GatewayPorts {
  readonly http: Readonly<Record<GatewayService, number>>;
  /** session: SUBSCRIBEs arrive here (UDP + TCP). */
  readonly sessionSip: number;
  /** delivery-sip: SIR MESSAGEs leave from here (UDP + TCP). */
  readonly deliverySip: number;
}

const SIP_OFFSET = 20;
const RANGE = 32;
const ATTEMPTS = 8;
const STEP = 500;

/** The plan of `base`: HTTP on base+0..9, SIP on base+20 and base+21. */
export function portsFrom(base: number): GatewayPorts {
  const http = Object.fromEntries(GATEWAY_SERVICES.map((s, i) => [s, base + i])) as Record<GatewayService, number>;
  return { http, sessionSip: base + SIP_OFFSET, deliverySip: base + SIP_OFFSET + 1 };
}

/**
 * A port range for one test file, away from the defaults (3011-3023, 5070) so a developer's
 * running gateway does not collide, and below Linux's ephemeral range (32768-60999) so outgoing
 * connections never hold one. Each file names its own base; when something already holds a port
 * of it (another checkout, a leftover), the next range STEP higher is tried.
 */
export async function reserveGatewayPorts(base: number): Promise<GatewayPorts> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const plan = portsFrom(base + attempt * STEP);
    if (await rangeIsFree(plan)) return plan;
  }
  throw new Error(`no free range of ${RANGE} ports from ${base} (tried ${ATTEMPTS} ranges, ${STEP} apart)`);
}

async function rangeIsFree(plan: GatewayPorts): Promise<boolean> {
  const tcp = [...Object.values(plan.http), plan.sessionSip, plan.deliverySip];
  const udp = [plan.sessionSip, plan.deliverySip];
  const results = await Promise.all([...tcp.map(tcpFree), ...udp.map(udpFree)]);
  return results.every(Boolean);
}

function tcpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}
