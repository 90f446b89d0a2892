import { ApplicationRegistry, type ClientProfile } from '@waken/client';
import { SipDeviceHub, WakenDevice } from '@waken/client-runtime';
import { deriveUserKey, keyIdFor } from '@waken/sir-domain';

export interface DemoDeviceSpec {
  name: string;
  instanceId: string;
  clientKey: { keyId: string; key: Uint8Array };
}

export interface DemoFleet {
  hub: SipDeviceHub;
  devices: Map<string, WakenDevice>;
  pushes: Map<string, string[]>;
  stop(): Promise<void>;
}

/** The user's three devices, on the client SDK, registered with the gateway's SIP proxy. */
export async function startDemoFleet(opts: {
  host: string;
  proxy: { host: string; port: number };
  tenantId: string;
  publicUserIdentity: string;
  ppgAddress: string;
  master: Uint8Array;
  specs: DemoDeviceSpec[];
}): Promise<DemoFleet> {
  const hub = await SipDeviceHub.open({ host: opts.host, proxy: { ...opts.proxy, transport: 'udp' }, timers: { timeoutMs: 8000 } });
  const devices = new Map<string, WakenDevice>();
  const pushes = new Map<string, string[]>();
  for (const spec of opts.specs) {
    const received: string[] = [];
    pushes.set(spec.name, received);
    const applications = new ApplicationRegistry();
    applications.setDefaultHandler({ onPush: (p) => void received.push(Buffer.from(p.body).toString('utf8')) });
    const profile: ClientProfile = {
      tenantId: opts.tenantId,
      clientId: spec.name,
      publicUserIdentity: opts.publicUserIdentity,
      identities: [{ kind: 'uuid', value: spec.instanceId }],
      clientKey: spec.clientKey,
      userKey: { keyId: keyIdFor('user', opts.tenantId, opts.publicUserIdentity), key: deriveUserKey(opts.master, opts.tenantId, opts.publicUserIdentity) },
      trustedPpgAddresses: [opts.ppgAddress],
      info: { capabilities: { device: spec.name, screen: spec.name === 'phone' ? 'small' : 'large' } },
    };
    const device = new WakenDevice({ profile, sip: { hub, contactUser: spec.name, instanceId: spec.instanceId, registerExpires: 600 }, applications, sessionIdleMs: 5000 });
    await device.start();
    devices.set(spec.name, device);
  }
  return {
    hub,
    devices,
    pushes,
    stop: async () => {
      for (const d of devices.values()) await d.stop().catch(() => undefined);
      await hub.close();
    },
  };
}
