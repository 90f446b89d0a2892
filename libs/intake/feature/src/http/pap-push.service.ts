import { Inject, Injectable } from '@nestjs/common';
import { isDatabaseUnavailable, PushInitiator } from '@waken/intake-data-access';
import { PapError, PapPushMessage, parsePapTimestamp, PushSubmission, readPushSubmission, writePushResponse } from '@waken/intake-pap';
import { INTAKE_OPTIONS, IntakeOptions } from '../intake.options';
import { notifyUrlProblem } from '../intake/notify-url-policy';
import { checkRules } from '../intake/pi-rules';
import { PushAcceptor } from '../intake/push-acceptor.service';
import { recipientOf } from '../intake/recipient-address';
import type { Submission } from '../intake/submission';
import { PapAnswer, papAnswer } from './pap-answer';

/**
 * A PAP push submission (pap.md §1, seed §S1): read with @waken/intake-pap (multipart, control
 * document, content policy), map the addresses to public user identities, apply the PI's
 * rules, store it with its outbox records. Faults are PapError, answered in kind by the caller.
 */
@Injectable()
export class PapPushService {
  constructor(
    private readonly acceptor: PushAcceptor,
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
  ) {}

  async push(pi: PushInitiator, body: Buffer, contentType: string): Promise<PapAnswer> {
    const submission = readPushSubmission(body, contentType, { trusted: pi.trusted, pap: { now: new Date() } });
    const msg = submission.message;
    const s = this.toSubmission(pi, submission);
    const result = await this.acceptor.accept(pi, s).catch((e: unknown) => {
      // reliability.md R2: PAP 4001 in a push-response; the caller adds Retry-After
      throw isDatabaseUnavailable(e) ? new PapError(4001, 'the push store is unavailable', { version: msg.version, operation: 'push-message', requestId: msg.pushId }) : e;
    });
    const opts = { version: msg.version };
    const sender = { senderAddress: this.options.senderAddress, senderName: this.options.senderName, replyTime: new Date() };
    if (result.kind === 'duplicate') {
      return papAnswer(2007, writePushResponse({ pushId: msg.pushId, ...sender, result: { code: 2007 } }, opts));
    }
    const progressNotes = msg.progressNotesRequested ? [{ stage: 'accepted', note: `stored for ${s.recipients.length} recipient(s)`, time: result.receivedAt }] : undefined;
    return papAnswer(1001, writePushResponse({ pushId: msg.pushId, ...sender, result: { code: 1001 }, ...(progressNotes && { progressNotes }) }, opts));
  }

  private toSubmission(pi: PushInitiator, submission: PushSubmission): Submission {
    const msg = submission.message;
    const fault = (code: 2000 | 2001 | 3011, desc: string) => new PapError(code, desc, { version: msg.version, operation: 'push-message', requestId: msg.pushId });
    // PAP 2.x replace-push-id (pap.md §3): not offered; 3011 says so rather than ignoring it
    if (msg.replacePushId !== undefined) throw fault(3011, 'replace-push-id is not supported');
    const recipients = msg.addresses.map((a) => {
      try {
        return recipientOf(a.addressValue, a);
      } catch (e) {
        throw e instanceof PapError ? e.with({ version: msg.version, operation: 'push-message', requestId: msg.pushId }) : e;
      }
    });
    const content = { mediaType: submission.content.mediaType, body: submission.content.body, ...(msg.applicationId !== undefined && { applicationId: msg.applicationId }) };
    const refusal = checkRules(pi, { recipients, content });
    if (refusal) throw fault(2001, refusal.desc);
    const notifyProblem = msg.ppgNotifyRequestedTo === undefined ? undefined : notifyUrlProblem(msg.ppgNotifyRequestedTo, this.options.allowPrivateNotifyUrls);
    if (notifyProblem) throw fault(2000, notifyProblem);
    return {
      origin: 'pap',
      papVersion: msg.version,
      pushId: msg.pushId,
      recipients,
      content,
      qos: qosOf(msg),
      ...timesOf(msg),
      ...(msg.sourceReference !== undefined && { sourceReference: msg.sourceReference }),
      ...(msg.ppgNotifyRequestedTo !== undefined && { notifyUrl: msg.ppgNotifyRequestedTo }),
      progressNotesRequested: msg.progressNotesRequested,
      targetDevices: [],
    };
  }
}

function qosOf(msg: PapPushMessage): Submission['qos'] {
  const { priority, deliveryMethod, bearer, network } = msg.qos;
  return { priority, deliveryMethod, ...(bearer !== undefined && { bearer: bearer.slice(0, 40) }), ...(network !== undefined && { network: network.slice(0, 40) }) };
}

/** The parser already refused past, too-far and inverted windows (reliability.md #14). */
function timesOf(msg: PapPushMessage): { deliverAfter?: Date; deliverBefore?: Date } {
  const at = (t: string | undefined) => (t === undefined ? undefined : parsePapTimestamp(t));
  const after = at(msg.deliverAfter);
  const before = at(msg.deliverBefore);
  return { ...(after !== undefined && { deliverAfter: new Date(after) }), ...(before !== undefined && { deliverBefore: new Date(before) }) };
}
