import { DemoDeviceSpec } from './demo-fleet';

export interface DemoClient {
  name: string;
  instanceId: string;
  /** Only this application's pushes reach the client (seed §S3: selection by subscription). */
  applicationId: string;
}

/** Registers the demo user and its clients through the registry's REST API; returns their SIR keys. */
export async function provisionDemoUser(opts: {
  registryUrl: string;
  adminToken: string;
  publicUserIdentity: string;
  clients: DemoClient[];
}): Promise<DemoDeviceSpec[]> {
  const call = async (path: string, body: unknown) => {
    const res = await fetch(`${opts.registryUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${opts.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status !== 201) throw new Error(`registry ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const user = encodeURIComponent(opts.publicUserIdentity);
  await call('/v1/users', { publicUserIdentity: opts.publicUserIdentity, wakePolicy: 'auto' });
  const specs: DemoDeviceSpec[] = [];
  for (const c of opts.clients) {
    const gruu = `${opts.publicUserIdentity};gr=${c.instanceId}`;
    const created = await call(`/v1/users/${user}/clients`, {
      clientId: c.name,
      deviceIdentities: [{ kind: 'uuid', value: c.instanceId }],
      subscriptions: [{ piId: '*', applicationId: c.applicationId }],
      activationMethods: [{ bearer: 'sip', address: gruu }],
    });
    const key = created.sirKey as { key?: string; keyId?: string } | undefined;
    if (!key?.key || !key.keyId) throw new Error(`registry returned no SIR key for ${c.name}`);
    specs.push({ name: c.name, instanceId: c.instanceId, clientKey: { keyId: key.keyId, key: Buffer.from(key.key, 'base64url') } });
  }
  return specs;
}
