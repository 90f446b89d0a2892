import { randomBytes } from 'node:crypto';
import type { SirDocument, SirRequestedV1 } from '@waken/contracts';
import { SipEndpoint, type SipResult } from '@waken/bearer-sip-transport';
import { DEVICE_VALUE_HEADER } from '@waken/client';
import { composeSir, encodeSia, encodeSirJson, formatHeaderValue, ipv4ContactPoint, placeIdentity, SIA_MEDIA_TYPE, SIR_JSON_MEDIA_TYPE } from '@waken/sir-domain';
import { kamailioProxy } from './kamailio-env';

/** Test-only: SIRs as the PPG composes them (seed §S5) and a SIP sender acting as delivery-sip (seed §S6, §S7). */
export interface TestSirSpec {
  readonly master: Uint8Array;
  readonly tenantId: string;
  readonly publicUserIdentity: string;
  readonly mode: SirRequestedV1['mode'];
  /** The client the SIR is for; its key signs targeted / broadcast-identity SIRs. */
  readonly clientId?: string;
  readonly deviceIdentity?: SirRequestedV1['deviceIdentity'];
  readonly ppgAddress: string;
  readonly instructions?: SirRequestedV1['instructions'];
  readonly applicationId?: string;
  readonly now?: Date;
  readonly ttlMs?: number;
}

export function composeTestSir(spec: TestSirSpec): SirDocument {
  const request: SirRequestedV1 = {
    tenantId: spec.tenantId,
    pushId: `p-${randomBytes(4).toString('hex')}@pi.example.com`,
    sirRequestId: `r-${randomBytes(8).toString('hex')}`,
    mode: spec.mode,
    publicUserIdentity: spec.publicUserIdentity,
    targetClientIds: [spec.clientId ?? 'any'],
    ...(spec.deviceIdentity && { deviceIdentity: spec.deviceIdentity }),
    activation: { bearer: 'sip', address: spec.publicUserIdentity },
    fallbacks: [],
    instructions: spec.instructions ?? ['return-capabilities'],
    ...(spec.applicationId !== undefined && { applicationId: spec.applicationId }),
    expiresAt: '2099-01-01T00:00:00Z',
  };
  return composeSir(request, {
    ppgAddress: spec.ppgAddress, now: spec.now ?? new Date(), ttlMs: spec.ttlMs ?? 300_000,
    nonce: () => `n-${randomBytes(8).toString('hex')}`, master: spec.master,
  });
}

/** Sends SIRs as SIP MESSAGEs through Kamailio, the way delivery-sip does. */
export class TestSirSender {
  private constructor(private readonly endpoint: SipEndpoint) {}

  static async open(): Promise<TestSirSender> {
    return new TestSirSender(await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: kamailioProxy(), timers: { timeoutMs: 8000 } }));
  }

  send(doc: SirDocument, requestUri: string, encoding: 'json' | 'sia' = 'json'): Promise<SipResult> {
    const placed = placeIdentity(doc);
    const headers: Record<string, string> = { ...placed.headers };
    if (placed.valueField) headers[DEVICE_VALUE_HEADER] = formatHeaderValue(placed.valueField);
    const body = encoding === 'json' ? encodeSirJson(placed.body) : encodeSia(placed.body, { contactPoints: [ipv4ContactPoint('127.0.0.1')] });
    return this.endpoint.sendMessage({
      requestUri, from: 'sip:ppg@example.com', to: requestUri, headers,
      contentType: encoding === 'json' ? SIR_JSON_MEDIA_TYPE : SIA_MEDIA_TYPE, body,
    });
  }

  close(): Promise<void> {
    return this.endpoint.close();
  }
}
