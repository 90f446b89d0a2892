import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { deriveClientKey, deriveUserKey, keyIdFor } from '@waken/sir-domain';
import { RegisteredClient, RegistryClientRepository, RegistryConflict, UserRef } from '@waken/registry-data-access';
import { CreateClientDto } from '../dto/create-client.dto';
import { UpdateClientDto } from '../dto/update-client.dto';
import { REGISTRY_OPTIONS, RegistryOptions } from '../registry.options';
import { SirKeyView } from '../views/sir-key.view';
import { DEFAULT_PREFERENCES, toClientChanges } from './client-input.mapper';

/** Registers clients and issues their SIR keys (reliability.md: SIR authenticity). */
@Injectable()
export class ClientRegistrationService {
  constructor(
    @Inject(REGISTRY_OPTIONS) private readonly options: RegistryOptions,
    private readonly clients: RegistryClientRepository,
  ) {}

  /** The new client and, this once, its SIR verification key. */
  async create(user: UserRef, dto: CreateClientDto): Promise<RegisteredClient & { sirKey: SirKeyView; userSirKey: SirKeyView }> {
    const clientId = dto.clientId ?? randomUUID();
    const changes = toClientChanges(dto);
    const sirKey = this.keyOf(user.tenantId, clientId, 1);
    const created = await conflictsAs409(() =>
      this.clients.create(user, {
        clientId,
        deviceIdentities: changes.deviceIdentities ?? [],
        capabilities: changes.capabilities ?? {},
        preferences: changes.preferences ?? DEFAULT_PREFERENCES,
        subscriptions: changes.subscriptions ?? [{ piId: '*' }],
        activationMethods: changes.activationMethods ?? [],
        sirKeyId: sirKey.keyId,
        sirKeyVersion: 1,
      }),
    );
    return { ...found(created, 'user'), sirKey, userSirKey: this.userKeyOf(user) };
  }

  async update(user: UserRef, clientId: string, dto: UpdateClientDto): Promise<RegisteredClient> {
    return found(await conflictsAs409(() => this.clients.update(user, clientId, toClientChanges(dto))), 'client');
  }

  /** A new key version: the old key stops verifying new SIRs (a lost or cloned device). */
  async rotateKey(user: UserRef, clientId: string): Promise<SirKeyView> {
    const current = found(await this.clients.find(user, clientId), 'client');
    const sirKey = this.keyOf(user.tenantId, clientId, current.sirKeyVersion + 1);
    found(await this.clients.update(user, clientId, { sirKeyId: sirKey.keyId, sirKeyVersion: sirKey.version }), 'client');
    return sirKey;
  }

  /** The key every client of the user holds to verify broadcast SIRs without identity (seed §S9). */
  private userKeyOf(user: UserRef): SirKeyView {
    const key = Buffer.from(deriveUserKey(this.options.sirMasterKey, user.tenantId, user.publicUserIdentity, 1)).toString('base64url');
    return { keyId: keyIdFor('user', user.tenantId, user.publicUserIdentity, 1), version: 1, key };
  }

  private keyOf(tenantId: string, clientId: string, version: number): SirKeyView {
    const key = Buffer.from(deriveClientKey(this.options.sirMasterKey, tenantId, clientId, version)).toString('base64url');
    return { keyId: keyIdFor('client', tenantId, clientId, version), version, key };
  }
}

/** 404 without telling whether the id exists in another tenant. */
export function found<T>(value: T | undefined, what: 'user' | 'client'): T {
  if (value === undefined) throw new NotFoundException(`${what} not found`);
  return value;
}

export async function conflictsAs409<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof RegistryConflict) throw new ConflictException(error.message);
    throw error;
  }
}
