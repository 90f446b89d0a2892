import { formatNameAddr, newCallId, newTag, parseSipUri, SipBuildError, type SipParam } from '@waken/bearer-sip';
import type { SipRequestSender } from './sip-request-sender';
import type { SipTransportName } from './sip-peer';
import type { SipResult } from './sip-outgoing-request';
import { readGruuBinding, type GruuBinding } from './gruu-binding';
import { SipRequestFailedError } from './sip-request-failed-error';

export interface SipRegistrationSpec {
  /** the public user identity, e.g. sip:+43-8323546@example.com */
  readonly aor: string;
  /** RFC 5626 §4.1 instance id: urn:uuid:... (or urn:gsma:imei:...) */
  readonly instanceId: string;
  /** our contact URI; default sip:<aor user>@<endpoint host>:<port>[;transport=tcp] */
  readonly contact?: string;
  readonly expires?: number;
  readonly regId?: number;
  readonly transport?: SipTransportName;
  /** extra Contact params, e.g. +g.oma.pusheventapp="ulp.ua" (sip-push.md §5) */
  readonly contactParams?: readonly SipParam[];
}

export interface SipRegistration extends GruuBinding {
  readonly aor: string;
  readonly instanceId: string;
  readonly result: SipResult;
}

interface Dialog {
  readonly callId: string;
  readonly fromTag: string;
  readonly contact: string;
  /** +sip.instance, reg-id and the caller's params: a removal must name the same binding */
  readonly params: readonly SipParam[];
  readonly transport?: SipTransportName;
  cseq: number;
}

const INSTANCE = /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[^\s"<>;,]+$/;

/**
 * REGISTER with GRUU (RFC 5627 §4.1): `Supported: gruu, outbound`, `+sip.instance` in the
 * Contact, one Call-ID per binding with a rising CSeq across refreshes (RFC 3261 §10.2.4).
 */
export class SipRegistrationClient {
  private readonly dialogs = new Map<string, Dialog>();

  constructor(
    private readonly sender: SipRequestSender,
    private readonly defaultContact: (user: string, transport: SipTransportName | undefined) => string,
  ) {}

  async register(spec: SipRegistrationSpec): Promise<SipRegistration> {
    const dialog = this.dialog(spec);
    const result = await this.send(spec.aor, dialog, spec.expires ?? 3600);
    if (result.status < 200 || result.status >= 300) throw new SipRequestFailedError(result.response, 'REGISTER');
    const binding = readGruuBinding(result.response, spec.instanceId, dialog.contact);
    if (!binding) throw new SipRequestFailedError(result.response, 'REGISTER (our binding missing from the 200 OK)');
    return { ...binding, aor: spec.aor, instanceId: spec.instanceId, result };
  }

  /** Removes the binding (expires=0); resolves with the registrar's answer. */
  async unregister(spec: Pick<SipRegistrationSpec, 'aor' | 'instanceId'>): Promise<SipResult> {
    const key = `${spec.aor}|${spec.instanceId}`;
    const dialog = this.dialogs.get(key);
    if (!dialog) throw new SipBuildError(`no registration of ${spec.instanceId} for ${spec.aor}`);
    const result = await this.send(spec.aor, dialog, 0);
    if (result.status >= 200 && result.status < 300) this.dialogs.delete(key);
    return result;
  }

  private dialog(spec: SipRegistrationSpec): Dialog {
    if (!INSTANCE.test(spec.instanceId)) throw new SipBuildError(`not an instance id URN: ${spec.instanceId}`);
    const key = `${spec.aor}|${spec.instanceId}`;
    const existing = this.dialogs.get(key);
    if (existing) return existing;
    const user = parseSipUri(spec.aor).user ?? 'waken';
    const contact = spec.contact ?? this.defaultContact(user, spec.transport);
    const params: SipParam[] = [
      { name: '+sip.instance', value: `"<${spec.instanceId}>"` },
      ...(spec.regId === undefined ? [] : [{ name: 'reg-id', value: String(spec.regId) }]),
      ...(spec.contactParams ?? []),
    ];
    const dialog = { callId: newCallId('waken'), fromTag: newTag(), contact, params, transport: spec.transport, cseq: 0 };
    this.dialogs.set(key, dialog);
    return dialog;
  }

  private send(aorText: string, dialog: Dialog, expires: number): Promise<SipResult> {
    dialog.cseq += 1;
    const aor = parseSipUri(aorText);
    return this.sender.send({
      method: 'REGISTER',
      requestUri: `${aor.scheme}:${aor.host}${aor.port === undefined ? '' : `:${aor.port}`}`,
      from: `<${aorText}>;tag=${dialog.fromTag}`,
      to: `<${aorText}>`,
      callId: dialog.callId,
      cseq: dialog.cseq,
      contact: formatNameAddr({ uri: dialog.contact, params: [...dialog.params, { name: 'expires', value: String(expires) }] }),
      headers: [{ name: 'Supported', value: 'gruu, outbound' }],
      transport: dialog.transport,
    });
  }
}
