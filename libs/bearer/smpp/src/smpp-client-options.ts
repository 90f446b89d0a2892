import { defaultSmppLogger, SmppLogger } from './smpp-logger';
import { systemTimers, SmppTimers } from './smpp-timers';
import { SmppSocketFactory, tcpSocketFactory } from './tcp-socket-factory';

export type SmppBindMode = 'transmitter' | 'transceiver';

export interface SmppClientOptions {
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  /** transceiver receives delivery receipts on the same bind; transmitter only submits. */
  bindMode?: SmppBindMode;
  /** Default source address of submits (E.164, digits or alphanumeric). */
  sourceAddr?: string;
  /** Max submit_sm awaiting their resp on this bind (default 10). */
  window?: number;
  /** Throughput cap per bind in messages/s (default: none). */
  messagesPerSecond?: number;
  /** How many messages may go out back-to-back before the cap applies (default 1). */
  burst?: number;
  enquireLinkIntervalMs?: number;
  /** Any request unanswered this long is taken as a dead link: reconnect (default 10 s). */
  responseTimeoutMs?: number;
  connectTimeoutMs?: number;
  reconnectInitialMs?: number;
  reconnectMaxMs?: number;
  /** How many submitted message ids are remembered for matching receipts (default 100,000). */
  knownMessageIds?: number;
  logger?: SmppLogger;
  timers?: SmppTimers;
  random?: () => number;
  socketFactory?: SmppSocketFactory;
}

export type ResolvedSmppClientOptions = Required<SmppClientOptions>;

export function resolveSmppClientOptions(o: SmppClientOptions): ResolvedSmppClientOptions {
  return {
    systemType: '',
    bindMode: 'transceiver',
    sourceAddr: '',
    window: 10,
    messagesPerSecond: Infinity,
    burst: 1,
    enquireLinkIntervalMs: 30_000,
    responseTimeoutMs: 10_000,
    connectTimeoutMs: 10_000,
    reconnectInitialMs: 1_000,
    reconnectMaxMs: 30_000,
    knownMessageIds: 100_000,
    timers: systemTimers,
    random: Math.random,
    socketFactory: tcpSocketFactory,
    ...withoutUndefined(o),
    host: o.host,
    port: o.port,
    systemId: o.systemId,
    password: o.password,
    logger: o.logger ?? defaultSmppLogger(),
  };
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
