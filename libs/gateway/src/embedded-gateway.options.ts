import { randomBytes } from 'node:crypto';

/** Everything the embedded single-process gateway needs; the defaults run on a bare machine. */
export interface EmbeddedGatewayOptions {
  /** memory:// (gone at exit) or pglite://<dir> (kept). One embedded PostgreSQL for every service. */
  databaseUrl: string;
  host: string;
  intakePort: number;
  registryPort: number;
  /** The built-in SIP registrar/proxy (Kamailio's role); devices register here. */
  sipProxyPort: number;
  sessionSipPort: number;
  deliverySipPort: number;
  /** SIP domain of the users and of the PPG's AOR. */
  domain: string;
  tenant: string;
  adminToken: string;
  piId: string;
  piKey: string;
  sirMasterKey: Uint8Array;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug';
  /** A SIR that woke nobody within this falls back to the next activation method. */
  sessionDeadlineMs: number;
}

export function defaultEmbeddedOptions(overrides: Partial<EmbeddedGatewayOptions> = {}): EmbeddedGatewayOptions {
  return {
    databaseUrl: 'memory://waken',
    host: '127.0.0.1',
    intakePort: 3011,
    registryPort: 3012,
    sipProxyPort: 15160,
    sessionSipPort: 5170,
    deliverySipPort: 5180,
    domain: 'example.com',
    tenant: 'demo',
    adminToken: 'demo-admin-token-0000',
    piId: 'demo-pi',
    piKey: 'demo-pi-key-00000000',
    sirMasterKey: randomBytes(32),
    logLevel: 'warn',
    sessionDeadlineMs: 10000,
    ...overrides,
  };
}
