import { Controller, Inject } from '@nestjs/common';
import { ClientRespondedV1 } from '@waken/contracts';
import { EventEnvelope, OnEvents } from '@waken/platform-messaging';
import { ClientResponseRepository } from '@waken/registry-data-access';
import { REGISTRY_OPTIONS, RegistryOptions } from '../registry.options';
import { clientResponsePatch } from './client-response.patch';

/** seed §C4/§S12: stores what a woken client returned, once per event id. */
@Controller()
export class ClientResponseHandler {
  constructor(
    private readonly responses: ClientResponseRepository,
    @Inject(REGISTRY_OPTIONS) private readonly options: RegistryOptions,
  ) {}

  @OnEvents(ClientRespondedV1)
  async onResponded(batch: EventEnvelope<ClientRespondedV1>[]): Promise<void> {
    await this.responses.store(this.options.consumerName ?? 'registry', batch, clientResponsePatch);
  }
}
