import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveClientKey, keyIdFor } from '@waken/sir-domain';
import { FleetFileError } from './fleet-file';
import { resolveFleetOptions } from './fleet-options';
import { instanceFor, planFleet } from './fleet-plan';
import { policyFor } from './policy-presets';

const master = new Uint8Array(32).fill(2);

describe('fleet plan', () => {
  it('derives N × K devices with stable instance ids, the client keys of the master, and spread connections', () => {
    const specs = planFleet(resolveFleetOptions({ users: 3, devicesPerUser: 4, keys: { master }, connectedRatio: 0.25 }));
    expect(specs).toHaveLength(12);
    expect(new Set(specs.map((s) => s.instanceId)).size).toBe(12);
    expect(specs[5].instanceId).toBe(instanceFor('waken-terminal-sim', 1, 1));
    expect(specs[5].instanceId).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(specs[5].profile.clientKey.key).toEqual(deriveClientKey(master, 'sim', 'u1-d1'));
    expect(specs.filter((s) => s.connected)).toHaveLength(3);
    expect(new Set(specs.map((s) => s.profile.publicUserIdentity)).size).toBe(3);
  });

  it('reads a fleet file as the registry returns clients (sirKey, device identities)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-'));
    try {
      const key = Buffer.from(deriveClientKey(master, 'mobilkom', 'c-phone')).toString('base64url');
      const file = {
        tenantId: 'mobilkom', ppgAddress: 'sip:ppg@example.com',
        users: [{ publicUserIdentity: 'sip:+43-1@example.com', clients: [{ clientId: 'c-phone', capabilities: {}, deviceIdentities: [{ kind: 'gruu', value: 'sip:+43-1@example.com;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' }], sirKey: { keyId: keyIdFor('client', 'mobilkom', 'c-phone'), version: 1, key } }] }],
      };
      writeFileSync(join(dir, 'fleet.json'), JSON.stringify(file));
      const [spec] = planFleet(resolveFleetOptions({ users: 1, devicesPerUser: 1, keys: { fleetFile: join(dir, 'fleet.json') } }));
      expect(spec).toMatchObject({ id: 'c-phone', instanceId: 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' });
      expect(spec.profile.clientKey.key).toEqual(deriveClientKey(master, 'mobilkom', 'c-phone'));
      expect(spec.profile.userKey).toBeUndefined();
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...file, users: [] }));
      expect(() => planFleet(resolveFleetOptions({ users: 1, devicesPerUser: 1, keys: { fleetFile: join(dir, 'bad.json') } }))).toThrow(FleetFileError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives each preset its broadcast policy (seed §S9)', () => {
    expect(policyFor('primary', 0)).toEqual({});
    expect(policyFor('primary', 1)).toEqual({ security: { allowUnidentified: false } });
    expect(policyFor('mixed', 4)).toEqual({ preferences: { wakeOnBroadcast: false } });
    expect(() => resolveFleetOptions({ users: 1, devicesPerUser: 1, keys: { master }, connectedRatio: 2 })).toThrow(RangeError);
  });
});
