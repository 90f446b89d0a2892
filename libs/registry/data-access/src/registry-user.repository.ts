import { DataSource, EntityManager } from 'typeorm';
import { WakePolicy } from '@waken/registry-domain';
import { RegistryUserEntity } from './entities/registry-user.entity';
import { CLIENTS_OF_USER_SQL, RegisteredClientRow, toRegisteredClient } from './client-row.mapper';
import { RegisteredClient, RegisteredUser, UserChanges, UserRef } from './registered-client';
import { withConflictsNamed } from './unique-violation';

/** Users of a tenant for the administration API; every query is scoped by tenant. */
export class RegistryUserRepository {
  constructor(private readonly ds: DataSource) {}

  /** Throws RegistryConflict('user') when the tenant already has this identity. */
  async create(ref: UserRef, wakePolicy: WakePolicy): Promise<RegisteredUser> {
    await withConflictsNamed(() => this.ds.manager.insert(RegistryUserEntity, { ...ref, wakePolicy }));
    return (await this.find(ref)) as RegisteredUser;
  }

  async find(ref: UserRef): Promise<RegisteredUser | undefined> {
    const user = await this.entityOf(this.ds.manager, ref);
    if (!user) return undefined;
    return { ...toView(user), clients: await this.clientsOf(this.ds.manager, user) };
  }

  /** Undefined when the tenant has no such user. */
  async update(ref: UserRef, changes: UserChanges): Promise<RegisteredUser | undefined> {
    const user = await this.entityOf(this.ds.manager, ref);
    if (!user) return undefined;
    if (changes.wakePolicy !== undefined) {
      await this.ds.manager.update(RegistryUserEntity, { id: user.id, tenantId: ref.tenantId }, { wakePolicy: changes.wakePolicy, updatedAt: () => 'now()' });
    }
    return this.find(ref);
  }

  /** Deletes the user and, by cascade, its clients and their identities; false when absent. */
  async delete(ref: UserRef): Promise<boolean> {
    const result = await this.ds.manager.delete(RegistryUserEntity, { tenantId: ref.tenantId, publicUserIdentity: ref.publicUserIdentity });
    return (result.affected ?? 0) > 0;
  }

  /** The user's row id, for the client repository; undefined when the tenant has no such user. */
  async idOf(manager: EntityManager, ref: UserRef): Promise<string | undefined> {
    return (await this.entityOf(manager, ref))?.id;
  }

  private entityOf(manager: EntityManager, ref: UserRef): Promise<RegistryUserEntity | null> {
    return manager.findOneBy(RegistryUserEntity, { tenantId: ref.tenantId, publicUserIdentity: ref.publicUserIdentity });
  }

  private async clientsOf(manager: EntityManager, user: RegistryUserEntity): Promise<RegisteredClient[]> {
    const rows = (await manager.query(`${CLIENTS_OF_USER_SQL} ORDER BY c.client_id`, [user.tenantId, user.id])) as RegisteredClientRow[];
    return rows.map(toRegisteredClient);
  }
}

function toView(user: RegistryUserEntity): Omit<RegisteredUser, 'clients'> {
  return {
    tenantId: user.tenantId,
    publicUserIdentity: user.publicUserIdentity,
    wakePolicy: user.wakePolicy,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
