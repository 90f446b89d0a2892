import { DataSource, EntityManager } from 'typeorm';
import { DeviceIdentity } from '@waken/contracts';
import { DeviceIdentityEntity } from './entities/device-identity.entity';
import { RegistryClientEntity } from './entities/registry-client.entity';
import { CLIENTS_OF_USER_SQL, RegisteredClientRow, toRegisteredClient } from './client-row.mapper';
import { ClientChanges, NewClient, RegisteredClient, UserRef } from './registered-client';
import { RegistryUserRepository } from './registry-user.repository';
import { withConflictsNamed } from './unique-violation';

/**
 * Clients of a tenant's user for the administration API. A client is always reached through
 * its user and tenant, so another tenant's (or another user's) client id finds nothing.
 */
export class RegistryClientRepository {
  private readonly users: RegistryUserRepository;

  constructor(private readonly ds: DataSource) {
    this.users = new RegistryUserRepository(ds);
  }

  /** Undefined when the user does not exist; throws RegistryConflict for a taken client id or identity. */
  async create(ref: UserRef, client: NewClient): Promise<RegisteredClient | undefined> {
    const created = await withConflictsNamed(() =>
      this.ds.transaction(async (manager) => {
        const userId = await this.users.idOf(manager, ref);
        if (!userId) return false;
        const { deviceIdentities, ...row } = client;
        await manager.insert(RegistryClientEntity, { ...row, tenantId: ref.tenantId, userId });
        await insertIdentities(manager, ref.tenantId, client.clientId, deviceIdentities);
        return true;
      }),
    );
    return created ? this.find(ref, client.clientId) : undefined;
  }

  async list(ref: UserRef): Promise<RegisteredClient[] | undefined> {
    const userId = await this.users.idOf(this.ds.manager, ref);
    if (!userId) return undefined;
    return this.select(this.ds.manager, ref.tenantId, userId);
  }

  async find(ref: UserRef, clientId: string): Promise<RegisteredClient | undefined> {
    const userId = await this.users.idOf(this.ds.manager, ref);
    if (!userId) return undefined;
    return (await this.select(this.ds.manager, ref.tenantId, userId, clientId))[0];
  }

  /** Replaces the given fields (identities as a whole); undefined when the client is not the user's. */
  async update(ref: UserRef, clientId: string, changes: ClientChanges): Promise<RegisteredClient | undefined> {
    const updated = await withConflictsNamed(() =>
      this.ds.transaction(async (manager) => {
        const userId = await this.users.idOf(manager, ref);
        if (!userId) return false;
        const { deviceIdentities, ...fields } = changes;
        const where = { tenantId: ref.tenantId, clientId, userId };
        const result = await manager.update(RegistryClientEntity, where, { ...fields, updatedAt: () => 'now()' });
        if ((result.affected ?? 0) === 0) return false;
        if (deviceIdentities) {
          await manager.delete(DeviceIdentityEntity, { tenantId: ref.tenantId, clientId });
          await insertIdentities(manager, ref.tenantId, clientId, deviceIdentities);
        }
        return true;
      }),
    );
    return updated ? this.find(ref, clientId) : undefined;
  }

  /** Removes the client and its identities; false when it is not the user's. */
  async delete(ref: UserRef, clientId: string): Promise<boolean> {
    const userId = await this.users.idOf(this.ds.manager, ref);
    if (!userId) return false;
    const result = await this.ds.manager.delete(RegistryClientEntity, { tenantId: ref.tenantId, clientId, userId });
    return (result.affected ?? 0) > 0;
  }

  private async select(manager: EntityManager, tenantId: string, userId: string, clientId?: string): Promise<RegisteredClient[]> {
    const sql = clientId === undefined ? `${CLIENTS_OF_USER_SQL} ORDER BY c.client_id` : `${CLIENTS_OF_USER_SQL} AND c.client_id = $3`;
    const params = clientId === undefined ? [tenantId, userId] : [tenantId, userId, clientId];
    const rows = (await manager.query(sql, params)) as RegisteredClientRow[];
    return rows.map(toRegisteredClient);
  }
}

async function insertIdentities(manager: EntityManager, tenantId: string, clientId: string, identities: DeviceIdentity[]): Promise<void> {
  if (identities.length === 0) return;
  const rows = identities.map((identity, position) => ({ tenantId, clientId, kind: identity.kind, value: identity.value, position }));
  await manager.insert(DeviceIdentityEntity, rows);
}
