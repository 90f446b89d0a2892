import type { DataSource } from 'typeorm';

export const INTAKE_OPTIONS = Symbol('INTAKE_OPTIONS');
export const INTAKE_DATA_SOURCE = Symbol('INTAKE_DATA_SOURCE');

export interface IntakeOptions {
  /** Initialized, migrated; owned by the caller (the app or the test), which destroys it. */
  dataSource: DataSource;
  /** Body cap, bytes, enforced while streaming (reliability.md #6: 1 MiB → 413). */
  maxBodyBytes: number;
  /** Whole-body read deadline against slowloris (reliability.md #6: 30 s → 408). */
  bodyTimeoutMs: number;
  /** Retry-After, seconds, on 503 / PAP 4001 when the database is down (reliability.md R2). */
  unavailableRetryAfterS: number;
  /** How long a known API key's PI (tenant, rules, quota) is remembered; 0 asks the database every time. */
  piCacheTtlMs: number;
  /** With mutual TLS: refuse requests that present no trusted client certificate bound to a PI. */
  requireClientCertificate: boolean;
  /** How often the relay, the expiry sweep and the notifier look for work. */
  pollIntervalMs: number;
  relayBatchSize: number;
  /** Notification POST timeout, attempts and backoff cap. */
  notifyTimeoutMs: number;
  notifyMaxAttempts: number;
  notifyMaxBackoffMs: number;
  /** Allow notify URLs on loopback/private addresses (tests, the embedded mode); off in production (SSRF, OWASP API7). */
  allowPrivateNotifyUrls: boolean;
  /** The PPG's identity on PAP answers (pap.md §4 sender-address, sender-name). */
  senderAddress: string;
  senderName: string;
  /** Keys seeded at start: `tenant:pi:key` (INTAKE_PI_KEYS), allow-all rules, for the embedded mode and tests. */
  seededKeys: ReadonlyArray<{ tenantId: string; piId: string; apiKey: string }>;
}

export const DEFAULT_INTAKE_OPTIONS: Omit<IntakeOptions, 'dataSource'> = {
  maxBodyBytes: 1024 * 1024,
  bodyTimeoutMs: 30000,
  unavailableRetryAfterS: 5,
  piCacheTtlMs: 5000,
  requireClientCertificate: false,
  pollIntervalMs: 200,
  relayBatchSize: 500,
  notifyTimeoutMs: 5000,
  notifyMaxAttempts: 10,
  notifyMaxBackoffMs: 60000,
  allowPrivateNotifyUrls: false,
  senderAddress: 'ppg.waken.local',
  senderName: 'Waken PPG',
  seededKeys: [],
};
