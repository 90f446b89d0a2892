import { paramValue, parseSipUri } from '@waken/bearer-sip';
import type { BindingTable } from './binding-table';
import type { ProxyIdentity } from './proxy-identity';
import { orReject, SipRejection } from './sip-rejection';

/**
 * Where an out-of-dialog request goes, like Kamailio's `lookup("location")`
 * (RFC 5627 §6.1): a pub-gruu → the newest binding of that instance (480 when the
 * instance is not registered now, 404 when it never was); a temp-gruu → its binding; a
 * plain AOR → every binding (the caller forks in parallel).
 */
export class TargetResolver {
  constructor(
    private readonly table: BindingTable,
    private readonly identity: ProxyIdentity,
  ) {}

  /** The contact URIs to forward to; throws SipRejection. */
  resolve(requestUri: string): string[] {
    if (!/^sips?:/i.test(requestUri)) throw new SipRejection(416, 'Unsupported URI Scheme');
    const uri = orReject(() => parseSipUri(requestUri), 400, 'Bad Request-URI');
    if (!this.identity.isMyself(uri)) throw new SipRejection(403, 'Relaying Forbidden');
    if (!uri.user) throw new SipRejection(484, 'Address Incomplete');
    const gr = paramValue(uri.params, 'gr');
    if (gr === null) return this.tempGruu(uri.user);
    const aor = this.identity.aorOf(uri.user);
    if (gr !== undefined) return this.publicGruu(aor, gr);
    const contacts = this.table.contactsOf(aor).map((b) => b.contact);
    if (contacts.length === 0) throw new SipRejection(404, 'Not Found');
    return contacts;
  }

  private publicGruu(aor: string, instanceId: string): string[] {
    const binding = this.table.byInstance(aor, instanceId);
    if (binding) return [binding.contact];
    if (this.table.wasRegistered(aor, instanceId)) throw new SipRejection(480, 'Temporarily Unavailable');
    throw new SipRejection(404, 'Not Found');
  }

  private tempGruu(user: string): string[] {
    const binding = this.table.byTempGruu(user);
    if (!binding) throw new SipRejection(404, 'Not Found');
    return [binding.contact];
  }
}
