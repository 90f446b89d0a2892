import { Inject, Injectable } from '@nestjs/common';
import { ClientCapabilityRepository, PushInitiator, PushRecord } from '@waken/intake-data-access';
import {
  buildMultipartRelated,
  isPapMessageState,
  PapCancelMessage,
  PapCcqMessage,
  PapError,
  PapStatusQueryMessage,
  PapStatusQueryResult,
  writeCancelResponse,
  writeCcqResponse,
  writeStatusQueryResponse,
} from '@waken/intake-pap';
import { DataSource } from 'typeorm';
import { INTAKE_DATA_SOURCE } from '../intake.options';
import { mayReachUser } from '../intake/pi-rules';
import { PushAcceptor } from '../intake/push-acceptor.service';
import { recipientOf } from '../intake/recipient-address';
import { capabilitiesRdf } from './ccq-rdf';
import { PapAnswer, papAnswer } from './pap-answer';

/** PAP cancel-message, statusquery-message and ccq-message for one authenticated PI (pap.md §3). */
@Injectable()
export class PapQueryService {
  private readonly capabilities = new ClientCapabilityRepository();

  constructor(
    @Inject(INTAKE_DATA_SOURCE) private readonly ds: DataSource,
    private readonly acceptor: PushAcceptor,
  ) {}

  /** Cancels the whole push; 2004 unknown (also another tenant's), 2008 already final. */
  async cancel(pi: PushInitiator, doc: PapCancelMessage): Promise<PapAnswer> {
    const result = await this.acceptor.cancel(pi, doc.pushId);
    const opts = { version: doc.version };
    if (result.kind === 'not-found') return papAnswer(2004, writeCancelResponse({ pushId: doc.pushId, results: [{ code: 2004 }] }, opts));
    const addresses = result.push.recipients.map((r) => r.addressValue);
    const code = result.kind === 'cancelled' ? 1000 : 2008;
    return papAnswer(code, writeCancelResponse({ pushId: doc.pushId, results: [{ code, addresses }] }, opts));
  }

  /** One statusquery-result per state among the (queried) recipients (pap.md §7). */
  async statusQuery(pi: PushInitiator, doc: PapStatusQueryMessage): Promise<PapAnswer> {
    const push = await this.acceptor.find(pi, doc.pushId);
    const opts = { version: doc.version };
    if (!push) {
      return papAnswer(2004, writeStatusQueryResponse({ pushId: doc.pushId, results: [{ code: 2004, messageState: 'unknown' }] }, opts));
    }
    return papAnswer(1000, writeStatusQueryResponse({ pushId: doc.pushId, results: resultsOf(push, doc) }, opts));
  }

  /** ccq-response from the capabilities clients returned (seed §C4); none known is 3008. */
  async ccq(pi: PushInitiator, doc: PapCcqMessage): Promise<PapAnswer> {
    const details = { version: doc.version, operation: 'ccq-message', requestId: doc.queryId };
    const recipient = (() => {
      try {
        return recipientOf(doc.address.addressValue, doc.address);
      } catch (e) {
        throw e instanceof PapError ? e.with(details) : e;
      }
    })();
    if (!mayReachUser(pi, recipient.publicUserIdentity)) throw new PapError(2001, 'this PI may not query that user', details);
    const clients = await this.capabilities.findByIdentity(this.ds.manager, pi.tenantId, recipient.publicUserIdentity);
    const opts = { version: doc.version };
    const address = doc.address.addressValue;
    if (clients.length === 0) return papAnswer(3008, writeCcqResponse({ queryId: doc.queryId, address, result: { code: 3008 } }, opts));
    const xml = writeCcqResponse({ queryId: doc.queryId, address, result: { code: 1000 } }, opts);
    const built = buildMultipartRelated([
      { contentType: 'application/xml; charset=utf-8', body: Buffer.from(xml, 'utf8') },
      { contentType: 'application/rdf+xml; charset=utf-8', body: Buffer.from(capabilitiesRdf(clients), 'utf8') },
    ]);
    return { status: 200, contentType: built.contentType, body: built.body };
  }
}

function resultsOf(push: PushRecord, doc: PapStatusQueryMessage): PapStatusQueryResult[] {
  const wanted = new Set(doc.addresses.map((a) => a.value));
  const recipients = push.recipients.filter((r) => wanted.size === 0 || wanted.has(r.publicUserIdentity) || wanted.has(r.publicUserIdentity.replace(/^tel:/, '')));
  const byState = new Map<string, string[]>();
  for (const r of recipients) byState.set(r.state, [...(byState.get(r.state) ?? []), r.addressValue]);
  if (byState.size === 0) return [{ code: 2002, messageState: 'unknown', desc: 'no such recipient in this push' }];
  return [...byState].map(([state, addresses]) => ({
    code: 1000,
    messageState: isPapMessageState(state) ? state : 'unknown',
    eventTime: push.finalAt ?? push.receivedAt,
    addresses,
  }));
}
