import { randomBytes, randomUUID } from 'node:crypto';
import type { ActivationMethod } from '@waken/contracts';
import { ApplicationRegistry, type BroadcastPolicy, type ClientProfile, type PushNotification } from '@waken/client';
import { SipDeviceHub, WakenDevice, type SirOutcome } from '@waken/client-runtime';
import { deriveUserKey, keyIdFor } from '@waken/sir-domain';
import { DeviceReach, E2eDevice, E2eUser } from './e2e-device';
import { E2eSmsc } from './e2e-smsc';
import { GatewaySettings } from './gateway-settings';
import { IssuedSirKey, RegistryAdmin, WakePolicy } from './registry-admin';

export interface DeviceSpec {
  readonly name: string;
  /** Push applications the client subscribes to (seed §S3 selection); absent: every application. */
  readonly applications?: readonly string[];
  /** Its own rules for broadcasts without identity (seed §S9). */
  readonly policy?: BroadcastPolicy;
  readonly reach?: DeviceReach;
}

/**
 * The users' devices: client SDK devices (`WakenDevice`) on one `SipDeviceHub` bound to a
 * loopback address of their own, registering with Kamailio under per-file unique AORs; SMS
 * devices get their segments from the suite's SMSC. Users and clients are provisioned over the
 * registry's REST API, which hands out each client's SIR key (its only key material).
 */
export class DeviceFleet {
  readonly users: E2eUser[] = [];
  private readonly suffix = randomBytes(3).toString('hex');

  private constructor(
    private readonly hub: SipDeviceHub,
    private readonly settings: GatewaySettings,
    private readonly registry: RegistryAdmin,
    private readonly smsc: E2eSmsc,
  ) {}

  static async open(host: string, settings: GatewaySettings, registry: RegistryAdmin, smsc: E2eSmsc): Promise<DeviceFleet> {
    const hub = await SipDeviceHub.open({ host, proxy: settings.kamailio, timers: { timeoutMs: 8000 } });
    return new DeviceFleet(hub, settings, registry, smsc);
  }

  /** A user `sip:+43-<label>-<suffix>@example.com` with its clients, provisioned and started. */
  async addUser(label: string, wakePolicy: WakePolicy, specs: readonly DeviceSpec[]): Promise<E2eUser> {
    const aor = `sip:+43-${label}-${this.suffix}@${this.settings.domain}`;
    await this.registry.createUser(aor, wakePolicy);
    const devices: E2eDevice[] = [];
    const user = { aor, devices };
    this.users.push(user);
    for (const spec of specs) devices.push(await this.addDevice(aor, label, spec));
    return user;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.users.flatMap((u) => u.devices.map((d) => d.device.stop())));
    await this.hub.close();
  }

  private async addDevice(aor: string, label: string, spec: DeviceSpec): Promise<E2eDevice> {
    const instanceId = `urn:uuid:${randomUUID()}`;
    const clientId = `${label}-${spec.name}-${this.suffix}`;
    const reach = spec.reach ?? { kind: 'sip-gruu' };
    const sirKey = await this.registry.createClient(aor, {
      clientId,
      deviceIdentities: [{ kind: 'uuid', value: instanceId }],
      subscriptions: (spec.applications ?? ['*']).map((applicationId) => ({ piId: '*', applicationId })),
      activationMethods: activationOf(reach, aor, instanceId),
    });
    const outcomes: SirOutcome[] = [];
    const pushes: PushNotification[] = [];
    const applications = new ApplicationRegistry();
    applications.setDefaultHandler({ onPush: (p) => void pushes.push(p) });
    const device = new WakenDevice({
      profile: this.profile(aor, clientId, instanceId, sirKey, spec.name),
      policy: spec.policy,
      applications,
      onOutcome: (o) => void (o.kind !== 'pending' && outcomes.push(o)),
      sip: { hub: this.hub, contactUser: clientId, instanceId, register: reach.kind === 'sip-gruu', registerExpires: 300 },
    });
    await device.start();
    if (reach.kind !== 'sip-gruu') this.smsc.attach(reach.msisdn, (userData, origin) => device.receiveSms(userData, origin));
    return { name: spec.name, clientId, instanceId, device, outcomes, pushes };
  }

  private profile(aor: string, clientId: string, instanceId: string, clientKey: IssuedSirKey, name: string): ClientProfile {
    const { tenant, master, ppgAor } = this.settings;
    return {
      tenantId: tenant,
      clientId,
      publicUserIdentity: aor,
      identities: [{ kind: 'uuid', value: instanceId }],
      clientKey,
      // the registry issues no user key: broadcasts without identity (seed §S9) use the derived one
      userKey: { keyId: keyIdFor('user', tenant, aor), key: deriveUserKey(master, tenant, aor) },
      trustedPpgAddresses: [ppgAor],
      subscribedPpgAddresses: [ppgAor],
      info: { capabilities: { device: name } },
    };
  }
}

function activationOf(reach: DeviceReach, aor: string, instanceId: string): ActivationMethod[] {
  const gruu: ActivationMethod = { bearer: 'sip', address: `${aor};gr=${instanceId}` };
  if (reach.kind === 'sip-gruu') return [gruu];
  const sms: ActivationMethod = { bearer: 'sms', address: reach.msisdn };
  if (reach.kind === 'sms') return [sms];
  // a GRUU of an instance that never registers: Kamailio has no binding for it
  return [{ bearer: 'sip', address: `${aor};gr=urn:uuid:${randomUUID()}` }, sms];
}
