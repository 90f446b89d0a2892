import type { IncomingSipRequest } from '@waken/bearer-sip-transport';
import type { Logger } from '@waken/platform-observability';
import { SipDialog } from '@waken/session-data-access';
import { SubscribeRequest, isEmptyClientInfo } from '@waken/session-domain';
import { SessionCloser } from './session-closer';
import { SessionEventPublisher } from './session-event-publisher';
import { SessionRegistry } from './session-registry';

/**
 * An in-dialog SUBSCRIBE: a refresh (new Expires, counts as traffic) or, with `Expires: 0`, the
 * client's end (200, final NOTIFY noresource, SessionClosedV1 client). A dialog we do not hold,
 * e.g. after a restart, is 481 (RFC 6665 §4.2.1.2): the client then subscribes anew.
 */
export class SessionUpdater {
  constructor(
    private readonly registry: SessionRegistry,
    private readonly closer: SessionCloser,
    private readonly events: SessionEventPublisher,
    private readonly localContact: string,
    private readonly logger: Logger,
    private readonly clock: () => number,
  ) {}

  async update(incoming: IncomingSipRequest, request: SubscribeRequest): Promise<void> {
    const live = this.registry.forDialog(SipDialog.idOf(request.callId, request.toTag as string, request.fromTag));
    if (!live || !live.session.isActive) {
      incoming.respond(481, 'Subscription Does Not Exist');
      return;
    }
    // RFC 3261 §12.2.2: a request older than the last one in the dialog
    if (!live.dialog.acceptRemoteCseq(request.cseq)) {
      incoming.respond(500, 'Server Internal Error', { 'Retry-After': '1' });
      return;
    }
    live.dialog.retarget(request.contact);
    incoming.respond(200, 'OK', { Contact: `<${this.localContact}>`, Expires: String(request.expiresS) });
    const nowMs = this.clock();
    if (request.info && !isEmptyClientInfo(request.info)) {
      const source = { ...live.session, callId: request.callId, cseq: request.cseq };
      await this.events.responded(source, request.info, new Date(nowMs)).catch((e) => this.logger.error({ err: e }, 'ClientRespondedV1 not published'));
    }
    if (request.expiresS === 0) await this.closer.close(live, 'client');
    else live.session.refresh(request.expiresS, nowMs);
  }
}
