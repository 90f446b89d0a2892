import { ClientRespondedV1, PushDeliveredV1, SessionClosedV1, SessionOpenedV1 } from '@waken/contracts';
import { EventPublisher, deterministicEventId } from '@waken/platform-messaging';
import { ClientInfo, ClientRef, PendingPush, PushSession, SessionCloseReason } from '@waken/session-domain';

export interface ResponseSource extends ClientRef {
  publicUserIdentity: string;
  sirId?: string;
  /** Call-ID and CSeq of the SUBSCRIBE that carried it: the event id derives from them */
  callId: string;
  cseq: number;
}

const SERVICE = 'session';

/**
 * The four events of the session endpoint (seed §C3, §C4, §S10, §S12), keyed by the public user
 * identity. Event ids derive from what caused them, so a repeated announcement deduplicates
 * downstream (a push delivered again after a crash has the same PushDeliveredV1 id).
 */
export class SessionEventPublisher {
  constructor(private readonly publisher: EventPublisher) {}

  async opened(session: PushSession, at: Date): Promise<void> {
    const payload: SessionOpenedV1 = {
      tenantId: session.tenantId,
      clientId: session.clientId,
      sessionId: session.sessionId,
      publicUserIdentity: session.publicUserIdentity,
      via: 'sip-subscribe',
      contact: session.contact,
      openedAt: at.toISOString(),
      ...(session.sirId === undefined ? {} : { sirId: session.sirId }),
    };
    await this.publisher.publish(SessionOpenedV1, [{ key: session.publicUserIdentity, payload, eventId: deterministicEventId(SERVICE, session.sessionId, 'opened') }]);
  }

  async closed(session: PushSession, reason: SessionCloseReason, at: Date): Promise<void> {
    const { tenantId, clientId, sessionId, publicUserIdentity } = session;
    const payload: SessionClosedV1 = { tenantId, clientId, sessionId, publicUserIdentity, reason, closedAt: at.toISOString() };
    await this.publisher.publish(SessionClosedV1, [{ key: publicUserIdentity, payload, eventId: deterministicEventId(SERVICE, sessionId, 'closed') }]);
  }

  async responded(source: ResponseSource, info: ClientInfo, at: Date): Promise<void> {
    const payload: ClientRespondedV1 = {
      tenantId: source.tenantId,
      clientId: source.clientId,
      publicUserIdentity: source.publicUserIdentity,
      ...(source.sirId === undefined ? {} : { sirId: source.sirId }),
      ...info,
      respondedAt: at.toISOString(),
    };
    const eventId = deterministicEventId(SERVICE, source.callId, String(source.cseq), 'responded');
    await this.publisher.publish(ClientRespondedV1, [{ key: source.publicUserIdentity, payload, eventId }]);
  }

  async delivered(push: PendingPush, sessionId: string, at: Date): Promise<void> {
    const { tenantId, pushId, recipientIndex, clientId, wake } = push;
    const payload: PushDeliveredV1 = { tenantId, pushId, recipientIndex, clientId, sessionId, wake, deliveredAt: at.toISOString() };
    const eventId = deterministicEventId(SERVICE, tenantId, pushId, String(recipientIndex), clientId, 'delivered');
    await this.publisher.publish(PushDeliveredV1, [{ key: push.publicUserIdentity, payload, eventId }]);
  }
}
