import type { DeviceIdentity } from '@waken/contracts';
import { DEVICE_ID_HEADER, extractIdentity, parseHeaderValue, type ExtractedIdentity } from '@waken/sir-domain';
import { DecodeError } from '@waken/wire';
import type { SirBody } from './sir-body-decoder';
import type { HeaderField } from './decoded-sir';
import { malformedOnDecodeError } from './sir-body-decoder';

/**
 * claim 2 "value field" beside a fixed-schema body: `X-Waken-Device-Value: <kind>; <value>`, the
 * name `@waken/bearer-encapsulation` gives it when it lays a SIR out on a carrier.
 */
export const DEVICE_VALUE_HEADER = 'X-Waken-Device-Value';

/**
 * Puts the device identity back into the body from the header field, the value field or the
 * Request-URI `gr` (docs/sir-wire-format.md §4), so the signature verifies. Every copy must name
 * the same device, and each field may appear once: a second copy could smuggle another identity.
 */
export function restoreIdentity(fields: readonly HeaderField[], decoded: SirBody, requestUri?: string): ExtractedIdentity {
  return malformedOnDecodeError(() => {
    const header = single(fields, DEVICE_ID_HEADER);
    const value = single(fields, DEVICE_VALUE_HEADER);
    const valueField: DeviceIdentity | undefined = value === undefined ? undefined : parseHeaderValue(value);
    return extractIdentity({
      headers: header === undefined ? {} : { [DEVICE_ID_HEADER]: header },
      body: decoded.body,
      ...(requestUri !== undefined && { requestUri }),
      ...(valueField && { valueField }),
    });
  });
}

function single(fields: readonly HeaderField[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  const found = fields.filter((f) => f.name.toLowerCase() === wanted);
  if (found.length > 1) throw new DecodeError(`${name} appears more than once`, 0);
  return found[0]?.value;
}
