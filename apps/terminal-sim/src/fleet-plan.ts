import { createHash } from 'node:crypto';
import type { ClientProfile } from '@waken/client';
import type { DeviceIdentity } from '@waken/contracts';
import { deriveClientKey, deriveUserKey, gruuInstance, keyIdFor } from '@waken/sir-domain';
import { keyBytes, readFleetFile, type FleetFile } from './fleet-file';
import type { ResolvedFleetOptions } from './fleet-options';

/** One simulated device: who it is and where it listens. */
export interface SimDeviceSpec {
  readonly id: string;
  readonly userIndex: number;
  readonly deviceIndex: number;
  readonly instanceId: string;
  /** E.164, for the SMS bearer. */
  readonly msisdn: string;
  readonly connected: boolean;
  readonly profile: ClientProfile;
}

type Settings = ResolvedFleetOptions;

/** Every device of the fleet, from a fleet file or derived from the master secret. */
export function planFleet(options: Settings): SimDeviceSpec[] {
  const specs = 'fleetFile' in options.keys ? fromFile(readFleetFile(options.keys.fleetFile), options) : derived(options, options.keys.master);
  const ratio = options.connectedRatio;
  // Spread the connected ones evenly: device i is connected when floor((i+1)·r) > floor(i·r).
  return specs.map((s, i) => ({ ...s, connected: Math.floor((i + 1) * ratio) > Math.floor(i * ratio) }));
}

function derived(o: Settings, master: Uint8Array): SimDeviceSpec[] {
  const specs: SimDeviceSpec[] = [];
  for (let u = 0; u < o.users; u += 1) {
    const aor = `sip:${o.userPrefix}${String(u).padStart(7, '0')}@${o.domain}`;
    const userKey = { keyId: keyIdFor('user', o.tenantId, aor), key: deriveUserKey(master, o.tenantId, aor) };
    for (let d = 0; d < o.devicesPerUser; d += 1) {
      const clientId = `u${u}-d${d}`;
      const clientKey = { keyId: keyIdFor('client', o.tenantId, clientId), key: deriveClientKey(master, o.tenantId, clientId) };
      specs.push(spec(o, u, d, aor, clientId, instanceFor(o.seed, u, d), clientKey, userKey, []));
    }
  }
  return specs;
}

function fromFile(file: FleetFile, o: Settings): SimDeviceSpec[] {
  const settings = { ...o, tenantId: file.tenantId, ppgAddress: file.ppgAddress ?? o.ppgAddress, trusted: file.trustedPpgAddresses };
  return file.users.flatMap((user, u) => {
    const userKey = user.userKey && { keyId: user.userKey.keyId, key: keyBytes(user.userKey.key) };
    return user.clients.map((client, d) => {
      const instance = instanceIn(client.deviceIdentities) ?? instanceFor(o.seed, u, d);
      const clientKey = { keyId: client.sirKey.keyId, key: keyBytes(client.sirKey.key) };
      return spec(settings, u, d, user.publicUserIdentity, client.clientId, instance, clientKey, userKey, client.deviceIdentities);
    });
  });
}

function spec(
  o: Settings & { trusted?: readonly string[] }, u: number, d: number, aor: string, clientId: string, instanceId: string,
  clientKey: ClientProfile['clientKey'], userKey: ClientProfile['userKey'], identities: readonly DeviceIdentity[],
): SimDeviceSpec {
  const msisdn = `+43699${String(u).padStart(6, '0')}${d}`;
  const profile: ClientProfile = {
    tenantId: o.tenantId, clientId, publicUserIdentity: aor,
    identities: [{ kind: 'uuid', value: instanceId }, ...identities],
    clientKey, ...(userKey && { userKey }),
    trustedPpgAddresses: o.trusted ?? [o.ppgAddress],
    subscribedPpgAddresses: [o.ppgAddress],
    info: { capabilities: { device: `d${d}`, 'content-types': 'text/plain,application/vnd.wap.sic' }, preferences: { lang: 'de' }, security: { tls: 'no' }, subscription: { plan: 'sim' } },
  };
  return { id: clientId, userIndex: u, deviceIndex: d, instanceId, msisdn, connected: false, profile };
}

/** A stable RFC 4122 v4-shaped instance id per (seed, user, device). */
export function instanceFor(seed: string, user: number, device: number): string {
  const h = createHash('sha256').update(`${seed}|${user}|${device}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function instanceIn(identities: readonly DeviceIdentity[]): string | undefined {
  const uuid = identities.find((i) => i.kind === 'uuid')?.value;
  if (uuid) return uuid.toLowerCase().startsWith('urn:uuid:') ? uuid : `urn:uuid:${uuid}`;
  const gruu = identities.find((i) => i.kind === 'gruu')?.value;
  const instance = gruu === undefined ? undefined : gruuInstance(gruu)?.replace(/^"|"$/g, '');
  return instance || undefined;
}
