import type { SipParam } from '@waken/bearer-sip';

/** One Contact of a REGISTER, read and checked (RFC 3261 §10.3 steps 6-8). */
export interface ContactUpdate {
  /** the contact URI the proxy forwards to */
  readonly contact: string;
  /** RFC 5626 §4.1 `+sip.instance` */
  readonly instanceId?: string;
  /** RFC 5626 §4.2 `reg-id` (only with an instance) */
  readonly regId?: number;
  /** seconds; 0 removes the binding */
  readonly expires: number;
  /** Contact params echoed in the 200 OK (+sip.instance, reg-id, feature tags), without expires or GRUUs */
  readonly params: readonly SipParam[];
}

/** What one REGISTER asks of the binding table. */
export interface RegisterCommand {
  readonly aor: string;
  readonly callId: string;
  readonly cseq: number;
  /** `Supported: gruu` (RFC 5627 §4.1): mint temp-gruus and return GRUUs */
  readonly wantsGruu: boolean;
  /** `Contact: *` with `Expires: 0` (RFC 3261 §10.2.2) */
  readonly removeAll: boolean;
  readonly contacts: readonly ContactUpdate[];
}

/** A registered contact of an AOR. */
export interface Binding {
  /** instance + reg-id when the UA gave an instance, else the contact URI */
  readonly key: string;
  readonly aor: string;
  readonly contact: string;
  readonly instanceId?: string;
  readonly regId?: number;
  readonly params: readonly SipParam[];
  /** epoch ms */
  readonly expiresAt: number;
  readonly callId: string;
  readonly cseq: number;
  /** rises with every REGISTER: a GRUU with several flows goes to the newest */
  readonly order: number;
  /** temp-gruu user parts minted for it, oldest first */
  readonly tempGruus: readonly string[];
}

/** RFC 5626 §6 / RFC 5627 §5.1: with an instance, the binding is the instance's (per reg-id) wherever it moves. */
export function bindingKey(update: Pick<ContactUpdate, 'contact' | 'instanceId' | 'regId'>): string {
  if (update.instanceId === undefined) return `contact|${update.contact}`;
  return `instance|${update.instanceId.toLowerCase()}|${update.regId ?? ''}`;
}
