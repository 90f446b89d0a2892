import type { DataSource } from 'typeorm';
import type { SipPeer, SipTransportName } from '@waken/bearer-sip-transport';

export const SESSION_OPTIONS = Symbol('SESSION_OPTIONS');

/** Timing and limits of the session endpoint (the parts a test shortens). */
export interface SessionTuning {
  /** SESSION_IDLE_MS: a session without traffic for this long ends (reason idle) */
  idleMs: number;
  /** how often sessions and the store are checked for idle, expired and past deliver-before */
  sweepMs: number;
  /** NOTIFYs outstanding over all sessions */
  maxNotifyInflight: number;
  /** NOTIFYs outstanding per session (1: strictly one after the other) */
  maxNotifyPerSession: number;
  /** no final answer to a NOTIFY within this: the client is gone (RFC 3261 Timer F) */
  notifyTimeoutMs: number;
  /** pending rows loaded per query when a session opens */
  loadBatch: number;
  /** terminal rows are deleted this long after they reached their state */
  retentionMs: number;
  /** how long shutdown waits for NOTIFYs in flight and the final NOTIFYs */
  shutdownGraceMs: number;
  /** refresh the registration after this fraction of the granted expiry */
  registerRefreshAt: number;
}

export interface SessionOptions extends SessionTuning {
  /** the app's data source, initialised before and destroyed after the service */
  dataSource: DataSource;
  /** PPG_AOR: registered with the registrar; SIRs name it as ppgAddress */
  ppgAor: string;
  /** RFC 5626 instance id of this endpoint (urn:uuid:...); stable across restarts */
  instanceId: string;
  /** where SUBSCRIBEs arrive and NOTIFYs leave */
  sip: { host: string; port: number; transports: SipTransportName[] };
  /** the registrar/proxy (Kamailio) */
  registrar: SipPeer;
  registerExpiresS: number;
  /** SIR_MASTER_KEY: client keys derive from it (`deriveClientKey`) */
  master: Uint8Array;
  /** tenants served; empty: every tenant */
  tenants: string[];
}

export const DEFAULT_SESSION_TUNING: SessionTuning = {
  idleMs: 900_000,
  sweepMs: 1000,
  maxNotifyInflight: 256,
  maxNotifyPerSession: 1,
  notifyTimeoutMs: 8000,
  loadBatch: 500,
  retentionMs: 14 * 24 * 3600_000,
  shutdownGraceMs: 5000,
  registerRefreshAt: 0.8,
};
