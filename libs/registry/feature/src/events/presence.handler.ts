import { Controller, Inject } from '@nestjs/common';
import { SessionClosedV1, SessionOpenedV1 } from '@waken/contracts';
import { EventEnvelope, OnEvents } from '@waken/platform-messaging';
import { PresenceRepository } from '@waken/registry-data-access';
import { REGISTRY_OPTIONS, RegistryOptions } from '../registry.options';

/**
 * Presence (seed §S2 connection state; §S10: a connected client gets the push without a SIR)
 * from the session service's events. Each event is applied once (inbox on its event id).
 */
@Controller()
export class PresenceHandler {
  constructor(
    private readonly presence: PresenceRepository,
    @Inject(REGISTRY_OPTIONS) private readonly options: RegistryOptions,
  ) {}

  @OnEvents(SessionOpenedV1)
  async onOpened(batch: EventEnvelope<SessionOpenedV1>[]): Promise<void> {
    await this.presence.markConnected(this.options.consumerName ?? 'registry', batch);
  }

  @OnEvents(SessionClosedV1)
  async onClosed(batch: EventEnvelope<SessionClosedV1>[]): Promise<void> {
    await this.presence.markDisconnected(this.options.consumerName ?? 'registry', batch);
  }
}
