import { SipParseError, formatSipUri, paramValue, parseSipUri, type SipUri } from '@waken/bearer-sip';
import type { SirDocument } from '@waken/contracts';
import type { PlacedSir } from '@waken/sir-domain';
import { EncapsulationError } from './encapsulation.error';

/**
 * The Request-URI of a SIR's SIP MESSAGE (seed §S7, §S8):
 * - targeted: the activation address; a GRUU's `gr` comes from `placeIdentity` when the placement
 *   says so (seed Table 1), and a GRUU naming another instance is refused, never sent;
 * - broadcast-identity, broadcast: the AOR, any `gr` removed, because every client of the public
 *   identity must receive it (seed §S8, §S9);
 * - single: the activation address as it is.
 */
export function sipRequestUri(address: string, sir: SirDocument, placed: PlacedSir): string {
  const uri = parsed(address);
  if (uri.headers !== undefined) throw new EncapsulationError('bad-address', 'the activation address carries URI headers');
  if (sir.mode === 'broadcast' || sir.mode === 'broadcast-identity') return format({ ...uri, params: uri.params.filter((p) => p.name.toLowerCase() !== 'gr') });
  const wanted = sir.mode === 'targeted' ? placed.requestUriParams?.gr : undefined;
  if (wanted === undefined) return format(uri);
  const present = paramValue(uri.params, 'gr');
  if (present === undefined || present === null) {
    return format({ ...uri, params: [...uri.params.filter((p) => p.name.toLowerCase() !== 'gr'), { name: 'gr', value: wanted }] });
  }
  if (normalInstance(present) !== normalInstance(wanted)) {
    throw new EncapsulationError('bad-address', 'the activation GRUU names another device than the SIR (seed §S7)');
  }
  return format(uri);
}

function parsed(address: string): SipUri {
  try {
    return parseSipUri(address);
  } catch (e) {
    if (!(e instanceof SipParseError)) throw e;
    throw new EncapsulationError('bad-address', `not a SIP URI: ${JSON.stringify(address.slice(0, 80))}`);
  }
}

function format(uri: SipUri): string {
  try {
    return formatSipUri(uri);
  } catch (e) {
    throw new EncapsulationError('unsafe-text', (e as Error).message);
  }
}

/** RFC 5627 §3.1: the instance id may be quoted; `urn:uuid:` is case-insensitive (RFC 4122). */
function normalInstance(value: string): string {
  return value.replace(/^"|"$/g, '').toLowerCase();
}
