import { DEVICE_IDENTITY_KINDS, type DeviceIdentity, type DeviceIdentityKind, type SirDocument } from '@waken/contracts';
import { DecodeError } from '@waken/wire';
import { gruuInstance, sameDeviceIdentity } from './device-identity-matcher';
import {
  DEVICE_ID_HEADER,
  type ExtractedIdentity,
  type IdentityPlacement,
  type PlacedSir,
  type ReceivedSir,
} from './identity-placement.types';
import { SirFormatError } from './sir-format.error';
import { hasControlCharacter } from './text-safety';


/** claim 2, seed Tables 1 and 2: lay the device identity of a SIR out on a carrier message. */
export function placeIdentity(doc: SirDocument): PlacedSir {
  const identity = doc.deviceIdentity;
  const placed: PlacedSir = { headers: {}, body: doc };
  if (!identity) return placed;
  assertSafe(identity);
  if (doc.placement.includes('header')) {
    placed.headers[DEVICE_ID_HEADER] = formatHeaderValue(identity);
    const instance = identity.kind === 'gruu' ? gruuInstance(identity.value) : undefined;
    // seed Table 1: the GRUU in the client address. Only for targeted SIRs (seed §S7): in a
    // broadcast (seed §S8) the identity must not steer routing, the SIR has to reach every client.
    if (instance && doc.mode === 'targeted') placed.requestUriParams = { gr: instance };
  }
  if (doc.placement.includes('value')) placed.valueField = { kind: identity.kind, value: identity.value };
  if (!doc.placement.includes('body')) {
    const { deviceIdentity: _carriedElsewhere, ...rest } = doc;
    placed.body = rest;
  }
  return placed;
}

/**
 * The inverse of placeIdentity (seed §C1/C2): find the identity wherever it was placed, check all
 * copies name the same device, and put it back into the document so its signature verifies.
 * Exact copies (body, value field, header field) win over the request URI, which a proxy may rewrite.
 */
export function extractIdentity(received: ReceivedSir): ExtractedIdentity {
  const found: Array<[IdentityPlacement, DeviceIdentity]> = [];
  if (received.body.deviceIdentity) found.push(['body', received.body.deviceIdentity]);
  if (received.valueField) found.push(['value', checked(received.valueField)]);
  const header = headerValue(received.headers, DEVICE_ID_HEADER);
  if (header !== undefined) found.push(['header', parseHeaderValue(header)]);
  const fromUri = identityFromRequestUri(received.requestUri);
  if (fromUri) found.push(['header', fromUri]);
  if (found.length === 0) return { foundIn: [], sir: received.body };
  const identity = found[0][1];
  if (found.some(([, other]) => !sameDeviceIdentity(identity, other))) {
    throw new DecodeError('the SIR names different devices in different places', 0);
  }
  return {
    identity,
    foundIn: [...new Set(found.map(([place]) => place))],
    sir: { ...received.body, deviceIdentity: { kind: identity.kind, value: identity.value } },
  };
}

/** `<kind>; <value>`, e.g. `gruu; sip:+43-8323546@mobilkom.at;gr=urn:uuid:f81d4fae-…`. */
export function formatHeaderValue(identity: DeviceIdentity): string {
  assertSafe(identity);
  return `${identity.kind}; ${identity.value}`;
}

export function parseHeaderValue(text: string): DeviceIdentity {
  if (hasControlCharacter(text)) throw new DecodeError(`control character in ${DEVICE_ID_HEADER}`, 0);
  const semi = text.indexOf(';');
  const kind = text.slice(0, semi).trim().toLowerCase();
  const value = text.slice(semi + 1).replace(/^ /, '');
  if (semi < 0 || !isKind(kind) || value.length === 0) throw new DecodeError(`bad ${DEVICE_ID_HEADER} value`, 0);
  return { kind, value };
}

function identityFromRequestUri(uri: string | undefined): DeviceIdentity | undefined {
  if (uri === undefined) return undefined;
  if (hasControlCharacter(uri)) throw new DecodeError('control character in the request URI', 0);
  return gruuInstance(uri) ? { kind: 'gruu', value: uri } : undefined;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const matches = Object.keys(headers).filter((k) => k.toLowerCase() === wanted);
  if (matches.length > 1) throw new DecodeError(`${name} appears more than once`, 0);
  return matches.length === 1 ? headers[matches[0]] : undefined;
}

function checked(identity: DeviceIdentity): DeviceIdentity {
  if (!isKind(identity.kind) || hasControlCharacter(identity.value) || identity.value.length === 0) {
    throw new DecodeError('bad device identity value field', 0);
  }
  return identity;
}

function assertSafe(identity: DeviceIdentity): void {
  if (hasControlCharacter(identity.value) || hasControlCharacter(identity.kind)) {
    throw new SirFormatError('device identity contains a control character (CR/LF injection)');
  }
}

function isKind(kind: string): kind is DeviceIdentityKind {
  return (DEVICE_IDENTITY_KINDS as readonly string[]).includes(kind);
}
