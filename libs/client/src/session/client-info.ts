import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ClientRespondedV1, type SirDocument } from '@waken/contracts';
import type { ClientInfoSource } from '../decide/client-profile';

const responded = ClientRespondedV1.schema.properties;

/** The SUBSCRIBE body (docs/push-session.md, seed §C4), within the limits of `ClientRespondedV1`. */
export const ClientInfo = Type.Object(
  {
    capabilities: responded.capabilities,
    preferences: responded.preferences,
    security: responded.security,
    subscription: responded.subscription,
    rejection: responded.rejection,
  },
  { additionalProperties: false },
);
export type ClientInfo = Static<typeof ClientInfo>;
const check = TypeCompiler.Compile(ClientInfo);

type InfoPart = keyof ClientInfoSource;
/** The PPG's limits on a SUBSCRIBE body (apps/session): names of 64, 32 entries per part, 16 KiB. */
const MAX_NAME = 64;
const MAX_ENTRIES = 32;
export const MAX_CLIENT_INFO_BYTES = 16 * 1024;

/**
 * seed §C4 (unit 23), claim 7: what each instruction asks for. A capability push is answered with
 * the same capabilities, in the session's SUBSCRIBE body (docs/client-sdk.md, "Respond");
 * `send-registration` is a SIP REGISTER, not a body part.
 */
const PART_FOR: Readonly<Partial<Record<SirDocument['instructions'][number], InfoPart>>> = {
  'return-capabilities': 'capabilities',
  'send-capability-push': 'capabilities',
  'return-preferences': 'preferences',
  'return-security': 'security',
  'return-subscription': 'subscription',
};

/** The parts of `source` the SIR's instructions ask for; an empty object when none. */
export function clientInfoFor(instructions: SirDocument['instructions'], source: ClientInfoSource): ClientInfo {
  const info: Record<string, Record<string, string>> = {};
  for (const instruction of instructions) {
    const part = PART_FOR[instruction];
    const values = part === undefined ? undefined : source[part];
    if (part !== undefined && values !== undefined) info[part] = { ...values };
  }
  return info as ClientInfo;
}

/** Later sources win per key: the profile first, then what activated applications returned (seed §C5). */
export function mergeInfoSources(...sources: readonly ClientInfoSource[]): ClientInfoSource {
  const merged: Record<InfoPart, Record<string, string>> = { capabilities: {}, preferences: {}, security: {}, subscription: {} };
  for (const source of sources) {
    for (const part of Object.keys(merged) as InfoPart[]) Object.assign(merged[part], source[part] ?? {});
  }
  return merged;
}

export function isEmptyClientInfo(info: ClientInfo): boolean {
  return Object.keys(info).length === 0;
}

/** JSON for the SUBSCRIBE body; RangeError when the client's own data breaks the contract limits. */
export function encodeClientInfo(info: ClientInfo): Uint8Array {
  if (!check.Check(info)) {
    const first = [...check.Errors(info)][0];
    throw new RangeError(`client info outside the ClientRespondedV1 limits: ${first?.path ?? ''} ${first?.message ?? ''}`);
  }
  // TypeBox does not apply a Record's key schema: the name and entry limits are checked here.
  const parts = Object.values(info).filter((part): part is Record<string, string> => typeof part === 'object');
  if (parts.some((part) => Object.keys(part).length > MAX_ENTRIES)) throw new RangeError(`client info part with more than ${MAX_ENTRIES} entries`);
  const longKey = parts.flatMap((part) => Object.keys(part)).find((k) => k.length > MAX_NAME);
  if (longKey !== undefined) throw new RangeError(`client info name longer than ${MAX_NAME}: ${longKey.slice(0, 20)}...`);
  const bytes = new TextEncoder().encode(JSON.stringify(info));
  if (bytes.length > MAX_CLIENT_INFO_BYTES) throw new RangeError(`client info of ${bytes.length} bytes, at most ${MAX_CLIENT_INFO_BYTES}`);
  return bytes;
}
