import type { IncomingSipRequest } from '@waken/bearer-sip-transport';
import type { Logger } from '@waken/platform-observability';
import { SubscribeRefusal, SubscribeRequest, readSubscribe } from '@waken/session-domain';
import { SessionOpener } from './session-opener';
import { SessionUpdater } from './session-updater';

/**
 * Every request the session endpoint receives: SUBSCRIBE out of dialog opens a session, in
 * dialog refreshes or ends one; anything else is 405. While shutting down, 503 with Retry-After.
 */
export class SubscriptionHandler {
  private draining = false;

  constructor(
    private readonly opener: SessionOpener,
    private readonly updater: SessionUpdater,
    private readonly logger: Logger,
  ) {}

  /** From now on new and refreshed subscriptions are turned away (shutdown). */
  drain(): void {
    this.draining = true;
  }

  async handle(incoming: IncomingSipRequest): Promise<void> {
    if (incoming.request.method !== 'SUBSCRIBE') {
      incoming.respond(405, 'Method Not Allowed', { Allow: 'SUBSCRIBE' });
      return;
    }
    if (this.draining) {
      incoming.respond(503, 'Service Unavailable', { 'Retry-After': '5' });
      return;
    }
    const request = this.read(incoming);
    if (!request) return;
    if (request.toTag === undefined) await this.opener.open(incoming, request);
    else await this.updater.update(incoming, request);
  }

  private read(incoming: IncomingSipRequest): SubscribeRequest | undefined {
    try {
      return readSubscribe(incoming.request);
    } catch (e) {
      if (!(e instanceof SubscribeRefusal)) throw e;
      incoming.respond(e.status, e.reason);
      this.logger.info({ status: e.status, why: e.message }, 'SUBSCRIBE refused');
      return undefined;
    }
  }
}
