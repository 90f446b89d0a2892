import { bindingKey, type Binding, type ContactUpdate, type RegisterCommand } from './binding';
import { KnownInstances } from './known-instances';
import { newTempGruuUser } from './gruu';
import { SipRejection } from './sip-rejection';

export interface BindingLimits {
  readonly maxBindings: number;
  readonly maxContactsPerAor: number;
  readonly maxTempGruusPerBinding: number;
}

type Bindings = Map<string, Binding>;

/**
 * The location service (RFC 3261 §10.3) with RFC 5627 GRUUs, in memory like Kamailio's
 * usrloc with `db_mode 0`. Bounded: bindings overall, per AOR, and temp-gruus per binding.
 * Expired bindings are never returned, and `sweep` drops them.
 */
export class BindingTable {
  private readonly aors = new Map<string, Bindings>();
  private readonly temps = new Map<string, { readonly aor: string; readonly key: string }>();
  private readonly known: KnownInstances;
  private count = 0;
  private order = 0;

  constructor(
    private readonly limits: BindingLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.known = new KnownInstances(limits.maxBindings * 4);
  }

  get size(): number {
    return this.count;
  }

  /** Applies a REGISTER all or nothing and returns the AOR's bindings after it. */
  apply(command: RegisterCommand): Binding[] {
    const current = this.live(command.aor);
    const next = new Map(current);
    if (command.removeAll) this.removeAll(next, command);
    for (const update of command.contacts) this.update(next, command, update);
    if (next.size > this.limits.maxContactsPerAor) throw new SipRejection(503, 'Too Many Registered Contacts');
    if (this.count - current.size + next.size > this.limits.maxBindings) {
      throw new SipRejection(503, 'Registrar Full', [{ name: 'Retry-After', value: '60' }]);
    }
    this.commit(command.aor, current, next);
    return [...next.values()];
  }

  contactsOf(aor: string): Binding[] {
    return [...this.live(aor).values()];
  }

  /** RFC 5627 §6.1 / RFC 5626 §5.2: one of the instance's flows, the newest. */
  byInstance(aor: string, instanceId: string): Binding | undefined {
    const wanted = instanceId.toLowerCase();
    return this.contactsOf(aor)
      .filter((b) => b.instanceId?.toLowerCase() === wanted)
      .reduce<Binding | undefined>((best, b) => (best === undefined || b.order > best.order ? b : best), undefined);
  }

  byTempGruu(user: string): Binding | undefined {
    const ref = this.temps.get(user);
    return ref === undefined ? undefined : this.live(ref.aor).get(ref.key);
  }

  /** The instance registered under the AOR at some point (its pub-gruu was valid). */
  wasRegistered(aor: string, instanceId: string): boolean {
    return this.known.has(aor, instanceId);
  }

  /** Drops every expired binding; returns how many. */
  sweep(): number {
    const before = this.count;
    for (const aor of [...this.aors.keys()]) this.live(aor);
    return before - this.count;
  }

  /** RFC 3261 §10.3 step 6: `*` removes every binding, unless one shows an out-of-order CSeq. */
  private removeAll(next: Bindings, command: RegisterCommand): void {
    for (const binding of next.values()) BindingTable.checkOrder(binding, command);
    next.clear();
  }

  /** RFC 3261 §10.3 step 7; RFC 5627 §5.1: a fresh temp-gruu per refresh, all reset by a new Call-ID. */
  private update(next: Bindings, command: RegisterCommand, update: ContactUpdate): void {
    const key = bindingKey(update);
    const existing = next.get(key);
    if (existing) BindingTable.checkOrder(existing, command);
    if (update.expires === 0) {
      next.delete(key);
      return;
    }
    const kept = existing?.callId === command.callId ? existing.tempGruus : [];
    const minted = command.wantsGruu && update.instanceId !== undefined ? [newTempGruuUser()] : [];
    this.order += 1;
    next.set(key, {
      key,
      aor: command.aor,
      contact: update.contact,
      ...(update.instanceId === undefined ? {} : { instanceId: update.instanceId }),
      ...(update.instanceId === undefined || update.regId === undefined ? {} : { regId: update.regId }),
      params: update.params,
      expiresAt: this.now() + update.expires * 1000,
      callId: command.callId,
      cseq: command.cseq,
      order: this.order,
      tempGruus: [...kept, ...minted].slice(-this.limits.maxTempGruusPerBinding),
    });
  }

  private static checkOrder(existing: Binding, command: RegisterCommand): void {
    if (existing.callId === command.callId && command.cseq <= existing.cseq) throw new SipRejection(500, 'Out Of Order CSeq');
  }

  private commit(aor: string, current: Bindings, next: Bindings): void {
    for (const old of current.values()) {
      const kept = new Set(next.get(old.key)?.tempGruus ?? []);
      for (const user of old.tempGruus) if (!kept.has(user)) this.temps.delete(user);
    }
    for (const binding of next.values()) {
      for (const user of binding.tempGruus) this.temps.set(user, { aor, key: binding.key });
      if (binding.instanceId !== undefined) this.known.remember(aor, binding.instanceId);
    }
    this.count += next.size - current.size;
    if (next.size === 0) this.aors.delete(aor);
    else this.aors.set(aor, next);
  }

  /** The AOR's bindings with the expired ones (and their temp-gruus) dropped. */
  private live(aor: string): Bindings {
    const bindings = this.aors.get(aor);
    if (bindings === undefined) return new Map();
    const now = this.now();
    for (const binding of [...bindings.values()]) {
      if (binding.expiresAt > now) continue;
      bindings.delete(binding.key);
      binding.tempGruus.forEach((user) => this.temps.delete(user));
      this.count -= 1;
    }
    if (bindings.size === 0) this.aors.delete(aor);
    return bindings;
  }
}
