import {
  buildResponse, headerEntries, sameHeaderName, serializeSipMessage, type SipHeaderInput, type SipParseError,
  type SipRequest,
} from '@waken/bearer-sip';
import { newTag } from '@waken/bearer-sip';
import type { IncomingSipRequest, SipRequestHandler } from './incoming-sip-request';
import type { SipSource } from './sip-peer';
import type { SipSockets } from './sip-sockets';
import type { ServerTransactionTable } from './server-transaction-table';
import type { SipEndpointStats } from './sip-endpoint-stats';
import { responsePeer } from './response-routing';

/** Server side of the endpoint: transactions, the handler, and answers to malformed input. */
export class SipRequestReceiver {
  private handler?: SipRequestHandler;

  constructor(
    private readonly sockets: SipSockets,
    private readonly transactions: ServerTransactionTable,
    private readonly stats: SipEndpointStats,
  ) {}

  onRequest(handler: SipRequestHandler | undefined): void {
    this.handler = handler;
  }

  receive(request: SipRequest, source: SipSource): void {
    this.stats.requestsReceived += 1;
    const receipt = this.transactions.receive(request);
    if (!receipt.isNew) {
      // RFC 3261 §17.2.2: a retransmission gets the last response again, never the handler
      this.stats.requestsAbsorbed += 1;
      if (receipt.lastResponse && request.method !== 'ACK') this.transmit(request, source, receipt.lastResponse);
      return;
    }
    const incoming = this.incoming(request, source, receipt.key);
    if (request.method === 'INVITE') incoming.respond(100, 'Trying'); // §17.2.1: stop INVITE retransmissions
    this.dispatch(incoming);
  }

  /** RFC 3261 §8.2: answer a malformed request when its head allows it, else drop it. */
  answerMalformed(error: SipParseError, source: SipSource): void {
    const head = error.head;
    if (head?.kind !== 'request' || head.method === 'ACK') {
      this.stats.malformedDropped += 1;
      return;
    }
    try {
      this.transmit(head, source, serializeSipMessage(buildResponse(head, error.status, error.reason)));
      this.stats.malformedAnswered += 1;
    } catch {
      this.stats.malformedDropped += 1;
    }
  }

  private dispatch(incoming: IncomingSipRequest): void {
    const answerFailure = (status: number, reason: string) => {
      if (incoming.request.method !== 'ACK') incoming.respond(status, reason);
    };
    if (!this.handler) return answerFailure(501, 'Not Implemented');
    try {
      Promise.resolve(this.handler(incoming)).catch(() => answerFailure(500, 'Server Internal Error'));
    } catch {
      answerFailure(500, 'Server Internal Error');
    }
  }

  private incoming(request: SipRequest, source: SipSource, key: string): IncomingSipRequest {
    let toTag = newTag(); // one tag for every response of this transaction (§8.2.6.2)
    let responded = false;
    const { connection: _connection, ...peer } = source;
    const respond = (status: number, reason: string, headers?: SipHeaderInput, body?: Uint8Array | string): boolean => {
      if (request.method === 'ACK') return false;
      const all = headerEntries(headers);
      const contentType = all.find((h) => sameHeaderName(h.name, 'Content-Type'))?.value;
      const rest = all.filter((h) => !sameHeaderName(h.name, 'Content-Type'));
      const bytes = serializeSipMessage(buildResponse(request, status, reason, { toTag, headers: rest, contentType, body }));
      if (!this.transactions.answered(key, bytes, status)) return false;
      responded = true;
      this.transmit(request, source, bytes);
      return true;
    };
    const useToTag = (tag: string): void => {
      if (responded) throw new Error('To-tag cannot change after a response was sent');
      if (!/^[A-Za-z0-9.!%*_+`'~-]{1,64}$/.test(tag)) throw new Error('invalid To-tag');
      toTag = tag;
    };
    return {
      request,
      source: peer,
      get toTag() {
        return toTag;
      },
      useToTag,
      respond,
    };
  }

  private transmit(request: SipRequest, source: SipSource, bytes: Uint8Array): void {
    this.sockets.send(responsePeer(request, source), bytes, source.connection).catch(() => (this.stats.transportErrors += 1));
  }
}
