import { randomUUID } from 'node:crypto';
import type { IncomingSipRequest } from '@waken/bearer-sip-transport';
import type { Logger } from '@waken/platform-observability';
import { SipDialog } from '@waken/session-data-access';
import { ClientRef, PendingQueue, PushSession, SessionAuthVerifier, SubscribeRequest, isEmptyClientInfo } from '@waken/session-domain';
import { LiveSession } from './live-session';
import { NotifyDispatcher } from './notify-dispatcher';
import { SessionCloser } from './session-closer';
import { SessionEventPublisher } from './session-event-publisher';
import { SessionRegistry } from './session-registry';

export interface SessionOpenerDeps {
  registry: SessionRegistry;
  verifier: SessionAuthVerifier;
  /** tenants served; undefined: every tenant */
  tenants?: ReadonlySet<string>;
  events: SessionEventPublisher;
  dispatcher: NotifyDispatcher;
  closer: SessionCloser;
  logger: Logger;
  localContact: string;
  maxPerSession: number;
  clock: () => number;
}

/**
 * An initial SUBSCRIBE (seed §C3): auth with the client key, then 200 with our To tag, Contact and
 * Expires; SessionOpenedV1, ClientRespondedV1 when the body carried anything (seed §C4), and the
 * client's pending pushes. `Expires: 0` out of dialog (a rejection) answers 200 and opens nothing.
 */
export class SessionOpener {
  constructor(private readonly deps: SessionOpenerDeps) {}

  async open(incoming: IncomingSipRequest, request: SubscribeRequest): Promise<void> {
    const nowMs = this.deps.clock();
    const client = request.client as ClientRef;
    const verdict = this.deps.verifier.verify({ ...client, callId: request.callId }, request.auth, nowMs);
    if (!verdict.ok) return this.refuse(incoming, 401, 'Unauthorized', request, verdict.reason);
    if (this.deps.tenants && !this.deps.tenants.has(client.tenantId)) return this.refuse(incoming, 403, 'Forbidden', request, 'tenant not served');
    // the replay check comes last: a refused request does not use up its (Call-ID, ts)
    if (!this.deps.verifier.consume(request.callId, verdict.timestampS, nowMs)) return this.refuse(incoming, 401, 'Unauthorized', request, 'replay');
    if (request.expiresS === 0) return this.decline(incoming, request, client);
    // the To tag the transport gives the 200 is the dialog's local tag (RFC 3261 §12.1.1)
    const live = this.create(request, client, incoming.toTag, nowMs);
    const replaced = this.deps.registry.add(live);
    incoming.respond(200, 'OK', { Contact: `<${this.deps.localContact}>`, Expires: String(request.expiresS) });
    if (replaced) await this.deps.closer.close(replaced, 'client');
    await this.announce(live, request, nowMs);
    await this.deps.dispatcher.load(live);
  }

  private create(request: SubscribeRequest, client: ClientRef, localTag: string, nowMs: number): LiveSession {
    const session = new PushSession({
      sessionId: `sess-${randomUUID()}`,
      ...client,
      publicUserIdentity: request.publicUserIdentity,
      sirId: request.sirId,
      contact: request.contact as string,
      expiresS: request.expiresS,
      nowMs,
    });
    const dialog = new SipDialog({
      callId: request.callId,
      localTag,
      remoteAddress: request.from,
      remoteTag: request.fromTag,
      localAddress: request.to,
      remoteTarget: request.contact as string,
      localContact: this.deps.localContact,
      remoteCseq: request.cseq,
    });
    // a client that subscribes again keeps its queue: what is in flight is not sent twice
    const queue = this.deps.registry.forClient(client)?.queue ?? new PendingQueue(this.deps.maxPerSession);
    return { session, dialog, queue, moreInStore: false, loadedUpTo: 0, loading: false };
  }

  private async announce(live: LiveSession, request: SubscribeRequest, nowMs: number): Promise<void> {
    const at = new Date(nowMs);
    try {
      await this.deps.events.opened(live.session, at);
      if (request.info && !isEmptyClientInfo(request.info)) await this.deps.events.responded({ ...live.session, callId: request.callId, cseq: request.cseq }, request.info, at);
    } catch (e) {
      this.deps.logger.error({ err: e, sessionId: live.session.sessionId }, 'session events not published');
    }
  }

  private async decline(incoming: IncomingSipRequest, request: SubscribeRequest, client: ClientRef): Promise<void> {
    incoming.respond(200, 'OK', { Expires: '0' });
    if (!request.info || isEmptyClientInfo(request.info)) return;
    const source = { ...client, publicUserIdentity: request.publicUserIdentity, sirId: request.sirId, callId: request.callId, cseq: request.cseq };
    await this.deps.events.responded(source, request.info, new Date(this.deps.clock()));
  }

  private refuse(incoming: IncomingSipRequest, status: number, reason: string, request: SubscribeRequest, why: string): void {
    const headers = status === 401 ? { 'WWW-Authenticate': 'Waken-Session realm="waken-push"' } : undefined;
    incoming.respond(status, reason, headers);
    this.deps.logger.info({ status, why, tenantId: request.client?.tenantId, clientId: request.client?.clientId }, 'SUBSCRIBE refused');
  }
}
