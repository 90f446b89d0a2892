import { Controller } from '@nestjs/common';
import { PushAcceptedV1, PushResolvedV1 } from '@waken/contracts';
import { EventEnvelope, EventPublisher, OnEvents, OutgoingEvent, deterministicEventId } from '@waken/platform-messaging';
import { UserProfileReader, userKey } from '@waken/registry-data-access';
import { resolvePush } from '@waken/registry-domain';

/**
 * seed §S2 lookup + §S3 selection for a whole batch of accepted pushes: the recipients' profiles
 * in one query, resolvePush for each, one PushResolvedV1 per push. An unknown user (or one of
 * another tenant) resolves to unresolvedReason 'unknown-user', so id-check plans nothing and the
 * outcome tracker reports it. Stateless: a redelivered push gets the same event id.
 */
@Controller()
export class PushResolutionHandler {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly reader: UserProfileReader,
  ) {}

  @OnEvents(PushAcceptedV1)
  async onAccepted(batch: EventEnvelope<PushAcceptedV1>[]): Promise<void> {
    const refs = batch.map((e) => ({ tenantId: e.payload.tenantId, publicUserIdentity: e.payload.publicUserIdentity }));
    const users = await this.reader.loadUsers(refs);
    const now = new Date();
    const resolved: OutgoingEvent<PushResolvedV1>[] = batch.map((e, i) => ({
      key: e.payload.publicUserIdentity,
      payload: resolvePush(e.payload, users.get(userKey(refs[i])), now),
      causation: e,
      eventId: deterministicEventId('registry', e.headers.eventId, 'resolved'),
    }));
    await this.publisher.publish(PushResolvedV1, resolved);
  }
}
