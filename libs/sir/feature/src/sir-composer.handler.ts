import { Controller, Inject } from '@nestjs/common';
import { SirComposedV1, SirRequestedV1 } from '@waken/contracts';
import { EventEnvelope, EventPublisher, OnEvents, OutgoingEvent, deterministicEventId } from '@waken/platform-messaging';
import { Logger, LOGGER } from '@waken/platform-observability';
import { SirCompositionError, composeSir, encodeSia } from '@waken/sir-domain';
import { randomBytes } from 'node:crypto';
import { SIR_COMPOSER_OPTIONS, SirComposerOptions } from './sir-composer.options';

/**
 * seed S5: turns each SIR request into a signed SIR, in its structured form and as binary SIA.
 * A request that needs no SIR any more (expired) is dropped with a log line, not retried.
 */
@Controller()
export class SirComposerHandler {
  constructor(
    private readonly publisher: EventPublisher,
    @Inject(SIR_COMPOSER_OPTIONS) private readonly options: SirComposerOptions,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @OnEvents(SirRequestedV1)
  async onRequested(batch: EventEnvelope<SirRequestedV1>[]): Promise<void> {
    const now = new Date();
    const out: OutgoingEvent<SirComposedV1>[] = [];
    for (const e of batch) {
      const composed = this.compose(e.payload, now);
      if (composed) out.push({ key: e.key, payload: composed, causation: e, eventId: deterministicEventId('sir-composer', e.headers.eventId) });
    }
    await this.publisher.publish(SirComposedV1, out);
  }

  private compose(request: SirRequestedV1, now: Date): SirComposedV1 | undefined {
    const { ppgAddress, master, ttlMs, placement, contactPoints } = this.options;
    try {
      const sir = composeSir(request, { ppgAddress, now, ttlMs, master, placement, nonce: () => randomBytes(12).toString('base64url') });
      return {
        tenantId: request.tenantId,
        pushId: request.pushId,
        targetClientIds: request.targetClientIds,
        sir,
        siaBase64: Buffer.from(encodeSia(sir, { contactPoints })).toString('base64'),
        activation: request.activation,
        fallbacks: request.fallbacks,
        composedAt: now.toISOString(),
        ...(request.acceptedAt !== undefined && { acceptedAt: request.acceptedAt }),
      };
    } catch (e) {
      if (!(e instanceof SirCompositionError)) throw e;
      this.logger.warn({ pushId: request.pushId, reason: e.reason, err: e.message }, 'SIR not composed');
      return undefined;
    }
  }
}
