import { buildRequest, newBranch, type SipHeaderInput, type SipRequest } from '@waken/bearer-sip';
import type { IncomingSipRequest } from '@waken/bearer-sip-transport';
import type { RegisterCommand } from '../binding';

export const DOMAIN = 'example.com';
export const AOR = 'sip:alice@example.com';
export const instance = (n: number) => `urn:uuid:00000000-0000-4000-8000-00000000000${n}`;

/** A REGISTER as a device sends it (RFC 5627 §4.1). */
export function registerRequest(opts: {
  contacts?: readonly string[];
  headers?: SipHeaderInput;
  to?: string;
  callId?: string;
  cseq?: number;
} = {}): SipRequest {
  const request = buildRequest({
    method: 'REGISTER',
    requestUri: 'sip:example.com',
    from: `<${AOR}>;tag=f1`,
    to: opts.to ?? `<${AOR}>`,
    callId: opts.callId ?? 'reg-1',
    cseq: opts.cseq ?? 1,
    via: `SIP/2.0/UDP 127.0.0.2:5062;branch=${newBranch()}`,
    headers: opts.headers ?? { Supported: 'gruu, outbound' },
  });
  const contacts = (opts.contacts ?? []).map((value) => ({ name: 'Contact', value }));
  return { ...request, headers: [...request.headers, ...contacts] };
}

/** A command for the binding table: one instance binding per contact given. */
export function command(overrides: Partial<RegisterCommand> = {}): RegisterCommand {
  return { aor: AOR, callId: 'reg-1', cseq: 1, wantsGruu: true, removeAll: false, contacts: [], ...overrides };
}

export function deviceUpdate(n: number, expires = 300, regId?: number) {
  return {
    contact: `sip:alice@127.0.0.${n}:5062`,
    instanceId: instance(n),
    ...(regId === undefined ? {} : { regId }),
    expires,
    params: [{ name: '+sip.instance', value: `"<${instance(n)}>"` }],
  };
}

export interface Answer {
  readonly status: number;
  readonly reason: string;
  readonly headers: SipHeaderInput | undefined;
  readonly body: Uint8Array | string | undefined;
}

/** An IncomingSipRequest whose answers are recorded instead of sent. */
export function fakeIncoming(request: SipRequest): { incoming: IncomingSipRequest; answers: Answer[] } {
  const answers: Answer[] = [];
  const incoming: IncomingSipRequest = {
    request,
    source: { transport: 'udp', host: '127.0.0.2', port: 5062 },
    toTag: 'fake-tag',
    useToTag: () => undefined,
    respond: (status, reason, headers, body) => {
      answers.push({ status, reason, headers, body });
      return true;
    },
  };
  return { incoming, answers };
}
