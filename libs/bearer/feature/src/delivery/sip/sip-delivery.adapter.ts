import { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DeliverySipRequestedV1 } from '@waken/contracts';
import { SipEndpoint, SipResult } from '@waken/bearer-sip-transport';
import { raceDeadline } from '../common/deadline-race';
import { BearerAdapter, TransmissionOutcome, TransmitContext } from '../common/delivery-request';
import { SipDeliverySettings } from './delivery-sip.options';
import { sipErrorOutcome, sipStatusOutcome } from './sip-outcome';

/**
 * seed §S6/§S7 over SIP: one RFC 3428 MESSAGE per transmission, to the GRUU (one device) or the
 * AOR (every device) in the request, through the outbound proxy. The transport chooses TCP for a
 * request above 1300 bytes (RFC 3261 §18.1.1) and ignores responses matching no transaction
 * (reliability.md #21), so a forged 200 OK changes nothing here.
 */
export class SipDeliveryAdapter implements BearerAdapter<DeliverySipRequestedV1>, OnModuleInit, OnApplicationShutdown {
  readonly bearer = 'sip' as const;
  private endpoint?: SipEndpoint;

  constructor(private readonly settings: SipDeliverySettings) {}

  /** The bound address, once open (tests point devices and assertions at it). */
  get local(): { host: string; port: number } | undefined {
    return this.endpoint && { host: this.endpoint.host, port: this.endpoint.port };
  }

  async onModuleInit(): Promise<void> {
    const s = this.settings;
    this.endpoint = await SipEndpoint.open({
      host: s.localHost,
      port: s.localPort,
      transports: ['udp', 'tcp'],
      outboundProxy: s.proxy,
      timers: { t1Ms: s.t1Ms, timeoutMs: s.timerFMs },
      maxInflight: s.maxInflight,
      userAgent: s.userAgent,
    });
  }

  /** After the consumer stopped (Nest calls this after dispose): the drained batch is reported. */
  async onApplicationShutdown(): Promise<void> {
    await this.endpoint?.close();
    this.endpoint = undefined;
  }

  destination(request: DeliverySipRequestedV1): string {
    return request.requestUri;
  }

  async transmit(request: DeliverySipRequestedV1, context: TransmitContext): Promise<TransmissionOutcome> {
    if (!this.endpoint) return { kind: 'transient', detail: '503 SIP endpoint not open' };
    const sending = this.endpoint.sendMessage({
      requestUri: request.requestUri,
      from: this.settings.from,
      to: request.requestUri,
      headers: request.headers,
      contentType: request.contentType,
      body: Buffer.from(request.bodyBase64, 'base64'),
    });
    try {
      const race = await raceDeadline<SipResult>(sending, context.deadline);
      if (!race.settled) return { kind: 'expired', detail: 'no final response before the TTL' };
      return sipStatusOutcome(race.value.status, race.value.reason, race.value.onWireAt);
    } catch (e) {
      return sipErrorOutcome(e);
    }
  }
}
