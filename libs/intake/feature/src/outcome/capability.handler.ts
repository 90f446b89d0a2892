import { Controller, Inject } from '@nestjs/common';
import { ClientRespondedV1 } from '@waken/contracts';
import { ClientCapabilityRepository } from '@waken/intake-data-access';
import { claimBatch, EventEnvelope, OnEvents } from '@waken/platform-messaging';
import { DataSource } from 'typeorm';
import { INTAKE_DATA_SOURCE } from '../intake.options';

/** Keeps the capabilities each client returned (seed §C4) to answer PAP ccq-message. */
@Controller()
export class CapabilityHandler {
  private readonly capabilities = new ClientCapabilityRepository();

  constructor(@Inject(INTAKE_DATA_SOURCE) private readonly ds: DataSource) {}

  @OnEvents(ClientRespondedV1)
  async onResponded(batch: EventEnvelope<ClientRespondedV1>[]): Promise<void> {
    await this.ds.transaction(async (m) => {
      for (const { payload: p } of await claimBatch(m, 'push-intake.capabilities', batch)) {
        if (!p.capabilities) continue;
        await this.capabilities.upsert(m, p.tenantId, p.publicUserIdentity, { clientId: p.clientId, capabilities: p.capabilities, respondedAt: new Date(p.respondedAt) });
      }
    });
  }
}
