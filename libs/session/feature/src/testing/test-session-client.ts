import { randomUUID } from 'node:crypto';
import { getHeader, nameAddrTag, newTag, parseNameAddr, type SipRequest } from '@waken/bearer-sip';
import { SipEndpoint, type SipPeer, type SipResult } from '@waken/bearer-sip-transport';
import { SipDialog, sendInDialog } from '@waken/session-data-access';
import { deriveClientKey } from '@waken/sir-domain';
import { ClientRef, CLIENT_INFO_CONTENT_TYPE, decodePushNotification, PushNotification, signSessionAuth } from '@waken/session-domain';

export interface ReceivedNotify {
  request: SipRequest;
  subscriptionState: string;
  push?: PushNotification;
}

export interface SubscribeOptions {
  expiresS?: number;
  /** 'bad': a well-formed token with a wrong HMAC; 'none': no header; a string: sent as is */
  auth?: 'bad' | 'none' | string;
  sirId?: string;
  body?: string;
  event?: string;
  callId?: string;
  timestampS?: number;
}

/**
 * The device side of docs/push-session.md for integration tests, built directly on SipEndpoint
 * (not on libs/client): the initial SUBSCRIBE through the proxy, NOTIFYs received and answered,
 * in-dialog SUBSCRIBEs straight to the PPG's Contact.
 */
export class TestSessionClient {
  readonly notifies: ReceivedNotify[] = [];
  /** the answer to the next NOTIFYs */
  answerStatus = 200;
  dialog?: SipDialog;
  lastTimestampS = 0;

  private constructor(
    private readonly local: SipEndpoint,
    readonly client: ClientRef,
    readonly publicIdentity: string,
    private readonly ppgAor: string,
    private readonly master: Uint8Array,
  ) {
    local.onRequest((incoming) => {
      const { request } = incoming;
      const body = request.body.length > 0 ? decodePushNotification(request.body) : undefined;
      this.notifies.push({ request, subscriptionState: getHeader(request, 'Subscription-State') ?? '', push: body });
      incoming.respond(this.answerStatus, this.answerStatus === 200 ? 'OK' : 'Refused');
    });
  }

  static async open(host: string, proxy: SipPeer, client: ClientRef, publicIdentity: string, ppgAor: string, master: Uint8Array): Promise<TestSessionClient> {
    const local = await SipEndpoint.open({ host, outboundProxy: proxy, timers: { timeoutMs: 4000 } });
    return new TestSessionClient(local, client, publicIdentity, ppgAor, master);
  }

  get contact(): string {
    return this.local.contactUri('dev');
  }

  /** An out-of-dialog SUBSCRIBE through the proxy; on 200 the dialog is kept. */
  async subscribe(options: SubscribeOptions = {}): Promise<SipResult> {
    const callId = options.callId ?? `${randomUUID()}@${this.local.host}`;
    const fromTag = newTag();
    const result = await this.local.request({
      method: 'SUBSCRIBE', requestUri: this.ppgAor, from: `<${this.publicIdentity}>;tag=${fromTag}`, to: `<${this.ppgAor}>`,
      callId, cseq: 1, contact: `<${this.contact}>`, headers: this.headers(callId, options),
      ...(options.body ? { contentType: CLIENT_INFO_CONTENT_TYPE, body: options.body } : {}),
    });
    if (result.status === 200 && (options.expiresS ?? 600) > 0) this.dialog = this.dialogFrom(result, callId, fromTag);
    return result;
  }

  /** An in-dialog SUBSCRIBE straight to the PPG's Contact: a refresh, or the end with 0. */
  async refresh(expiresS: number): Promise<SipResult> {
    if (!this.dialog) throw new Error('no dialog');
    return sendInDialog(this.local, this.dialog, { method: 'SUBSCRIBE', headers: { Event: 'waken-push', Expires: String(expiresS) } });
  }

  /** How many NOTIFYs carried each push id. */
  countByPushId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const n of this.notifies) if (n.push) counts.set(n.push.pushId, (counts.get(n.push.pushId) ?? 0) + 1);
    return counts;
  }

  terminations(): string[] {
    return this.notifies.filter((n) => n.subscriptionState.startsWith('terminated')).map((n) => n.subscriptionState);
  }

  async close(): Promise<void> {
    await this.local.close();
  }

  private headers(callId: string, o: SubscribeOptions): Record<string, string> {
    const timestampS = o.timestampS ?? Math.floor(Date.now() / 1000);
    this.lastTimestampS = timestampS;
    const key = deriveClientKey(o.auth === 'bad' ? new Uint8Array(32).fill(7) : this.master, this.client.tenantId, this.client.clientId);
    const token = signSessionAuth(key, { ...this.client, callId, timestampS });
    const auth = o.auth === undefined || o.auth === 'bad' ? token : o.auth;
    return {
      Event: o.event ?? 'waken-push',
      Expires: String(o.expiresS ?? 600),
      'X-Waken-Client': `${this.client.tenantId} ${this.client.clientId}`,
      ...(o.auth === 'none' ? {} : { 'X-Waken-Auth': auth }),
      ...(o.sirId ? { 'X-Waken-Sir': o.sirId } : {}),
    };
  }

  private dialogFrom(result: SipResult, callId: string, fromTag: string): SipDialog {
    const to = getHeader(result.response, 'To') ?? '';
    const contact = parseNameAddr(getHeader(result.response, 'Contact') ?? '').uri;
    const dialog = new SipDialog({
      callId, localTag: fromTag, localAddress: `<${this.publicIdentity}>`, remoteAddress: to, remoteTag: nameAddrTag(to) ?? '',
      remoteTarget: contact, localContact: this.contact, remoteCseq: 0,
    });
    dialog.nextCseq(); // CSeq 1 was the initial SUBSCRIBE
    return dialog;
  }
}
