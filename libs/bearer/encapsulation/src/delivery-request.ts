import type {
  ActivationMethod,
  DeliveryHttpRequestedV1,
  DeliverySipRequestedV1,
  DeliverySmsRequestedV1,
  DeliveryUdpRequestedV1,
  SirComposedV1,
} from '@waken/contracts';
import { EncapsulationError } from './encapsulation.error';
import type { EncapsulationOptions } from './encapsulation.options';
import { httpWakeupFor } from './http-wakeup';
import { sipWakeupFor } from './sip-wakeup';
import { sirPayloadFromComposed, type SirPayload } from './sir-payload';
import { SMS_DATA_CODING_8BIT, msisdnOf, smsSegmentsFor } from './sms-segments';
import { parseUdpAddress } from './udp-address';
import { sirWspPush } from './wsp-sir-push';

/** One delivery request, tagged with its bearer so the caller picks the contract and topic. */
export type BearerRequest =
  | { bearer: 'sip'; payload: DeliverySipRequestedV1 }
  | { bearer: 'sms'; payload: DeliverySmsRequestedV1 }
  | { bearer: 'udp'; payload: DeliveryUdpRequestedV1 }
  | { bearer: 'http'; payload: DeliveryHttpRequestedV1 };

/** The activation method first, then the fallbacks, in the registry's order of preference (seed §S2). */
export function activationChain(composed: Pick<SirComposedV1, 'activation' | 'fallbacks'>): ActivationMethod[] {
  return [composed.activation, ...composed.fallbacks];
}

export function isExpired(composed: Pick<SirComposedV1, 'sir'>, now: Date): boolean {
  return Date.parse(composed.sir.expiresAt) <= now.getTime();
}

/**
 * seed §S6: the delivery request for step `step` of the SIR's activation chain (0 = its activation
 * method). It carries the methods after it as `fallbacks`, so the delivery app can tell whether
 * its failure is final. Refuses (EncapsulationError) an expired SIR: it must never reach the wire.
 */
export function deliveryRequestFor(composed: SirComposedV1, step: number, options: EncapsulationOptions = {}, now = new Date()): BearerRequest {
  const chain = activationChain(composed);
  if (!Number.isInteger(step) || step < 0 || step >= chain.length) throw new RangeError(`no activation step ${step}`);
  if (isExpired(composed, now)) throw new EncapsulationError('expired', `SIR ${composed.sir.sirId} expired at ${composed.sir.expiresAt}`);
  const common = {
    tenantId: composed.tenantId,
    pushId: composed.pushId,
    sirId: composed.sir.sirId,
    kind: 'sir' as const,
    targetClientIds: composed.targetClientIds,
    expiresAt: composed.sir.expiresAt,
    fallbacks: chain.slice(step + 1),
    ...(composed.acceptedAt !== undefined && { acceptedAt: composed.acceptedAt }),
  };
  return requestOn(chain[step], sirPayloadFromComposed(composed), common, options);
}

/** The outcome of trying the chain from one step: the first request that could be built, and every refusal before it. */
export interface EncapsulationAttempt {
  request?: BearerRequest;
  step?: number;
  refused: Array<{ step: number; method: ActivationMethod; error: EncapsulationError }>;
}

/**
 * Tries steps `fromStep`, `fromStep + 1`, ... until one can be put on its bearer (an address the
 * bearer cannot route, e.g. a malformed MSISDN, is skipped like a failed attempt). An expired SIR
 * yields nothing: it must never reach the wire.
 */
export function encapsulateFrom(composed: SirComposedV1, fromStep: number, options: EncapsulationOptions = {}, now = new Date()): EncapsulationAttempt {
  const chain = activationChain(composed);
  const refused: EncapsulationAttempt['refused'] = [];
  for (let step = fromStep; step < chain.length; step++) {
    try {
      return { request: deliveryRequestFor(composed, step, options, now), step, refused };
    } catch (e) {
      if (!(e instanceof EncapsulationError)) throw e;
      refused.push({ step, method: chain[step], error: e });
      if (e.reason === 'expired' || e.reason === 'bad-sir') break;
    }
  }
  return { refused };
}

type Common = Pick<DeliverySipRequestedV1, 'tenantId' | 'pushId' | 'sirId' | 'kind' | 'targetClientIds' | 'expiresAt' | 'fallbacks'>;

function requestOn(method: ActivationMethod, payload: SirPayload, common: Common, options: EncapsulationOptions): BearerRequest {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  switch (method.bearer) {
    case 'sip': {
      const { requestUri, headers, contentType, body } = sipWakeupFor(payload, method.address, options.sip);
      return { bearer: 'sip', payload: { ...common, requestUri, headers, contentType, bodyBase64: b64(body) } };
    }
    case 'sms': {
      const msisdn = msisdnOf(method.address);
      const segments = smsSegmentsFor(sirWspPush(payload), payload.sir.sirId, options.sms).map(b64);
      return { bearer: 'sms', payload: { ...common, msisdn, segments, dataCoding: SMS_DATA_CODING_8BIT } };
    }
    case 'udp': {
      const { host, port } = parseUdpAddress(method.address, options.udpDefaultPort);
      return { bearer: 'udp', payload: { ...common, host, port, datagramBase64: b64(sirWspPush(payload)) } };
    }
    case 'http': {
      const { url, headers, contentType, body } = httpWakeupFor(payload, method.address, options.httpBody);
      return { bearer: 'http', payload: { ...common, url, headers, contentType, bodyBase64: b64(body) } };
    }
  }
}

/** The `destination` a delivery app reports for a request (DeliveryReportedV1). */
export function destinationOf(request: BearerRequest): string {
  switch (request.bearer) {
    case 'sip':
      return request.payload.requestUri;
    case 'sms':
      return request.payload.msisdn;
    case 'udp':
      return request.payload.host.includes(':') ? `[${request.payload.host}]:${request.payload.port}` : `${request.payload.host}:${request.payload.port}`;
    case 'http':
      return request.payload.url;
  }
}
