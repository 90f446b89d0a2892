import { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DeliverySmsRequestedV1 } from '@waken/contracts';
import { DATA_CODING_8BIT_BINARY, SmppBindError, SmppClient, SmppLogger } from '@waken/bearer-smpp';
import { BearerAdapter, TransmissionOutcome, TransmitContext } from '../common/delivery-request';
import { DeliverySmsOptions } from './delivery-sms.options';
import { smppErrorOutcome } from './sms-outcome';
import { ReceiptListener, SmsReceiptTracker } from './sms-receipt-tracker';

/** The SMS bearer with its receipts: what the delivery-sms handler needs beyond a BearerAdapter. */
export interface SmsBearer extends BearerAdapter<DeliverySmsRequestedV1> {
  onReceiptOutcome(listener: ReceiptListener): void;
}

const FIRST_CONNECT_RETRY_MS = 2000;

/**
 * seed §S6/§S7 over SMS: the request's ready-made segments (UDH + WSP) as submit_sm with UDHI and
 * registered delivery, validity = the TTL; `sent` on submit_sm_resp, the receipt outcome later.
 * Windowing, throttling, enquire_link and reconnecting after a lost link are SmppClient's.
 */
export class SmsDeliveryAdapter implements SmsBearer, OnModuleInit, OnApplicationShutdown {
  readonly bearer = 'sms' as const;
  readonly client: SmppClient;
  private readonly tracker: SmsReceiptTracker;
  private listener: ReceiptListener = () => undefined;
  private sweeper?: NodeJS.Timeout;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly options: DeliverySmsOptions,
    private readonly logger: SmppLogger,
  ) {
    const s = options.smpp;
    this.client = new SmppClient({ ...s, bindMode: 'transceiver', logger });
    this.tracker = new SmsReceiptTracker(options.receiptCapacity, (push, result) => this.listener(push, result));
    this.client.on('receipt', (r) => this.tracker.receive(r));
  }

  onReceiptOutcome(listener: ReceiptListener): void {
    this.listener = listener;
  }

  /** A refused bind (credentials) fails the boot; an SMSC that is not up yet is retried in the background. */
  async onModuleInit(): Promise<void> {
    this.sweeper = setInterval(() => this.tracker.sweep(Date.now()), 10_000).unref();
    await this.connect(true);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    clearTimeout(this.retry);
    await this.client.close();
  }

  destination(request: DeliverySmsRequestedV1): string {
    return request.msisdn;
  }

  async transmit(request: DeliverySmsRequestedV1, context: TransmitContext): Promise<TransmissionOutcome> {
    if (request.dataCoding !== DATA_CODING_8BIT_BINARY) {
      return { kind: 'undeliverable', detail: `data_coding ${request.dataCoding}: WAP push needs 8-bit binary (4)` };
    }
    try {
      const segments = request.segments.map((s) => new Uint8Array(Buffer.from(s, 'base64')));
      const submitted = await this.client.submitWapPush({ destination: request.msisdn, segments, registeredDelivery: true, expiresAt: context.deadline });
      const push = { request, origin: context.origin, attempt: context.attempt, onWireAt: submitted.onWireAt };
      this.tracker.expect(submitted.messageIds, push, context.deadline.getTime() + this.options.receiptGraceMs);
      return { kind: 'sent', detail: `submit_sm_resp ${submitted.messageIds.join(',')}`.slice(0, 200), onWireAt: submitted.onWireAt };
    } catch (e) {
      return smppErrorOutcome(e);
    }
  }

  private async connect(first: boolean): Promise<void> {
    try {
      await this.client.connect();
    } catch (e) {
      if (e instanceof SmppBindError && first) throw e;
      if (this.client.state === 'closed') return;
      this.logger.warn({ err: (e as Error).message, retryInMs: FIRST_CONNECT_RETRY_MS }, 'SMSC not reachable yet; retrying');
      this.retry = setTimeout(() => void this.connect(false), FIRST_CONNECT_RETRY_MS);
    }
  }
}
