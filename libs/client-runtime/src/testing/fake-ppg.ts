import { randomUUID } from 'node:crypto';
import { getHeader, nameAddrTag, newTag, parseNameAddr, type SipRequest } from '@waken/bearer-sip';
import { SipEndpoint, type IncomingSipRequest } from '@waken/bearer-sip-transport';
import { encodePushNotification, PUSH_SESSION, sessionAuthValue, type PushNotification } from '@waken/client';
import { deriveClientKey } from '@waken/sir-domain';
import { kamailioProxy } from './kamailio-env';

export interface SeenSubscribe {
  readonly request: SipRequest;
  readonly authValid: boolean;
  readonly expires: number;
  readonly inDialog: boolean;
  readonly body?: Record<string, unknown>;
}

interface Dialog {
  readonly contact: string;
  readonly clientFrom: string;
  cseq: number;
}

/**
 * Test-only PPG side of docs/push-session.md, just enough to drive the client: registers its AOR
 * with Kamailio, answers SUBSCRIBEs 200 (checking X-Waken-Auth), and sends NOTIFYs straight to the
 * client's Contact. The real one is apps/session.
 */
export class FakePpg {
  readonly subscribes: SeenSubscribe[] = [];
  private readonly dialogs = new Map<string, Dialog>();
  private readonly tag = newTag();

  private constructor(
    readonly aor: string,
    private readonly instanceId: string,
    private readonly master: Uint8Array,
    private readonly proxied: SipEndpoint,
    private readonly direct: SipEndpoint,
  ) {
    proxied.onRequest((incoming) => this.onRequest(incoming));
    direct.onRequest((incoming) => this.onRequest(incoming));
  }

  static async open(aor: string, master: Uint8Array): Promise<FakePpg> {
    const proxied = await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: kamailioProxy(), timers: { timeoutMs: 8000 } });
    const direct = await SipEndpoint.open({ host: '127.0.0.1', transports: ['udp'], timers: { timeoutMs: 8000 } });
    const ppg = new FakePpg(aor, `urn:uuid:${randomUUID()}`, master, proxied, direct);
    await proxied.register({ aor, instanceId: ppg.instanceId, expires: 300 });
    return ppg;
  }

  /** One NOTIFY in the dialog; resolves with the client's answer. */
  async notify(callId: string, push?: PushNotification, state = 'active;expires=540'): Promise<number> {
    const dialog = this.dialogs.get(callId);
    if (!dialog) throw new Error(`no dialog ${callId}`);
    dialog.cseq += 1;
    const result = await this.direct.request({
      method: 'NOTIFY', requestUri: dialog.contact, from: `<${this.aor}>;tag=${this.tag}`, to: dialog.clientFrom, callId,
      cseq: dialog.cseq, contact: `<${this.proxied.contactUri('ppg')}>`,
      headers: [{ name: 'Event', value: PUSH_SESSION.event }, { name: 'Subscription-State', value: state }],
      ...(push && { contentType: PUSH_SESSION.pushMediaType, body: encodePushNotification(push) }),
    });
    return result.status;
  }

  /** Call-IDs of the sessions opened so far. */
  get sessionIds(): string[] {
    return [...this.dialogs.keys()];
  }

  async close(): Promise<void> {
    await this.proxied.unregister({ aor: this.aor, instanceId: this.instanceId }).catch(() => undefined);
    await Promise.all([this.proxied.close(), this.direct.close()]);
  }

  private onRequest(incoming: IncomingSipRequest): void {
    const { request } = incoming;
    if (request.method !== 'SUBSCRIBE') return void incoming.respond(405, 'Method Not Allowed');
    const callId = getHeader(request, 'Call-ID') ?? '';
    const expires = Number(getHeader(request, 'Expires') ?? '600');
    const inDialog = nameAddrTag(getHeader(request, 'To') ?? '') !== undefined;
    const body = request.body.length > 0 ? (JSON.parse(Buffer.from(request.body).toString()) as Record<string, unknown>) : undefined;
    this.subscribes.push({ request, authValid: this.authValid(request, callId), expires, inDialog, ...(body && { body }) });
    const headers = [{ name: 'Expires', value: String(expires) }, { name: 'Contact', value: `<${this.direct.contactUri('ppg')}>` }];
    if (!inDialog && expires > 0) {
      const contact = parseNameAddr(getHeader(request, 'Contact') ?? '').uri;
      this.dialogs.set(callId, { contact, clientFrom: getHeader(request, 'From') ?? '', cseq: 0 });
    }
    incoming.respond(200, 'OK', headers);
    if (inDialog && expires === 0) void this.notify(callId, undefined, 'terminated;reason=noresource').catch(() => undefined);
  }

  private authValid(request: SipRequest, callId: string): boolean {
    const [tenantId, clientId] = (getHeader(request, PUSH_SESSION.headers.client) ?? '').split(' ');
    const auth = getHeader(request, PUSH_SESSION.headers.auth) ?? '';
    const timestamp = Number(auth.split(';')[0]);
    if (!tenantId || !clientId || !Number.isSafeInteger(timestamp)) return false;
    return auth === sessionAuthValue(deriveClientKey(this.master, tenantId, clientId), { tenantId, clientId, callId, timestamp });
  }
}
