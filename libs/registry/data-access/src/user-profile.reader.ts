import { DataSource } from 'typeorm';
import { UserProfile, WakePolicy } from '@waken/registry-domain';
import { CLIENT_COLUMNS_SQL, ClientRow, DEVICE_IDENTITIES_SQL, toClientProfile } from './client-row.mapper';
import { UserRef } from './registered-client';

interface ProfileRow extends Omit<ClientRow, 'client_id'> {
  tenant_id: string;
  public_user_identity: string;
  wake_policy: WakePolicy;
  client_id: string | null;
}

// Hot path in raw SQL: one round trip for a whole Kafka batch, index lookups only (identities by
// an index-only scan). bench/registry/resolve.bench.ts at 10^6 clients: a batch of 100 users
// p50 5.7 ms (13.6k lookups/s) vs one user per query p50 0.46 ms (1.6k lookups/s), so per-record
// queries, or the ORM's relation loading with one query per relation, would cap the service at
// an eighth of this. Figures at 10^7: docs/registry.md.
const LOAD_USERS_SQL = `
SELECT u.tenant_id, u.public_user_identity, u.wake_policy, ${CLIENT_COLUMNS_SQL}, ${DEVICE_IDENTITIES_SQL}
FROM unnest($1::text[], $2::text[]) AS w(tenant_id, identity)
JOIN registry_user u ON u.tenant_id = w.tenant_id AND u.public_user_identity = w.identity
LEFT JOIN registry_client c ON c.user_id = u.id`;

/** seed §S2 lookup: the profiles of the recipients of a batch of pushes. */
export class UserProfileReader {
  constructor(private readonly ds: DataSource) {}

  /**
   * The users named by `refs` that exist, keyed by userKey(ref), each with all its clients, in
   * ONE query. The tenant is part of the join: a tenant never finds another tenant's user.
   */
  async loadUsers(refs: UserRef[]): Promise<Map<string, UserProfile>> {
    // PostgreSQL text cannot hold NUL: such a name is unknown, not an error for the whole batch
    const storable = refs.filter((r) => !r.tenantId.includes('\u0000') && !r.publicUserIdentity.includes('\u0000'));
    const unique = new Map(storable.map((r) => [userKey(r), r]));
    const users = new Map<string, UserProfile>();
    if (unique.size === 0) return users;
    const wanted = [...unique.values()];
    const rows = (await this.ds.query(LOAD_USERS_SQL, [wanted.map((r) => r.tenantId), wanted.map((r) => r.publicUserIdentity)])) as ProfileRow[];
    for (const row of rows) {
      const key = userKey({ tenantId: row.tenant_id, publicUserIdentity: row.public_user_identity });
      let user = users.get(key);
      if (!user) {
        user = { tenantId: row.tenant_id, publicUserIdentity: row.public_user_identity, wakePolicy: row.wake_policy, clients: [] };
        users.set(key, user);
      }
      if (row.client_id !== null) user.clients.push(toClientProfile(row as ClientRow));
    }
    return users;
  }

  async loadUser(ref: UserRef): Promise<UserProfile | undefined> {
    return (await this.loadUsers([ref])).get(userKey(ref));
  }
}

/** The map key of a user: tenant and identity, separated by a character neither may contain. */
export function userKey(ref: UserRef): string {
  return `${ref.tenantId}\u0000${ref.publicUserIdentity}`;
}
