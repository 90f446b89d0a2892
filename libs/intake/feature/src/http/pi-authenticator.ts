import { Inject, Injectable } from '@nestjs/common';
import { isDatabaseUnavailable, PushInitiator, PushInitiatorRepository } from '@waken/intake-data-access';
import { DataSource } from 'typeorm';
import { INTAKE_DATA_SOURCE, INTAKE_OPTIONS, IntakeOptions } from '../intake.options';
import { IntakeRefusal } from './intake-refusal';
import { PiCredentials } from './pi-credentials';
import { TokenBuckets } from './token-bucket';

const BEARER = /^Bearer ([\x21-\x7e]{16,512})$/;
/** Bound on cached credentials: beyond it the cache starts over (a key flood cannot grow memory). */
const MAX_CACHED_KEYS = 10_000;

/**
 * `Authorization: Bearer <api key>` (PAP and JSON): the key's SHA-256 hash names the PI and so
 * the tenant (reliability.md (d): tenantId taken from the credential, never from the body).
 * With mutual TLS (INTAKE_TLS_CLIENT_CA_FILE), a trusted client certificate bound to a PI names it
 * as well; a request carrying both must name the same PI, an untrusted or unbound certificate is
 * refused, and INTAKE_REQUIRE_CLIENT_CERT refuses requests without one.
 * Then the PI's quota. A known key is remembered for `piCacheTtlMs` (one query per key and TTL
 * instead of one per request); a revoked key or changed rules take effect within that time.
 * Unknown keys are never cached.
 */
@Injectable()
export class PiAuthenticator {
  private readonly initiators = new PushInitiatorRepository();
  private readonly buckets = new TokenBuckets();
  private readonly known = new Map<string, { pi: PushInitiator; until: number }>();

  constructor(
    @Inject(INTAKE_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
  ) {}

  /** Throws IntakeRefusal: 401 unknown or conflicting credentials, 429 over quota, 503 database down. */
  async authenticate({ authorization, peer }: PiCredentials): Promise<PushInitiator> {
    if (peer?.kind === 'untrusted') throw new IntakeRefusal('unauthorized', 401, `client certificate not trusted (${peer.reason})`);
    const byCert = peer ? await this.lookup(`cert:${peer.sha256}`, (m) => this.initiators.findByClientCertificate(m, peer.sha256)) : undefined;
    if (peer && !byCert) throw new IntakeRefusal('unauthorized', 401, 'client certificate is not bound to a PI');
    if (!byCert && this.options.requireClientCertificate) throw new IntakeRefusal('unauthorized', 401, 'a client certificate is required');
    const key = BEARER.exec(authorization ?? '')?.[1];
    if (key === undefined && authorization !== undefined && authorization !== '') throw new IntakeRefusal('unauthorized', 401, 'a Bearer API key is required');
    const byKey = key === undefined ? undefined : await this.lookup(`key:${key}`, (m) => this.initiators.findByApiKey(m, key));
    if (key !== undefined && !byKey) throw new IntakeRefusal('unauthorized', 401, 'unknown API key');
    if (byCert && byKey && (byCert.tenantId !== byKey.tenantId || byCert.piId !== byKey.piId)) {
      throw new IntakeRefusal('unauthorized', 401, 'the API key and the client certificate name different PIs');
    }
    const pi = byCert ?? byKey;
    if (!pi) throw new IntakeRefusal('unauthorized', 401, 'a Bearer API key is required');
    const waitMs = this.buckets.take(`${pi.tenantId}\u0000${pi.piId}`, pi.quotaPerSecond);
    if (waitMs > 0) throw new IntakeRefusal('quota', 429, `quota of ${pi.quotaPerSecond}/s exceeded`, Math.max(1, Math.ceil(waitMs / 1000)));
    return pi;
  }

  /** A credential's PI, remembered for piCacheTtlMs; `key` names the credential in the cache. */
  private async lookup(key: string, find: (m: DataSource['manager']) => Promise<PushInitiator | undefined>): Promise<PushInitiator | undefined> {
    const now = Date.now();
    const cached = this.known.get(key);
    if (cached && cached.until > now) return cached.pi;
    let pi: PushInitiator | undefined;
    try {
      pi = await find(this.ds.manager);
    } catch (e) {
      throw this.unavailableOr(e);
    }
    if (!pi) {
      this.known.delete(key);
      return undefined;
    }
    if (this.options.piCacheTtlMs > 0) {
      if (this.known.size >= MAX_CACHED_KEYS) this.known.clear();
      this.known.set(key, { pi, until: now + this.options.piCacheTtlMs });
    }
    return pi;
  }

  /** 503 + Retry-After for a database that is not there; anything else is rethrown. */
  unavailableOr(e: unknown): unknown {
    return isDatabaseUnavailable(e) ? new IntakeRefusal('unavailable', 503, 'the push store is unavailable', this.options.unavailableRetryAfterS) : e;
  }
}
