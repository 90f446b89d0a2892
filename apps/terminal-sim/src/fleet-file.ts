import { readFileSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { DeviceIdentity } from '@waken/contracts';

const SirKeyJson = Type.Object(
  { keyId: Type.String({ minLength: 1, maxLength: 128 }), version: Type.Optional(Type.Integer({ minimum: 1 })), key: Type.String({ pattern: '^[A-Za-z0-9_-]{22,}$' }) },
  { additionalProperties: false },
);

/**
 * The devices' identities and SIR keys, as the registry API returns them on client creation
 * (`CreatedClientView`: clientId, deviceIdentities, sirKey{keyId, version, key}); other members of
 * that view are allowed and ignored. The user key (broadcasts without identity, seed §S9) is optional.
 */
export const FleetFile = Type.Object({
  tenantId: Type.String({ minLength: 1, maxLength: 256 }),
  ppgAddress: Type.Optional(Type.String({ minLength: 1 })),
  trustedPpgAddresses: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  users: Type.Array(
    Type.Object({
      publicUserIdentity: Type.String({ minLength: 1, maxLength: 512 }),
      userKey: Type.Optional(SirKeyJson),
      clients: Type.Array(
        Type.Object({ clientId: Type.String({ minLength: 1, maxLength: 256 }), deviceIdentities: Type.Array(DeviceIdentity), sirKey: SirKeyJson }),
        { minItems: 1, maxItems: 10 },
      ),
    }),
    { minItems: 1 },
  ),
});
export type FleetFile = Static<typeof FleetFile>;
const check = TypeCompiler.Compile(FleetFile);

export class FleetFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FleetFileError';
  }
}

export function readFleetFile(path: string): FleetFile {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new FleetFileError(`${path}: ${(e as Error).message}`);
  }
  return parseFleetFile(value, path);
}

export function parseFleetFile(value: unknown, where = 'fleet file'): FleetFile {
  if (!check.Check(value)) {
    const problems = [...check.Errors(value)].slice(0, 3).map((e) => `${e.path || '/'} ${e.message}`);
    throw new FleetFileError(`${where}: ${problems.join('; ')}`);
  }
  return value;
}

export function keyBytes(base64url: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64url, 'base64url'));
}
