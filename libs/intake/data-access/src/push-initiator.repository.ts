import { hashApiKey } from './api-key';
import { PushInitiator } from './intake-records';
import { rows, SqlRunner } from './sql-runner';

interface PiRow {
  tenant_id: string;
  pi_id: string;
  trusted: boolean;
  allowed_user_patterns: string[];
  allowed_applications: string[];
  allowed_content_types: string[];
  quota_per_second: number;
}

/** PIs and their hashed API keys; the tenant of a request is the tenant of its key. */
export class PushInitiatorRepository {
  /** Creates or replaces a PI and its key (the admin command, env-seeded keys). */
  async save(m: SqlRunner, pi: PushInitiator, apiKey: string): Promise<void> {
    await m.query(
      `INSERT INTO push_initiator (tenant_id, pi_id, key_hash, trusted, allowed_user_patterns, allowed_applications, allowed_content_types, quota_per_second)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id, pi_id) DO UPDATE SET key_hash = EXCLUDED.key_hash, trusted = EXCLUDED.trusted,
         allowed_user_patterns = EXCLUDED.allowed_user_patterns, allowed_applications = EXCLUDED.allowed_applications,
         allowed_content_types = EXCLUDED.allowed_content_types, quota_per_second = EXCLUDED.quota_per_second`,
      [pi.tenantId, pi.piId, hashApiKey(apiKey), pi.trusted, pi.allowedUserPatterns, pi.allowedApplications, pi.allowedContentTypes, pi.quotaPerSecond],
    );
  }

  async findByApiKey(m: SqlRunner, apiKey: string): Promise<PushInitiator | undefined> {
    return this.findOne(m, 'key_hash', hashApiKey(apiKey));
  }

  /** The PI a client certificate is bound to (mutual TLS), by its SHA-256 fingerprint. */
  async findByClientCertificate(m: SqlRunner, sha256: string): Promise<PushInitiator | undefined> {
    return this.findOne(m, 'client_cert_sha256', normalizeFingerprint(sha256));
  }

  /** Binds a client certificate to an existing PI; false when there is no such PI. */
  async bindClientCertificate(m: SqlRunner, tenantId: string, piId: string, sha256: string): Promise<boolean> {
    const updated = await rows<{ pi_id: string }>(
      m,
      `UPDATE push_initiator SET client_cert_sha256 = $3 WHERE tenant_id = $1 AND pi_id = $2 RETURNING pi_id`,
      [tenantId, piId, normalizeFingerprint(sha256)],
    );
    return updated.length === 1;
  }

  private async findOne(m: SqlRunner, column: 'key_hash' | 'client_cert_sha256', value: string): Promise<PushInitiator | undefined> {
    const [row] = await rows<PiRow>(
      m,
      `SELECT tenant_id, pi_id, trusted, allowed_user_patterns, allowed_applications, allowed_content_types, quota_per_second
       FROM push_initiator WHERE ${column} = $1`,
      [value],
    );
    return (
      row && {
        tenantId: row.tenant_id,
        piId: row.pi_id,
        trusted: row.trusted,
        allowedUserPatterns: row.allowed_user_patterns,
        allowedApplications: row.allowed_applications,
        allowedContentTypes: row.allowed_content_types,
        quotaPerSecond: row.quota_per_second,
      }
    );
  }
}

/** `AB:CD:…` (Node's fingerprint256) or `abcd…` → `ABCD…`. */
export function normalizeFingerprint(sha256: string): string {
  return sha256.replace(/:/g, '').toUpperCase();
}
