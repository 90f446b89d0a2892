import { ClientCapabilities } from './intake-records';
import { rows, SqlRunner } from './sql-runner';

/** Read model of ClientRespondedV1 for PAP ccq-message (seed §C4), scoped by tenant. */
export class ClientCapabilityRepository {
  /** Keeps the newest answer per client: an older, redelivered response changes nothing. */
  async upsert(m: SqlRunner, tenantId: string, publicUserIdentity: string, c: ClientCapabilities): Promise<void> {
    await m.query(
      `INSERT INTO client_capability (tenant_id, public_user_identity, client_id, capabilities, responded_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, public_user_identity, client_id) DO UPDATE SET capabilities = EXCLUDED.capabilities, responded_at = EXCLUDED.responded_at
       WHERE client_capability.responded_at <= EXCLUDED.responded_at`,
      [tenantId, publicUserIdentity, c.clientId, JSON.stringify(c.capabilities), c.respondedAt],
    );
  }

  async findByIdentity(m: SqlRunner, tenantId: string, publicUserIdentity: string): Promise<ClientCapabilities[]> {
    const found = await rows<{ client_id: string; capabilities: Record<string, string>; responded_at: Date }>(
      m,
      `SELECT client_id, capabilities, responded_at FROM client_capability WHERE tenant_id = $1 AND public_user_identity = $2 ORDER BY client_id`,
      [tenantId, publicUserIdentity],
    );
    return found.map((r) => ({ clientId: r.client_id, capabilities: r.capabilities, respondedAt: r.responded_at }));
  }
}
