import { randomBytes } from 'node:crypto';
import type { SipPeer } from '@waken/bearer-sip-transport';
import { TEST_KAFKA_BROKERS, uniqueTopicPrefix } from '@waken/testing';
import { GatewayPorts, GatewayService } from './gateway-ports';

/** What one test file's gateway is made of: names, secrets and addresses shared by its services. */
export interface GatewaySettings {
  readonly name: string;
  readonly tenant: string;
  readonly adminToken: string;
  readonly piId: string;
  readonly piKey: string;
  /** The SIR master key of registry, sir-composer and session (docs/registry.md "SIR keys"). */
  readonly master: Uint8Array;
  /** Per file, so that files do not receive each other's SUBSCRIBEs through Kamailio. */
  readonly ppgAor: string;
  /** SIP domain of the test users (the one Kamailio mints GRUUs in). */
  readonly domain: string;
  readonly topicPrefix: string;
  readonly kamailio: SipPeer;
  readonly ports: GatewayPorts;
}

export interface GatewayDatabases {
  readonly intake: string;
  readonly registry: string;
  readonly session: string;
}

export function gatewaySettings(name: string, ports: GatewayPorts): GatewaySettings {
  const suffix = randomBytes(4).toString('hex');
  return {
    name,
    tenant: 'e2e',
    adminToken: `e2e-admin-${randomBytes(12).toString('hex')}`,
    piId: 'e2e-pi',
    piKey: `e2e-pi-key-${randomBytes(12).toString('hex')}`,
    master: randomBytes(32),
    ppgAor: `sip:ppg-${name}-${suffix}@example.com`,
    domain: 'example.com',
    topicPrefix: uniqueTopicPrefix(`e2e-${name}`),
    kamailio: { transport: 'udp', host: process.env.KAMAILIO_HOST ?? '127.0.0.1', port: Number(process.env.KAMAILIO_PORT ?? 15060) },
    ports,
  };
}

/** The environment of each service: its own config file's variables (apps/<app>/src/<app>.config.ts). */
export function serviceEnvironment(service: GatewayService, s: GatewaySettings, db: GatewayDatabases, smscPort: number): Record<string, string> {
  const platform = {
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    KAFKA_TOPIC_PREFIX: s.topicPrefix,
    // consumer groups per file too: the same group on other files' topics would rebalance with them
    KAFKA_GROUP_ID: `${s.topicPrefix}${service}`,
    KAFKA_CLIENT_ID: `${s.topicPrefix}${service}`,
    WAKEN_INSTANCE_ID: `${service}-${s.name}`,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
  };
  return { ...platform, ...specificEnvironment(service, s, db, smscPort) };
}

function specificEnvironment(service: GatewayService, s: GatewaySettings, db: GatewayDatabases, smscPort: number): Record<string, string> {
  const master = Buffer.from(s.master).toString('base64');
  const proxy = { host: s.kamailio.host, port: String(s.kamailio.port) };
  const delivery = { DELIVERY_MAX_ATTEMPTS: '2', DELIVERY_BACKOFF_INITIAL_MS: '100', DELIVERY_BACKOFF_MAX_MS: '500' };
  const env: Record<GatewayService, () => Record<string, string>> = {
    'push-intake': () => ({
      DATABASE_URL: db.intake, INTAKE_PI_KEYS: `${s.tenant}:${s.piId}:${s.piKey}`, INTAKE_ALLOW_PRIVATE_NOTIFY_URLS: 'true',
      INTAKE_POLL_INTERVAL_MS: '50', INTAKE_NOTIFY_MAX_BACKOFF_MS: '1000',
    }),
    registry: () => ({ DATABASE_URL: db.registry, SIR_MASTER_KEY: master, REGISTRY_ADMIN_TOKENS: `${s.tenant}:${s.adminToken}` }),
    'id-check': () => ({}),
    // seed §S5: the PPG address in the SIR is the AOR the session endpoint registers
    'sir-composer': () => ({ SIR_MASTER_KEY: master, PPG_SIP_ADDRESS: s.ppgAor, PPG_CONTACT_IPV4: '127.0.0.1', PPG_CONTACT_PORT: String(s.ports.sessionSip) }),
    encapsulator: () => ({}),
    session: () => ({
      DATABASE_URL: db.session, SIR_MASTER_KEY: master, PPG_AOR: s.ppgAor, SESSION_SIP_HOST: '127.0.0.1', SESSION_SIP_PORT: String(s.ports.sessionSip),
      SIP_REGISTRAR_HOST: proxy.host, SIP_REGISTRAR_PORT: proxy.port, SIP_REGISTER_EXPIRES_S: '300', SESSION_TENANTS: s.tenant,
      SESSION_SWEEP_MS: '200', SESSION_SHUTDOWN_GRACE_MS: '2000',
    }),
    'delivery-sip': () => ({
      ...delivery, SIP_LOCAL_HOST: '127.0.0.1', SIP_LOCAL_PORT: String(s.ports.deliverySip), SIP_PROXY_HOST: proxy.host, SIP_PROXY_PORT: proxy.port,
      SIP_FROM: s.ppgAor, SIP_TIMER_F_MS: '8000',
    }),
    'delivery-sms': () => ({ ...delivery, SMPP_HOST: '127.0.0.1', SMPP_PORT: String(smscPort), SMPP_SYSTEM_ID: 'waken-e2e', SMPP_PASSWORD: 'e2e-pass' }),
    'delivery-udp': () => ({ ...delivery, UDP_LOCAL_HOST: '127.0.0.1' }),
    'delivery-http': () => ({ ...delivery, HTTP_PUSH_ALLOW_PRIVATE_TARGETS: 'true' }),
  };
  return env[service]();
}
