import type { ActivationMethod, DeviceIdentity } from '@waken/contracts';

export type WakePolicy = 'auto' | 'targeted' | 'broadcast-identity' | 'broadcast';

export interface NewClient {
  readonly clientId: string;
  readonly deviceIdentities: readonly DeviceIdentity[];
  readonly subscriptions: ReadonlyArray<{ piId: string; applicationId?: string }>;
  readonly activationMethods: readonly ActivationMethod[];
}

/** The SIR key the registry shows once, at creation (docs/registry.md "SIR keys"). */
export interface IssuedSirKey {
  readonly keyId: string;
  readonly key: Uint8Array;
}

export interface ClientPresence {
  readonly connected: boolean;
  readonly sessionId?: string;
}

/** The registry's REST API as an administrator uses it (docs/registry.md "REST API"). */
export class RegistryAdmin {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async createUser(publicUserIdentity: string, wakePolicy: WakePolicy): Promise<void> {
    await this.call('POST', '/v1/users', { publicUserIdentity, wakePolicy });
  }

  async createClient(publicUserIdentity: string, client: NewClient): Promise<IssuedSirKey> {
    const created = (await this.call('POST', `${userPath(publicUserIdentity)}/clients`, client)) as { sirKey?: { keyId?: string; key?: string } };
    const sirKey = created.sirKey;
    if (!sirKey?.keyId || !sirKey.key) throw new Error(`registry returned no SIR key for ${client.clientId}`);
    return { keyId: sirKey.keyId, key: new Uint8Array(Buffer.from(sirKey.key, 'base64url')) };
  }

  async presence(publicUserIdentity: string, clientId: string): Promise<ClientPresence> {
    const client = (await this.call('GET', `${userPath(publicUserIdentity)}/clients/${encodeURIComponent(clientId)}`)) as { presence?: ClientPresence };
    return client.presence ?? { connected: false };
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`registry ${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}

function userPath(publicUserIdentity: string): string {
  return `/v1/users/${encodeURIComponent(publicUserIdentity)}`;
}
